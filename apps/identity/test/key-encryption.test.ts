import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, loadSigningKey, withLocalSecrets } from '@chorus/service-kit';
import t from 'tap';
import { runAdminCommand } from '../src/admin.commands.js';
import { prepareSigningKeys } from '../src/index.js';
import { type Tokens, claimsOf, headerOf, identityApp, login, userWithPassword } from './helpers.js';

const KEK = randomBytes(32);

t.test('private keys are encrypted at rest', async (t) => {
  const { app, deps } = await identityApp(t);

  // A key written before encryption existed: its PEM sits in the column in clear.
  const legacy = generateKeyPairSync('ed25519');
  const jwk = legacy.publicKey.export({ format: 'jwk' });
  const kid = `legacy-${randomBytes(4).toString('hex')}`;
  const pem = legacy.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await deps.db
    .insertInto('signing_keys')
    .values({ kid, alg: 'EdDSA', public_jwk: JSON.stringify({ ...jwk, kid, alg: 'EdDSA', use: 'sig' }), private_pem: pem })
    .execute();

  await prepareSigningKeys(deps);
  const rows = await deps.db.selectFrom('signing_keys').select(['kid', 'private_pem']).execute();
  t.ok(rows.length >= 1);
  for (const row of rows) {
    t.notMatch(row.private_pem, /BEGIN|PRIVATE KEY/, `${row.kid}: no PEM in the column after boot`);
    t.notOk(row.private_pem.includes(pem.split('\n')[1]!), `${row.kid}: not even the key's base64`);
  }

  const user = await userWithPassword(deps);
  const tokens = (await login(app, user.email)).json<Tokens>();
  t.equal(headerOf(tokens.access_token).kid, kid, 'the encrypted legacy key still signs');
  t.equal(claimsOf(tokens.access_token).sub, user.id);
  t.equal((await app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${tokens.access_token}` } })).statusCode, 200);
});

t.test('a wrong encryption key fails with a clear error', async (t) => {
  const { app, deps } = await identityApp(t);
  await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
  const wrong = { ...deps, config: { ...deps.config, auth: { ...deps.config.auth, keyEncryptionKey: randomBytes(32) } } };
  await t.rejects(prepareSigningKeys(wrong), /cannot be decrypted.*CHORUS_KEY_ENCRYPTION_KEY/);
  await t.rejects(loadSigningKey(deps.db, randomBytes(32)), /CHORUS_KEY_ENCRYPTION_KEY/);

  await t.rejects(runAdminCommand(wrong, ['rotate-keys']), /cannot be decrypted/, 'no new signer is sealed with a key the instances lack');
  const before = await deps.db.selectFrom('signing_keys').select('kid').where('retired_at', 'is', null).execute();
  t.equal(before.length, 1, 'nothing rotated');
  const recovered = await runAdminCommand(wrong, ['rotate-keys', '--new-encryption-key']);
  t.match(recovered[0], /^new signing key /, 'a lost key-encryption key: start over on purpose');
  await prepareSigningKeys(wrong);
  t.pass('the new key-encryption key now opens the signer');
});

t.test('CHORUS_JWT_PRIVATE_KEY keeps working, and is stored encrypted too', async (t) => {
  const configured = generateKeyPairSync('ed25519').privateKey;
  const pem = configured.export({ type: 'pkcs8', format: 'pem' }).toString();
  const { app, deps } = await identityApp(t, { CHORUS_JWT_PRIVATE_KEY: pem.replace(/\n/g, '\\n') });
  const user = await userWithPassword(deps);
  const tokens = (await login(app, user.email)).json<Tokens>();
  const kid = headerOf(tokens.access_token).kid as string;
  const keys = (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json().keys;
  const published = keys.find((k: { kid: string }) => k.kid === kid);
  t.equal(published?.x, createPublicKey(configured).export({ format: 'jwk' }).x, 'signed with the configured key');
  const row = await deps.db.selectFrom('signing_keys').select('private_pem').where('kid', '=', kid).executeTakeFirstOrThrow();
  t.notMatch(row.private_pem, /PRIVATE KEY/);
});

t.test('configuration of the key-encryption key', async (t) => {
  const production = { CHORUS_DATABASE_URL: 'postgres://chorus@db.example.test/chorus' };
  t.throws(() => loadConfig(production), ConfigError, 'the production topology refuses to start without one');
  t.throws(() => loadConfig(production), /CHORUS_KEY_ENCRYPTION_KEY/);
  t.throws(() => loadConfig({ ...production, CHORUS_KEY_ENCRYPTION_KEY: randomBytes(16).toString('base64') }), /32 bytes/);
  t.throws(() => loadConfig({ ...production, CHORUS_KEY_ENCRYPTION_KEY: 'not a key at all' }), /32 bytes/);
  t.same(loadConfig({ ...production, CHORUS_KEY_ENCRYPTION_KEY: KEK.toString('base64') }).auth.keyEncryptionKey, KEK, 'base64');
  t.same(loadConfig({ ...production, CHORUS_KEY_ENCRYPTION_KEY: KEK.toString('hex') }).auth.keyEncryptionKey, KEK, 'hex');
  t.same(loadConfig({ ...production, CHORUS_KEY_ENCRYPTION_KEY: KEK.toString('base64url') }).auth.keyEncryptionKey, KEK, 'base64url');
  t.equal(loadConfig({}).auth.keyEncryptionKey, undefined, 'the embedded default makes its own (see below)');
});

t.test('the embedded default generates the key once and keeps it in a 0600 file in the data folder', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-secrets-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({ CHORUS_DATA_DIR: dataDir });
  const first = await withLocalSecrets(config);
  t.equal(first.auth.keyEncryptionKey?.length, 32);
  const file = join(dataDir, 'secrets.json');
  t.equal(statSync(file).mode & 0o777, 0o600);
  t.match(readFileSync(file, 'utf8'), /key_encryption_key/);
  const second = await withLocalSecrets(loadConfig({ CHORUS_DATA_DIR: dataDir }));
  t.same(second.auth.keyEncryptionKey, first.auth.keyEncryptionKey, 'the same key on the next start');

  const given = await withLocalSecrets(loadConfig({ CHORUS_DATA_DIR: dataDir, CHORUS_KEY_ENCRYPTION_KEY: KEK.toString('hex') }));
  t.same(given.auth.keyEncryptionKey, KEK, 'a configured key wins over the file');
  const production = loadConfig({
    CHORUS_DATABASE_URL: 'postgres://x@db/x',
    CHORUS_KEY_ENCRYPTION_KEY: KEK.toString('hex'),
    CHORUS_DATA_DIR: join(dataDir, 'other'),
  });
  t.equal(await withLocalSecrets(production), production, 'the production topology is left alone');
});
