import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { type Db, type InternalRole, keysQueries } from '@chorus/db';
import { createSigner } from 'fast-jwt';
import { ACCESS_TOKEN_TYPE, SIGNING_ALG } from './auth.js';
import { isSealed, openSecret, sealSecret } from './secrets.js';

/** The client id of Chorus's own sign-in (log-in, refresh), in every token it issues. */
export const FIRST_PARTY_CLIENT_ID = 'chorus';

export interface SigningKey {
  kid: string;
  privatePem: string;
}

/** What a signing key cannot be used without, said once for every caller. */
export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

function requireKek(kek: Buffer | undefined): Buffer {
  if (!kek) throw new SigningKeyError('CHORUS_KEY_ENCRYPTION_KEY is not set: signing keys are encrypted with it');
  return kek;
}

function kidFor(publicKey: KeyObject): string {
  // The kid is derived from the key itself, so the same configured key always gets the same id.
  const jwk = publicKey.export({ format: 'jwk' });
  return `ed25519-${Buffer.from(String(jwk.x)).toString('base64url').slice(0, 16)}`;
}

function rowFor(privateKey: KeyObject, kek: Buffer) {
  const publicKey = createPublicKey(privateKey);
  const kid = kidFor(publicKey);
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: SIGNING_ALG, use: 'sig' };
  return { kid, privatePem, row: { kid, alg: SIGNING_ALG, public_jwk: JSON.stringify(jwk), private_pem: sealSecret(privatePem, kek, kid) } };
}

function openKey(kid: string, stored: string, kek: Buffer): SigningKey {
  // A row written before keys were encrypted is usable as it is; sealPlaintextKeys encrypts it.
  if (!isSealed(stored)) return { kid, privatePem: stored };
  const privatePem = openSecret(stored, kek, kid);
  if (privatePem === undefined) {
    throw new SigningKeyError(
      `signing key ${kid} cannot be decrypted: CHORUS_KEY_ENCRYPTION_KEY is not the key it was encrypted with (restore that key; if it is lost, "npm run admin -- rotate-keys --new-encryption-key" starts a new signing key under the configured one)`,
    );
  }
  return { kid, privatePem };
}

/** Fails unless the key-encryption key opens the newest key it should have encrypted: nothing is written with a wrong one. */
async function assertKekOpens(db: Db, kek: Buffer): Promise<void> {
  const sample = await keysQueries.newestSealedKey(db);
  if (sample && isSealed(sample.private_pem)) openKey(sample.kid, sample.private_pem, kek);
}

/** Encrypts every private key still stored in clear (rows from before encryption); answers how many. */
export async function sealPlaintextKeys(db: Db, kek: Buffer | undefined): Promise<number> {
  const key = requireKek(kek);
  await assertKekOpens(db, key);
  let sealed = 0;
  for (const row of await keysQueries.plaintextKeys(db)) {
    const result = await keysQueries.replacePrivatePem(db, row.kid, row.private_pem, sealSecret(row.private_pem, key, row.kid));
    sealed += Number(result[0]?.numUpdatedRows ?? 0);
  }
  return sealed;
}

/**
 * The key identity signs with: the configured PEM when given (stored, encrypted, so its public half is
 * published), else the newest active key in the database, else a new Ed25519 key. Racing instances insert with
 * ON CONFLICT and re-read, so they agree on one. Plaintext rows left from before encryption are encrypted first.
 */
export async function loadSigningKey(db: Db, kek: Buffer | undefined, configuredPem?: string): Promise<SigningKey> {
  const key = requireKek(kek);
  await sealPlaintextKeys(db, key);
  if (configuredPem) {
    const configured = rowFor(createPrivateKey(configuredPem), key);
    await keysQueries.insertSigningKey(db, configured.row);
    return { kid: configured.kid, privatePem: configured.privatePem };
  }
  const existing = await keysQueries.activeSigningKey(db);
  if (existing) return openKey(existing.kid, existing.private_pem, key);
  await keysQueries.insertSigningKey(db, rowFor(generateKeyPairSync('ed25519').privateKey, key).row);
  const chosen = await keysQueries.activeSigningKey(db);
  if (!chosen) throw new SigningKeyError('the new signing key was retired while it was being created; retry');
  return openKey(chosen.kid, chosen.private_pem, key);
}

export interface Rotation {
  kid: string;
  retired: Array<{ kid: string; retiredAt: Date }>;
}

export interface RotationOptions {
  /**
   * The key-encryption key is new (the old one is lost): skip checking it against the keys it replaces, which
   * stay unreadable but still verify their tokens until the overlap ends.
   */
  newEncryptionKey?: boolean;
}

/**
 * Makes a new key the signer and retires every other active one, in one transaction. Retired keys keep
 * verifying (and stay published) for the access-token lifetime; identity instances pick the new signer up
 * at their next re-read of the active key.
 */
export async function rotateSigningKey(db: Db, kek: Buffer | undefined, options: RotationOptions = {}): Promise<Rotation> {
  const key = requireKek(kek);
  // A new signer sealed with a key the running instances do not have would stop every log-in.
  if (!options.newEncryptionKey) await assertKekOpens(db, key);
  const fresh = rowFor(generateKeyPairSync('ed25519').privateKey, key);
  return db.transaction().execute(async (trx) => {
    await keysQueries.lockForRotation(trx);
    await keysQueries.insertSigningKey(trx, fresh.row);
    const retired = await keysQueries.retireAllBut(trx, fresh.kid);
    return { kid: fresh.kid, retired: retired.map((r) => ({ kid: r.kid, retiredAt: r.retired_at ?? new Date() })) };
  });
}

/** What an access token says (RFC 9068), beyond the claims the signer adds (iss, aud, iat, exp, jti). */
export interface AccessTokenClaims {
  sub: string;
  client_id: string;
  scope: string;
  roles: InternalRole[];
}

export interface SignerOptions {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/** Signs short-lived JWT access tokens (RFC 9068: `typ: at+jwt`) with one key. */
export class AccessTokenSigner {
  private readonly sign: (payload: Record<string, unknown>) => string;
  readonly kid: string;
  readonly ttlSeconds: number;

  constructor(key: SigningKey, options: SignerOptions) {
    this.kid = key.kid;
    this.ttlSeconds = options.ttlSeconds;
    this.sign = createSigner({
      key: key.privatePem,
      algorithm: SIGNING_ALG,
      kid: key.kid,
      header: { alg: SIGNING_ALG, typ: ACCESS_TOKEN_TYPE },
      iss: options.issuer,
      aud: options.audience,
      expiresIn: options.ttlSeconds * 1000,
    });
  }

  issue(claims: AccessTokenClaims): string {
    return this.sign({ ...claims, jti: randomUUID() });
  }
}
