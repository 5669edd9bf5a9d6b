import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { type Db, keysQueries } from '@chorus/db';
import { createSigner } from 'fast-jwt';
import { type AccessClaims, SIGNING_ALG } from './auth.js';

export interface SigningKey {
  kid: string;
  privatePem: string;
}

function kidFor(publicKey: KeyObject): string {
  // The kid is derived from the key itself, so the same configured key always gets the same id.
  const jwk = publicKey.export({ format: 'jwk' });
  return `ed25519-${Buffer.from(String(jwk.x)).toString('base64url').slice(0, 16)}`;
}

async function store(db: Db, privateKey: KeyObject): Promise<SigningKey> {
  const publicKey = createPublicKey(privateKey);
  const kid = kidFor(publicKey);
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: SIGNING_ALG, use: 'sig' };
  await keysQueries.insertSigningKey(db, { kid, alg: SIGNING_ALG, public_jwk: JSON.stringify(jwk), private_pem: privatePem });
  return { kid, privatePem };
}

/**
 * The key identity signs with: the configured PEM when given (its public half is published for verification),
 * else the newest key in the database, else a new Ed25519 key. Racing instances insert with ON CONFLICT and re-read.
 */
export async function loadSigningKey(db: Db, configuredPem?: string): Promise<SigningKey> {
  if (configuredPem) return store(db, createPrivateKey(configuredPem));
  const existing = await keysQueries.activeSigningKey(db);
  if (existing) return { kid: existing.kid, privatePem: existing.private_pem };
  await store(db, generateKeyPairSync('ed25519').privateKey);
  const chosen = await keysQueries.activeSigningKey(db);
  return { kid: chosen!.kid, privatePem: chosen!.private_pem };
}

/** Signs short-lived access tokens with one key. */
export class AccessTokenSigner {
  private readonly sign: (payload: Record<string, unknown>) => string;
  constructor(
    key: SigningKey,
    readonly issuer: string,
    readonly ttlSeconds: number,
  ) {
    this.sign = createSigner({ key: key.privatePem, algorithm: SIGNING_ALG, kid: key.kid, iss: issuer, expiresIn: ttlSeconds * 1000 });
  }

  issue(claims: AccessClaims): string {
    return this.sign({ ...claims, jti: randomBytes(9).toString('base64url') });
  }
}
