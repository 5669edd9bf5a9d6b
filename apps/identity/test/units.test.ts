import { randomBytes } from 'node:crypto';
import { HANDLE_PATTERN } from '@chorus/db';
import { isSealed, openSecret, parseKeyEncryptionKey, rateLimited, sealSecret, windowInWords } from '@chorus/service-kit';
import t from 'tap';
import { profileFieldErrors } from '../src/auth.service.js';
import { isCountryCode } from '../src/countries.js';
import { handleCandidates } from '../src/handles.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../src/passwords.js';
import { hashSecret } from '@chorus/service-kit';
import { newPersonalToken, newRefreshToken } from '../src/secrets.js';

t.test('passwords', async (t) => {
  const hash = await hashPassword('a long passphrase');
  t.match(hash, /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
  t.not(await hashPassword('a long passphrase'), hash, 'salted');
  t.equal(await verifyPassword('a long passphrase', hash), true);
  t.equal(await verifyPassword('a long passphrasE', hash), false);
  for (const bad of ['', 'x', 'scrypt$1$8$1$AAAA$AAAA', hash.replace('$32768$', '$1048576$'), `${hash}$extra`]) {
    t.equal(await verifyPassword('a long passphrase', bad), false, `refuses ${bad.slice(0, 24)}`);
  }
  t.equal(await verifyAgainstDummy('anything'), false);
});

t.test('country codes', async (t) => {
  for (const code of ['SE', 'US', 'GB', 'DE', 'BR', 'JP', 'ZA', 'XK', 'CW', 'SS']) t.ok(isCountryCode(code), code);
  for (const code of ['ZZ', 'XX', 'AA', 'QO', 'EU', 'UN', 'UK', 'DD', 'SU', 'YU', 'AN', 'XA', 'se', 'S', 'SWE', '']) t.notOk(isCountryCode(code), code);
});

t.test('sign-up checks beyond the schema', async (t) => {
  const now = new Date('2026-06-01T00:00:00Z');
  t.same(profileFieldErrors({ country: 'SE', birth_year: 2026 }, now), []);
  t.same(
    profileFieldErrors({ country: 'ZZ', birth_year: 2027 }, now).map((e) => e.pointer),
    ['/country', '/birth_year'],
  );
});

t.test('secrets', async (t) => {
  t.match(newRefreshToken(), /^[A-Za-z0-9_-]{43}$/);
  t.match(newPersonalToken(), /^chorus_pat_[A-Za-z0-9_-]{43}$/);
  t.not(newRefreshToken(), newRefreshToken());
  t.equal(hashSecret('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

t.test('sealed secrets', async (t) => {
  const key = randomBytes(32);
  const sealed = sealSecret('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n', key, 'kid-1');
  t.ok(isSealed(sealed));
  t.notMatch(sealed, /PRIVATE KEY|abc/);
  t.not(sealSecret('same', key, 'kid-1'), sealSecret('same', key, 'kid-1'), 'a fresh IV each time');
  t.equal(openSecret(sealed, key, 'kid-1'), '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
  t.equal(openSecret(sealed, randomBytes(32), 'kid-1'), undefined, 'another key');
  t.equal(openSecret(sealed, key, 'kid-2'), undefined, 'another row');
  // Flip one bit of the ciphertext's last byte: always a change (overwriting it could write the byte it had).
  const cut = sealed.lastIndexOf('.') + 1;
  const [prefix, body] = [sealed.slice(0, cut), Buffer.from(sealed.slice(cut), 'base64url')];
  body.writeUInt8(body.readUInt8(body.length - 1) ^ 1, body.length - 1);
  t.equal(openSecret(`${prefix}${body.toString('base64url')}`, key, 'kid-1'), undefined, 'tampered');
  t.equal(openSecret('v1.aes-256-gcm.garbage', key, 'kid-1'), undefined);
  t.equal(parseKeyEncryptionKey(key.toString('hex'))?.equals(key), true);
  t.equal(parseKeyEncryptionKey(key.toString('base64'))?.equals(key), true);
  t.equal(parseKeyEncryptionKey(key.toString('base64url'))?.equals(key), true);
  for (const bad of ['', 'short', randomBytes(31).toString('base64'), randomBytes(33).toString('hex'), `${key.toString('hex')}0`]) {
    t.equal(parseKeyEncryptionKey(bad), undefined, bad);
  }
});

t.test('handle candidates', async (t) => {
  const pattern = new RegExp(HANDLE_PATTERN);
  const long = handleCandidates('An Extraordinarily Long Display Name Indeed');
  t.match(long[0], /^an-extraordinarily-long/);
  for (const candidate of [...long, ...handleCandidates('李'), ...handleCandidates('Ada')]) t.match(candidate, pattern, candidate);
  t.equal(handleCandidates('Ada')[0], 'ada');
  t.match(handleCandidates('李')[0], /^user-[a-z0-9]{4}$/);
  t.equal(new Set(handleCandidates('Ada')).size, handleCandidates('Ada').length, 'no candidate twice');
});

t.test('rate-limit windows in words', async (t) => {
  t.equal(windowInWords(60_000), '60 seconds');
  t.equal(windowInWords(1000), 'second');
  t.equal(rateLimited(10, 60_000).message, 'Too many requests: at most 10 per 60 seconds. Try again later.');
});
