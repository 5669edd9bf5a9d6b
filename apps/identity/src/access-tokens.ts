import type { Db, InternalRole } from '@chorus/db';
import { AccessTokenSigner, type ChorusConfig, loadSigningKey } from '@chorus/service-kit';

export const USER_SCOPE = 'user';

/** Issues access tokens with the signing key, loaded once from the database on first use. */
export class AccessTokens {
  private signer: Promise<AccessTokenSigner> | undefined;

  constructor(
    private readonly db: Db,
    private readonly auth: ChorusConfig['auth'],
  ) {}

  /** Loads (or creates) the signing key once; the JWKS route calls it too, so the set is never empty. */
  ready(): Promise<AccessTokenSigner> {
    this.signer ??= loadSigningKey(this.db, this.auth.signingKeyPem)
      .then((key) => new AccessTokenSigner(key, this.auth.issuer, this.auth.accessTokenTtlSeconds))
      .catch((error: unknown) => {
        // A failed load (database briefly down) is retried by the next caller rather than cached.
        this.signer = undefined;
        throw error;
      });
    return this.signer;
  }

  get ttlSeconds(): number {
    return this.auth.accessTokenTtlSeconds;
  }

  async issue(userId: string, roles: readonly InternalRole[]): Promise<string> {
    const signer = await this.ready();
    return signer.issue({ sub: userId, scope: USER_SCOPE, roles: [...roles] });
  }
}
