import { appForClient, hashClientSecret, isAllowed, verifyClientSecret } from '@chorus/db';
import { createTestApp } from '@chorus/service-kit/testing';
import { as, body, confidentialApp, makeApp, makePartner, makePeople, person, refusesBadInput } from '@chorus/test-kit';
import t from 'tap';
import { partnersService } from '../src/index.js';
import { deviceApp, testEnv } from './support.js';

t.test('apps: registered with a client id; a confidential client sees its secret once', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], { redis: false, ...testEnv });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const apps = `/v1/partners/${partner.id}/apps`;

  const created = await as(app, team.developer, { method: 'POST', url: apps, payload: { ...confidentialApp, logo_url: 'https://cdn.example.com/l.png' } });
  t.equal(created.statusCode, 201);
  const registered = body(created);
  t.match(registered.client_id, /^chorus_[A-Za-z0-9_-]{22}$/);
  t.match(registered.client_secret, /^chorus_secret_[A-Za-z0-9_-]{43}$/, '256 random bits');
  t.match(registered, { mode: 'development', review: { state: 'development', reviewed_by: null }, allow_list: { count: 0, limit: 25 } });
  t.equal(registered.secret.hint, registered.client_secret.slice(0, 18));
  t.equal(created.headers.location, `${apps}/${registered.id}`);

  const stored = await deps.db.selectFrom('partner_apps').selectAll().where('id', '=', registered.id).executeTakeFirstOrThrow();
  t.same(stored.secret_hash, hashClientSecret(registered.client_secret), 'only the digest is stored');
  t.notOk(JSON.stringify(stored).includes(registered.client_secret.slice(14)), 'never the secret');

  const read = body(await as(app, team.analyst, { method: 'GET', url: `${apps}/${registered.id}` }));
  t.equal(read.client_secret, undefined, 'not shown again');
  t.equal(read.client_id, registered.client_id);
  t.equal(body(await as(app, team.analyst, { method: 'GET', url: apps })).items.length, 1);

  const device = body(await as(app, team.admin, { method: 'POST', url: apps, payload: deviceApp }));
  t.equal(device.client_secret, null, 'a public client has no secret');
  t.equal(device.secret, null);
  t.equal(device.device_class, 'car');

  t.same(await appForClient(deps.db, device.client_id), {
    appId: device.id,
    clientId: device.client_id,
    name: 'In-car player',
    logoUrl: null,
    partnerId: partner.id,
    partnerName: (await deps.db.selectFrom('partners').select('name').where('id', '=', partner.id).executeTakeFirstOrThrow()).name,
    partnerKind: 'automotive',
    partnerVerified: false,
    clientType: 'public',
    deviceClass: 'car',
    reviewState: 'development',
    grantTypes: deviceApp.grant_types,
    scopes: deviceApp.scopes,
    redirectUris: [],
  });
  t.equal(await appForClient(deps.db, 'chorus_nope'), undefined);

  // Edits are checked whole: the stored grants with the new redirect URIs.
  const patch = (payload: Record<string, unknown>, who = team.developer) => as(app, who, { method: 'PATCH', url: `${apps}/${registered.id}`, payload });
  const edited = await patch({ redirect_uris: ['https://partner.example.com/cb2', 'http://127.0.0.1/cb'], description: ' Syncs. ' });
  t.equal(edited.statusCode, 200);
  t.match(body(edited), { redirect_uris: ['https://partner.example.com/cb2', 'http://127.0.0.1/cb'], description: 'Syncs.' });
  const noUris = await patch({ redirect_uris: [] });
  t.equal(noUris.statusCode, 400);
  t.equal(body(noUris).errors[0].pointer, '/redirect_uris');
  t.equal(body(await patch({ description: null })).description, null);
  t.equal((await patch({ client_type: 'public' })).statusCode, 400, 'the client type cannot change');
  t.equal((await patch({ name: 'X' }, team.analyst)).statusCode, 403, 'analysts read');
  t.equal((await patch({ name: 'X' }, team.outsider)).statusCode, 404);
  t.equal((await as(app, team.analyst, { method: 'POST', url: apps, payload: confidentialApp })).statusCode, 403);
  t.equal((await as(app, team.outsider, { method: 'GET', url: `${apps}/${registered.id}` })).statusCode, 404);

  // Another partner's app is not found under this partner.
  const other = await makePartner(app, deps.db, { ...team, admin: team.outsider });
  t.equal((await as(app, team.outsider, { method: 'GET', url: `/v1/partners/${other.id}/apps/${registered.id}` })).statusCode, 404);

  // Deleting: admins only; the client id is gone.
  t.equal((await as(app, team.developer, { method: 'DELETE', url: `${apps}/${device.id}` })).statusCode, 403);
  t.equal((await as(app, team.admin, { method: 'DELETE', url: `${apps}/${device.id}` })).statusCode, 204);
  t.equal(await appForClient(deps.db, device.client_id), undefined);
});

