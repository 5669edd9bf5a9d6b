import type { Db, InternalRole } from '@chorus/db';
import { AccessTokenSigner, ALL_SCOPES, type ChorusConfig, FIRST_PARTY_CLIENT_ID, loadSigningKey } from '@chorus/service-kit';

/** First-party sign-in holds every scope; internal ones still need the internal role on their routes. */
export const USER_SCOPE = ALL_SCOPES.join(' ');

/**
 * Issues access tokens with the active signing key. The key is re-read from the database every
 * `keyCacheTtlMs` (a minute by default), so a rotation made by another instance or by the CLI is picked up
 * within that time; the instance that rotates drops its signer at once (`reset`).
 */
export class AccessTokens {
  private current: { signer: Promise<AccessTokenSigner>; readAt: number } | undefined;

  constructor(
    private readonly db: Db,
    private readonly auth: ChorusConfig['auth'],
  ) {}

  /** Loads (or creates) the signing key when the one held is due for a re-read; the JWKS route calls it too, so the set is never empty. */
  ready(): Promise<AccessTokenSigner> {
    const now = Date.now();
    if (this.current && now - this.current.readAt < this.auth.keyCacheTtlMs) return this.current.signer;
    const { issuer, audience, accessTokenTtlSeconds: ttlSeconds } = this.auth;
    const signer = loadSigningKey(this.db, this.auth.keyEncryptionKey, this.auth.signingKeyPem).then(
      (key) => new AccessTokenSigner(key, { issuer, audience, ttlSeconds }),
    );
    const entry = { signer, readAt: now };
    this.current = entry;
    // A failed load (database briefly down) is retried by the next caller rather than cached.
    signer.catch(() => {
      if (this.current === entry) this.current = undefined;
    });
    return signer;
  }

  /** Forgets the signer, so the next token is signed with the key the database now names. */
  reset(): void {
    this.current = undefined;
  }

  get ttlSeconds(): number {
    return this.auth.accessTokenTtlSeconds;
  }

  async issue(userId: string, roles: readonly InternalRole[]): Promise<string> {
    const signer = await this.ready();
    return signer.issue({ sub: userId, client_id: FIRST_PARTY_CLIENT_ID, scope: USER_SCOPE, roles: [...roles] });
  }
}
