import t from 'tap';
import { isLoopbackHost, loadConfig } from '../src/config.js';
import { TEST_KEY_ENCRYPTION_KEY } from '../src/testing.js';

// Finding 3: the demo's logins are published, so it never starts by default where others can reach the server.

const EXTERNAL = { CHORUS_DATABASE_URL: 'postgres://chorus@db/chorus', CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY };

t.test('the demo and its simulator default on only for the embedded default on a loopback host', async (t) => {
  const cases: Array<[string, Record<string, string>, boolean]> = [
    ['embedded, default host', {}, true],
    ['embedded, HOST=localhost', { HOST: 'localhost' }, true],
    ['embedded, HOST=::1', { HOST: '::1' }, true],
    ['embedded, HOST=0.0.0.0 (the old container default)', { HOST: '0.0.0.0' }, false],
    ['embedded, HOST=:: ', { HOST: '::' }, false],
    ['embedded, a LAN address', { HOST: '192.168.1.20' }, false],
    ['production topology, loopback', { ...EXTERNAL }, false],
    ['production topology, 0.0.0.0', { ...EXTERNAL, HOST: '0.0.0.0' }, false],
  ];
  for (const [name, env, on] of cases) {
    const config = loadConfig(env);
    t.equal(config.demo, on, `${name}: demo ${on ? 'on' : 'off'}`);
    t.equal(config.simulate, on, `${name}: simulator ${on ? 'on' : 'off'}`);
  }
  t.equal(loadConfig({ HOST: '0.0.0.0', CHORUS_DEMO: '1' }).demo, true, 'asked for explicitly, it runs anywhere');
  t.equal(loadConfig({ HOST: '0.0.0.0', CHORUS_DEMO: '1' }).loopbackOnly, false, 'and knows it is reachable');
  t.equal(loadConfig({ CHORUS_DEMO: '0' }).demo, false);
});

t.test('loopback hosts', async (t) => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1']) t.ok(isLoopbackHost(host), host);
  for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '127.0.0.1.example.com', '1127.0.0.1', '']) t.notOk(isLoopbackHost(host), host || '(empty)');
});

t.test("the OAuth issuer defaults to the server's own URL, as the quick start prints it", async (t) => {
  const issuer = (env: Record<string, string>) => loadConfig(env).auth.oauthIssuer;
  t.equal(issuer({}), 'http://127.0.0.1:3000', 'the default HOST and PORT');
  t.equal(issuer({ HOST: 'localhost', PORT: '4000' }), 'http://localhost:4000');
  t.equal(issuer({ HOST: '::1' }), 'http://[::1]:3000', 'an IPv6 address in brackets');
  t.equal(issuer({ HOST: '0.0.0.0' }), 'http://localhost:3000', 'every address: localhost until a public URL is set');
  t.equal(issuer({ CHORUS_JWT_ISSUER: 'https://api.example.com/' }), 'https://api.example.com', 'a URL JWT issuer is the issuer');
  t.equal(issuer({ CHORUS_JWT_ISSUER: 'chorus', CHORUS_OAUTH_ISSUER: 'https://auth.example.com' }), 'https://auth.example.com');
  t.throws(() => loadConfig({ CHORUS_OAUTH_ISSUER: 'ftp://x' }), 'only http or https');
});