t.test('apps: registrations that do not hold together are refused', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], { redis: false, ...testEnv });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const create = (change: Record<string, unknown>) =>
    as(app, team.admin, { method: 'POST', url: `/v1/partners/${partner.id}/apps`, payload: { ...confidentialApp, ...change } });
  const pointers = async (change: Record<string, unknown>) => {
    const res = await create(change);
    t.equal(res.statusCode, 400, JSON.stringify(change));
    return body(res).errors.map((e: { pointer: string }) => e.pointer);
  };
  t.same(await pointers({ client_type: 'public' }), ['/grant_types']);
  t.same(await pointers({ redirect_uris: ['http://partner.example.com/cb'] }), ['/redirect_uris/0']);
  t.same(await pointers({ redirect_uris: ['https://partner.example.com/cb#x'] }), ['/redirect_uris/0']);
  t.same(await pointers({ redirect_uris: Array.from({ length: 11 }, (_, i) => `https://p.example.com/${i}`) }), ['/redirect_uris']);
  t.same(await pointers({ redirect_uris: ['https://p.example.com/a', 'https://p.example.com/a'] }), ['/redirect_uris']);
  t.ok((await pointers({ scopes: ['admin:manage'] })).includes('/scopes/0'), 'internal scopes are not offered');
  t.same(await pointers({ grant_types: ['client_credentials'], redirect_uris: [], scopes: ['listens:read'] }), ['/scopes']);
  t.same(await pointers({ ...deviceApp, redirect_uris: [], device_class: undefined }), ['/device_class']);
  t.same(await pointers({ logo_url: 'https://u:p@cdn.example.com/l.png' }), ['/logo_url']);
  t.equal((await create({ logo_url: 'http://cdn.example.com/l.png' })).statusCode, 400);
  t.equal(await deps.db.selectFrom('partner_apps').select('id').executeTakeFirst(), undefined, 'nothing stored');

  await refusesBadInput(t, app, {
    method: 'POST',
    url: `/v1/partners/${partner.id}/apps`,
    headers: team.admin.auth,
    body: confidentialApp,
    required: ['name', 'client_type', 'grant_types', 'scopes'],
    snapshot: async () => deps.db.selectFrom('partner_apps').selectAll().execute(),
  });

  // At most 25 apps per partner.
  await deps.db
    .insertInto('partner_apps')
    .values(
      Array.from({ length: 25 }, (_, i) => ({
        id: crypto.randomUUID(),
        partner_id: partner.id,
        client_id: `chorus_filler${i}`,
        name: `Filler ${i}`,
        description: null,
        logo_url: null,
        client_type: 'public' as const,
        redirect_uris: [],
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code' as const],
        scopes: ['listens:read'],
        device_class: 'tv' as const,
        secret_hash: null,
        secret_hint: null,
        secret_created_at: null,
        created_by: team.admin.id,
      })),
    )
    .execute();
  t.equal(body(await create({})).code, 'too_many_apps');
});

t.test('client secrets: rotation keeps the previous one valid for the overlap, then only the new one', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], {
    redis: false,
    env: { CHORUS_RATE_LIMITS: 'off', CHORUS_CLIENT_SECRET_OVERLAP_SECONDS: '3600' },
  });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const registered = await makeApp(app, team.developer, partner.id);
  const first = registered.client_secret!;
  const clientId = registered.client_id;
  t.ok(await verifyClientSecret(deps.db, clientId, first));
  t.notOk(await verifyClientSecret(deps.db, clientId, `${first}x`));
  t.notOk(await verifyClientSecret(deps.db, clientId, ''));
  t.notOk(await verifyClientSecret(deps.db, 'chorus_unknown', first));
  t.notOk(await verifyClientSecret(deps.db, clientId, 'x'.repeat(100_000)), 'a huge input is refused without hashing it');

  const url = `/v1/partners/${partner.id}/apps/${registered.id}/secret`;
  t.equal((await as(app, team.analyst, { method: 'POST', url })).statusCode, 403);
  const rotated = await as(app, team.developer, { method: 'POST', url });
  t.equal(rotated.statusCode, 200);
  const second = body(rotated);
  t.match(second.client_secret, /^chorus_secret_/);
  t.not(second.client_secret, first);
  const until = Date.parse(second.previous_valid_until);
  t.ok(Math.abs(until - (Date.now() + 3600_000)) < 60_000, 'the configured overlap');

  t.ok(await verifyClientSecret(deps.db, clientId, second.client_secret), 'the new one verifies');
  t.ok(await verifyClientSecret(deps.db, clientId, first), 'the old one still verifies during the overlap');
  t.notOk(await verifyClientSecret(deps.db, clientId, first, new Date(until + 1000)), 'and not after it');
  t.ok(await verifyClientSecret(deps.db, clientId, second.client_secret, new Date(until + 1000)));
  t.equal(
    body(await as(app, team.analyst, { method: 'GET', url: `/v1/partners/${partner.id}/apps/${registered.id}` })).secret.previous_valid_until,
    second.previous_valid_until,
  );

  // Rotating again drops the oldest at once: how a leaked secret is revoked.
  const third = body(await as(app, team.admin, { method: 'POST', url }));
  t.notOk(await verifyClientSecret(deps.db, clientId, first));
  t.ok(await verifyClientSecret(deps.db, clientId, second.client_secret));
  t.ok(await verifyClientSecret(deps.db, clientId, third.client_secret));

  const device = await makeApp(app, team.developer, partner.id, deviceApp);
  t.equal(body(await as(app, team.developer, { method: 'POST', url: `/v1/partners/${partner.id}/apps/${device.id}/secret` })).code, 'public_client');
});

