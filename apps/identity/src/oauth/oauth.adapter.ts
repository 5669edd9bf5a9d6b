import { appForClient, type Db, DEVICE_CODE_GRANT, isPartnerClientId, oauthQueries, partnersQueries } from '@chorus/db';

type Payload = Record<string, unknown>;

/** What oidc-provider asks of a storage adapter (lib/adapters/memory_adapter.js is the reference). */
export interface ProviderAdapter {
  upsert(id: string, payload: Payload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<Payload | undefined>;
  findByUserCode(userCode: string): Promise<Payload | undefined>;
  findByUid(uid: string): Promise<Payload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

// Ids and codes oidc-provider makes are short; anything longer is not one of ours and is not looked up.
const MAX_KEY = 512;
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 && value.length <= MAX_KEY ? value : null);

/** oidc-provider's artefacts in oauth_models; one instance per model name. */
export class KyselyAdapter implements ProviderAdapter {
  constructor(
    private readonly db: Db,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    await oauthQueries.upsertModel(this.db, {
      model: this.model,
      id,
      payload,
      // A grant is a member of itself, so revoking it deletes it with its tokens.
      grantId: this.model === 'Grant' ? id : str(payload.grantId),
      userCode: str(payload.userCode),
      uid: str(payload.uid),
      accountId: str(payload.accountId),
      clientId: str(payload.clientId),
      expiresAt: typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : null,
    });
  }

  async find(id: string): Promise<Payload | undefined> {
    if (!str(id)) return undefined;
    return (await oauthQueries.findModel(this.db, this.model, id))?.payload;
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    if (!str(userCode)) return undefined;
    return (await oauthQueries.findModelBy(this.db, this.model, 'user_code', userCode))?.payload;
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    if (!str(uid)) return undefined;
    return (await oauthQueries.findModelBy(this.db, this.model, 'uid', uid))?.payload;
  }

  async consume(id: string): Promise<void> {
    await oauthQueries.consumeModel(this.db, this.model, id);
  }

  async destroy(id: string): Promise<void> {
    await oauthQueries.destroyModel(this.db, this.model, id);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await oauthQueries.revokeGrant(this.db, grantId);
  }
}

/**
 * Clients are the partner app registry, read on every lookup (oidc-provider caches the built client by its
 * metadata's digest). `client_secret` is the hex of the stored digest: never compared as such, because client
 * authentication is answered by `verifyClientSecret` (see oauth.provider.ts), which also honours a rotated
 * secret's overlap.
 */
export class ClientRegistryAdapter implements ProviderAdapter {
  constructor(private readonly db: Db) {}

  async find(clientId: string): Promise<Payload | undefined> {
    if (!isPartnerClientId(clientId)) return undefined;
    const app = await appForClient(this.db, clientId);
    if (!app) return undefined;
    const confidential = app.clientType === 'confidential';
    const secret = confidential ? await partnersQueries.clientSecret(this.db, clientId) : undefined;
    // Client credentials need a secret: a public client never acts for itself.
    const grantTypes = app.grantTypes.filter((g) => confidential || g !== 'client_credentials');
    const codeFlow = grantTypes.includes('authorization_code');
    return {
      client_id: app.clientId,
      client_name: app.name,
      ...(confidential && secret?.secret_hash ? { client_secret: secret.secret_hash.toString('hex') } : {}),
      token_endpoint_auth_method: confidential ? 'client_secret_basic' : 'none',
      grant_types: grantTypes.filter((g) => g === 'authorization_code' || g === 'refresh_token' || g === 'client_credentials' || g === DEVICE_CODE_GRANT),
      response_types: codeFlow ? ['code'] : [],
      redirect_uris: codeFlow ? app.redirectUris : [],
    };
  }

  // The registry is written by apps/partners, never by the authorization server.
  async upsert(): Promise<void> {}
  async findByUserCode(): Promise<undefined> {
    return undefined;
  }
  async findByUid(): Promise<undefined> {
    return undefined;
  }
  async consume(): Promise<void> {}
  async destroy(): Promise<void> {}
  async revokeByGrantId(): Promise<void> {}
}
