import t from 'tap';
import { identityApp, PASSWORD, userWithPassword } from './helpers.js';

const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };

/** The cookies a response sets, by name: value and attributes. */
function cookiesOf(response: { headers: Record<string, unknown> }): Map<string, { value: string; attributes: string }> {
  const header = response.headers['set-cookie'];
  const list = Array.isArray(header) ? header : header ? [String(header)] : [];
  return new Map(
    list.map((line: string) => {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      return [pair!.slice(0, eq), { value: pair!.slice(eq + 1), attributes: attributes.join(';').trim() }];
    }),
  );
}

t.test('browser sessions: httpOnly cookies instead of tokens in the page', async (t) => {
  const { app, deps } = await identityApp(t);
  const user = await userWithPassword(deps);

  t.test('without a session, asking answers 200 and no one', async (t) => {
    const state = await app.inject({ method: 'GET', url: '/v1/auth/session' });
    t.equal(state.statusCode, 200);
    t.same(state.json(), { user: null, renewable: false });
  });

  t.test('sign-in sets the cookies, answers the account and no token', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/auth/session', headers: SAME_ORIGIN, payload: { email: user.email, password: PASSWORD } });
    t.equal(res.statusCode, 200);
    t.equal(res.json().user.id, user.id);
    t.notMatch(res.body, /eyJ/, 'no JWT in the body');
    const cookies = cookiesOf(res);
    const session = cookies.get('chorus_session')!;
    const refreshCookie = cookies.get('chorus_refresh')!;
    t.match(session.attributes, /Path=\/;.*HttpOnly; SameSite=Strict/);
    t.match(refreshCookie.attributes, /Path=\/v1\/auth\/session;.*HttpOnly; SameSite=Strict/, 'the refresh cookie only travels to the session routes');
    t.notMatch(session.attributes, /Secure/, 'no Secure over plain http (local development)');

    const me = await app.inject({ method: 'GET', url: '/v1/me', headers: { cookie: `chorus_session=${session.value}` } });
    t.equal(me.statusCode, 200, 'the cookie authenticates API reads');
    t.equal(me.json().id, user.id);
    const state = await app.inject({
      method: 'GET',
      url: '/v1/auth/session',
      headers: { cookie: `chorus_session=${session.value}; chorus_refresh=${refreshCookie.value}` },
    });
    t.same(state.json(), { user: me.json(), renewable: true });

    const https = await app.inject({
      method: 'POST',
      url: '/v1/auth/session',
      headers: { ...SAME_ORIGIN, 'x-forwarded-proto': 'https' },
      payload: { email: user.email, password: PASSWORD },
    });
    // Without a trusted proxy the header is ignored: the protocol is the socket's.
    t.equal(https.statusCode, 200);
  });

  t.test('a change through the cookie must come from the same origin', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/auth/session', headers: SAME_ORIGIN, payload: { email: user.email, password: PASSWORD } });
    const session = cookiesOf(res).get('chorus_session')!.value;
    const cookie = `chorus_session=${session}`;
    const crossSite = await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
      payload: { display_name: 'Pwned' },
    });
    t.equal(crossSite.statusCode, 401, 'a cross-site write does not use the cookie');
    t.match(crossSite.json(), { detail: /browser session/ });
    const noOrigin = await app.inject({ method: 'PATCH', url: '/v1/me', headers: { cookie }, payload: { display_name: 'Pwned' } });
    t.equal(noOrigin.statusCode, 401, 'neither does one that says nothing of where it comes from');
    const otherOrigin = await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: { cookie, origin: 'https://evil.test', host: 'chorus.test' },
      payload: { display_name: 'Pwned' },
    });
    t.equal(otherOrigin.statusCode, 401);
    const sameOrigin = await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: { cookie, origin: 'http://chorus.test', host: 'chorus.test' },
      payload: { display_name: 'Ada' },
    });
    t.equal(sameOrigin.statusCode, 200, 'a same-origin write does');
    const loginCrossSite = await app.inject({
      method: 'POST',
      url: '/v1/auth/session',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { email: user.email, password: PASSWORD },
    });
    t.equal(loginCrossSite.statusCode, 403, 'no sign-in from another site (login CSRF)');
    t.equal(loginCrossSite.json().code, 'cross_site');
    const junk = await app.inject({ method: 'GET', url: '/v1/me', headers: { cookie: 'chorus_session=not a token; other=1' } });
    t.equal(junk.statusCode, 401, 'a malformed cookie is no session');
    const tooLong = await app.inject({ method: 'GET', url: '/v1/me', headers: { cookie: `chorus_session=${'a'.repeat(5000)}` } });
    t.equal(tooLong.statusCode, 401);
  });

  t.test('refresh rotates the cookies; sign-out revokes and clears them', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/auth/session', headers: SAME_ORIGIN, payload: { email: user.email, password: PASSWORD } });
    const first = cookiesOf(res).get('chorus_refresh')!.value;
    const renewed = await app.inject({ method: 'POST', url: '/v1/auth/session/refresh', headers: { ...SAME_ORIGIN, cookie: `chorus_refresh=${first}` } });
    t.equal(renewed.statusCode, 200);
    t.equal(renewed.json().user.id, user.id);
    const second = cookiesOf(renewed).get('chorus_refresh')!.value;
    t.not(second, first, 'the refresh cookie rotates');
    const replay = await app.inject({ method: 'POST', url: '/v1/auth/session/refresh', headers: { ...SAME_ORIGIN, cookie: `chorus_refresh=${first}` } });
    t.equal(replay.statusCode, 401, 'a spent refresh cookie is refused');
    t.equal(cookiesOf(replay).get('chorus_session')?.value, '', 'and the cookies are cleared');
    const afterReplay = await app.inject({ method: 'POST', url: '/v1/auth/session/refresh', headers: { ...SAME_ORIGIN, cookie: `chorus_refresh=${second}` } });
    t.equal(afterReplay.statusCode, 401, 'a replay ends every session of that sign-in');
    const none = await app.inject({ method: 'POST', url: '/v1/auth/session/refresh', headers: SAME_ORIGIN });
    t.equal(none.statusCode, 401);
    t.equal(none.json().code, 'no_session');

    const again = await app.inject({ method: 'POST', url: '/v1/auth/session', headers: SAME_ORIGIN, payload: { email: user.email, password: PASSWORD } });
    const refreshCookie = cookiesOf(again).get('chorus_refresh')!.value;
    const out = await app.inject({ method: 'DELETE', url: '/v1/auth/session', headers: { ...SAME_ORIGIN, cookie: `chorus_refresh=${refreshCookie}` } });
    t.equal(out.statusCode, 204);
    t.match(cookiesOf(out).get('chorus_session')!.attributes, /Max-Age=0/);
    const reuse = await app.inject({ method: 'POST', url: '/v1/auth/session/refresh', headers: { ...SAME_ORIGIN, cookie: `chorus_refresh=${refreshCookie}` } });
    t.equal(reuse.statusCode, 401, 'signed out: the refresh cookie is dead');
  });

  t.test('a wrong password is told like the API log-in', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/auth/session',
      headers: SAME_ORIGIN,
      payload: { email: user.email, password: 'wrong password!' },
    });
    t.equal(res.statusCode, 401);
    t.notOk(res.headers['set-cookie'], 'no cookie');
  });
});