t.test('client secrets: with no overlap configured, rotation revokes the old secret at once', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], {
    redis: false,
    env: { CHORUS_RATE_LIMITS: 'off', CHORUS_CLIENT_SECRET_OVERLAP_SECONDS: '0' },
  });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const registered = await makeApp(app, team.developer, partner.id);
  const rotated = body(await as(app, team.developer, { method: 'POST', url: `/v1/partners/${partner.id}/apps/${registered.id}/secret` }));
  t.equal(rotated.previous_valid_until, null);
  t.notOk(await verifyClientSecret(deps.db, registered.client_id, registered.client_secret!));
  t.ok(await verifyClientSecret(deps.db, registered.client_id, rotated.client_secret));
});

t.test('allow-list: by handle, at most 25, the team allowed implicitly', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], { redis: false, ...testEnv });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const registered = await makeApp(app, team.developer, partner.id, deviceApp);
  const list = `/v1/partners/${partner.id}/apps/${registered.id}/allow-list`;
  const tester = await person(deps);

  t.notOk(await isAllowed(deps.db, registered.id, tester.id));
  t.ok(await isAllowed(deps.db, registered.id, team.analyst.id), 'members are allowed without being listed');
  t.notOk(await isAllowed(deps.db, registered.id, team.outsider.id));
  t.notOk(await isAllowed(deps.db, registered.id, registered.client_id), 'an app acting for itself is no person');

  t.equal((await as(app, team.analyst, { method: 'POST', url: list, payload: { handle: tester.handle } })).statusCode, 403);
  t.equal((await as(app, team.outsider, { method: 'POST', url: list, payload: { handle: tester.handle } })).statusCode, 404);
  const added = await as(app, team.developer, { method: 'POST', url: list, payload: { handle: tester.handle } });
  t.equal(added.statusCode, 201);
  t.match(body(added), { user_id: tester.id, handle: tester.handle });
  t.equal(body(await as(app, team.developer, { method: 'POST', url: list, payload: { handle: tester.handle } })).code, 'already_allowed');
  t.ok(await isAllowed(deps.db, registered.id, tester.id));

  const listed = body(await as(app, team.analyst, { method: 'GET', url: list }));
  t.same(
    listed.items.map((u: { user_id: string }) => u.user_id),
    [tester.id],
  );
  t.equal(listed.limit, 25);
  t.equal(body(await as(app, team.analyst, { method: 'GET', url: `/v1/partners/${partner.id}/apps/${registered.id}` })).allow_list.count, 1);

  const fillers = await Promise.all(Array.from({ length: 24 }, () => person(deps)));
  for (const filler of fillers) t.equal((await as(app, team.admin, { method: 'POST', url: list, payload: { handle: filler.handle } })).statusCode, 201);
  const full = await as(app, team.admin, { method: 'POST', url: list, payload: { handle: team.newcomer.handle } });
  t.equal(full.statusCode, 409);
  t.equal(body(full).code, 'allow_list_full');

  t.equal((await as(app, team.developer, { method: 'DELETE', url: `${list}/${tester.id}` })).statusCode, 204);
  t.notOk(await isAllowed(deps.db, registered.id, tester.id));
  t.equal((await as(app, team.developer, { method: 'DELETE', url: `${list}/${tester.id}` })).statusCode, 404);
  t.equal((await as(app, team.admin, { method: 'POST', url: list, payload: { handle: team.newcomer.handle } })).statusCode, 201, 'room again');
});
