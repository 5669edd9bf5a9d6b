import t from 'tap';
import { signupFieldErrors } from '../src/auth.service.js';
import { isCountryCode } from '../src/countries.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../src/passwords.js';
import { hashSecret, newPersonalToken, newRefreshToken } from '../src/secrets.js';

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
  t.same(signupFieldErrors({ country: 'SE', birth_year: 2026 }, now), []);
  t.same(signupFieldErrors({ country: 'ZZ', birth_year: 2027 }, now).map((e) => e.pointer), ['/country', '/birth_year']);
});

t.test('secrets', async (t) => {
  t.match(newRefreshToken(), /^[A-Za-z0-9_-]{43}$/);
  t.match(newPersonalToken(), /^chorus_pat_[A-Za-z0-9_-]{43}$/);
  t.not(newRefreshToken(), newRefreshToken());
  t.equal(hashSecret('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
