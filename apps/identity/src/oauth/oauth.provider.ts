/// <reference path="./oidc-provider.d.ts" />
import { createHmac, createPrivateKey, randomBytes } from 'node:crypto';
import { appForClient, type Db, DEVICE_CODE_GRANT, identityQueries, isUuid, oauthQueries, verifyClientSecret } from '@chorus/db';
import { ALL_SCOPES, type ChorusConfig, loadSigningKey, SCOPES, SIGNING_ALG } from '@chorus/service-kit';
import type { KoaContextWithOIDC, Provider } from 'oidc-provider';
import type { AccessTokens } from '../access-tokens.js';
import { ClientRegistryAdapter, KyselyAdapter } from './oauth.adapter.js';
import { type AppFacts, messagePage, PAGE_CSP, userCodeConfirmPage, userCodePage } from './oauth.pages.js';
import { loadOidcProvider } from './oidc-provider.load.js';

const { default: ProviderClass, errors } = await loadOidcProvider();

/** Scopes a partner app may ask a person for, and those it may hold acting for itself (client credentials). */
export const USER_GRANTABLE = ALL_SCOPES.filter((scope) => SCOPES[scope].grant === 'user');
export const APP_GRANTABLE = ALL_SCOPES.filter((scope) => SCOPES[scope].grant === 'app');

/** The paths of the authorization server; the Fastify routes in oauth.routes.ts mount the same ones. */
export const OAUTH_ROUTES = {
  authorization: '/oauth/auth',
  token: '/oauth/token',
  device_authorization: '/oauth/device/auth',
  code_verification: '/device',
  revocation: '/oauth/revoke',
  introspection: '/oauth/introspect',
  // Identity's own JWKS route serves it, retired keys in their overlap included.
  jwks: '/.well-known/jwks.json',
  // Disabled features; named so nothing lands on oidc-provider's default paths.
  userinfo: '/oauth/userinfo',
  end_session: '/oauth/session/end',
  pushed_authorization_request: '/oauth/par',
  registration: '/oauth/register',
  backchannel_authentication: '/oauth/backchannel',
  challenge: '/oauth/challenge',
  credential: '/oauth/credential',
} as const;

/** RFC 8628's suggested poll interval, which oidc-provider announces; a device polling faster is told slow_down. */
const DEVICE_POLL_INTERVAL_MS = 5_000;
const DEVICE_CODE_TTL_SECONDS = 600;
const PROCESS_COOKIE_SECRET = randomBytes(32);

/** The resource indicator of the Chorus API (RFC 8707): the audience when it is a URI, else a URN naming it. */
export function resourceIndicator(audience: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(audience) ? audience : `urn:chorus:audience:${encodeURIComponent(audience)}`;
}

/** What the pages and the rules need about a client id, from the registry. */
export async function appFacts(db: Db, clientId: unknown): Promise<(AppFacts & Awaited<ReturnType<typeof appForClient>>) | undefined> {
  if (typeof clientId !== 'string') return undefined;
  const app = await appForClient(db, clientId);
  return app && { ...app, name: app.name, partnerName: app.partnerName, partnerVerified: app.partnerVerified, deviceClass: app.deviceClass };
}

interface BuildOptions {
  db: Db;
  auth: ChorusConfig['auth'];
  key: { kid: string; privatePem: string };
  trustProxy: boolean;
  log: { error(obj: unknown, msg: string): void };
}

function requestedScopes(ctx: KoaContextWithOIDC): string[] {
  const raw = ctx.oidc.params?.scope;
  return typeof raw === 'string' ? raw.split(' ').filter(Boolean) : [];
}

/** One oidc-provider instance, signing with one key; OAuthServer builds a new one when the active key changes. */
export function buildProvider({ db, auth, key, trustProxy, log }: BuildOptions): Provider {
  const resource = resourceIndicator(auth.audience);
  const privateJwk = { ...createPrivateKey(key.privatePem).export({ format: 'jwk' }), kid: key.kid, alg: SIGNING_ALG, use: 'sig' };
  // Cookies are signed with a key derived from the key-encryption key, so every instance agrees on it. Without one
  // (tests, a single process), a key of this process's own: never a known one, which would let anyone forge a session.
  const cookieKey = createHmac('sha256', auth.keyEncryptionKey ?? PROCESS_COOKIE_SECRET)
    .update('chorus oauth cookies')
    .digest('base64url');

  const provider = new ProviderClass(auth.oauthIssuer, {
    adapter: (name: string) => (name === 'Client' ? new ClientRegistryAdapter(db) : new KyselyAdapter(db, name)),
    jwks: { keys: [privateJwk] },
    routes: OAUTH_ROUTES,
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    clientDefaults: {
      grant_types: ['authorization_code'],
      id_token_signed_response_alg: SIGNING_ALG,
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    // OAuth 2 only: the Chorus scopes are resource scopes of the API (below), not OpenID Connect ones.
    scopes: ['openid'],
    claims: { openid: ['sub'] },
    allowOmittingSingleRegisteredRedirectUri: false,
    pkce: { required: () => true },
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }, code: { accountId?: string }) =>
      client.grantTypeAllowed('refresh_token') && typeof code.accountId === 'string',
    conformIdTokenClaims: true,
    clockTolerance: 5,
    cookies: {
      keys: [cookieKey],
      names: { session: 'chorus_oauth_session', interaction: 'chorus_oauth_interaction', resume: 'chorus_oauth_resume' },
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    ttl: {
      AccessToken: auth.accessTokenTtlSeconds,
      ClientCredentials: auth.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      DeviceCode: DEVICE_CODE_TTL_SECONDS,
      RefreshToken: auth.refreshTokenTtlSeconds,
      Grant: auth.refreshTokenTtlSeconds,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      IdToken: 3600,
    },
    interactions: { url: async (_ctx: unknown, interaction: { uid: string }) => `/oauth/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      if (!isUuid(sub) || !(await identityQueries.userById(db, sub))) return undefined;
      return { accountId: sub, claims: async () => ({ sub }) };
    },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      clientCredentials: { enabled: true },
      // A client may revoke or introspect only its own tokens; public clients may not introspect.
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) => token.clientId === client.clientId,
      },
      introspection: {
        enabled: true,
        allowedPolicy: async (_ctx: unknown, client: { clientId: string; clientAuthMethod: string }, token: { clientId?: string }) =>
          client.clientAuthMethod !== 'none' && token.clientId === client.clientId,
      },
      deviceFlow: {
        enabled: true,
        // RFC 8628 §6.1: 8 characters of BCDFGHJKLMNPQRSTVWXZ, shown XXXX-XXXX.
        charset: 'base-20',
        mask: '****-****',
        userCodeInputSource: async (ctx: KoaContextWithOIDC, form: string, _out: unknown, error: { name?: string; userCode?: string } | undefined) => {
          const message = !error
            ? undefined
            : error.userCode || error.name === 'NoCodeError'
              ? 'That code is not valid or has expired. Check your device and try again.'
              : error.name === 'AbortedError'
                ? 'The connection was cancelled.'
                : 'Something went wrong. Try again.';
          ctx.set('content-security-policy', PAGE_CSP);
          ctx.body = userCodePage(form, message);
        },
        userCodeConfirmSource: async (ctx: KoaContextWithOIDC, form: string, client: { clientId: string }, _info: unknown, userCode: string) => {
          const app = await appFacts(db, client.clientId);
          ctx.set('content-security-policy', PAGE_CSP);
          ctx.body = userCodeConfirmPage(
            form,
            app ?? { name: client.clientId, partnerName: 'an unknown partner', partnerVerified: false, deviceClass: null },
            userCode,
          );
        },
        successSource: async (ctx: KoaContextWithOIDC) => {
          ctx.set('content-security-policy', PAGE_CSP);
          ctx.body = messagePage(
            'Device connected',
            `${ctx.oidc.client?.clientName ?? 'The app'} is now connected. You can close this page and go back to your device.`,
          );
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => resource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (ctx: KoaContextWithOIDC, indicator: string, client: { clientId: string }) => {
          if (indicator !== resource) throw new errors.InvalidTarget('unknown resource indicator');
          const app = await appForClient(db, client.clientId);
          const forItself = ctx.oidc.route === 'token' && ctx.oidc.params?.grant_type === 'client_credentials';
          const level: readonly string[] = forItself ? APP_GRANTABLE : USER_GRANTABLE;
          const allowed = (app?.scopes ?? []).filter((scope) => level.includes(scope));
          // Asking for a scope the app did not register, or of the wrong kind, is refused rather than quietly dropped.
          for (const scope of requestedScopes(ctx)) {
            if (!allowed.includes(scope)) {
              const why = forItself ? 'only partner-level scopes the app registered' : 'only listener scopes the app registered';
              throw new errors.InvalidScope(`scope ${scope} may not be requested: ${why}`, scope);
            }
          }
          return {
            scope: allowed.join(' '),
            audience: auth.audience,
            accessTokenTTL: auth.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: SIGNING_ALG, kid: key.kid } },
          };
        },
      },
    },
    formats: {
      customizers: {
        // Every Chorus access token carries one issuer, whoever issued it: resource servers verify a single value.
        jwt: async (_ctx: unknown, _token: unknown, jwt: { payload: Record<string, unknown> }) => {
          jwt.payload.iss = auth.issuer;
        },
      },
    },
    renderError: async (ctx: KoaContextWithOIDC, out: { error?: string; error_description?: string }) => {
      ctx.set('content-security-policy', PAGE_CSP);
      ctx.body = messagePage('Something went wrong', `${out.error ?? 'error'}: ${out.error_description ?? 'the request could not be completed.'}`);
    },
  });
  provider.proxy = trustProxy;

  // Client authentication against the registry's digests: the current secret, or the previous one in its overlap.
  provider.Client.prototype.compareClientSecret = function compareClientSecret(this: { clientId: string }, actual: string) {
    return verifyClientSecret(db, this.clientId, actual);
  };

  provider.use(async (ctx, next) => {
    await next();
    const params = ctx.oidc?.params;
    if (ctx.oidc?.route === 'discovery' && ctx.body && typeof ctx.body === 'object') {
      (ctx.body as Record<string, unknown>).scopes_supported = [...USER_GRANTABLE, ...APP_GRANTABLE];
    }
    // oidc-provider answers authorization_pending however fast a device polls: slow_down is ours (RFC 8628 §3.5).
    if (ctx.oidc?.route === 'token' && params?.grant_type === DEVICE_CODE_GRANT && typeof params.device_code === 'string' && params.device_code.length <= 512) {
      const previous = await oauthQueries.pollDeviceCode(db, params.device_code);
      const body = ctx.body as { error?: string } | undefined;
      if (body?.error === 'authorization_pending' && previous && Date.now() - previous.getTime() < DEVICE_POLL_INTERVAL_MS) {
        ctx.status = 400;
        ctx.body = {
          error: 'slow_down',
          error_description: `poll at most every ${DEVICE_POLL_INTERVAL_MS / 1000} seconds, plus 5 more each time you are told slow_down`,
        };
      }
    }
  });

  const touched = new Map<string, number>();
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    // A refresh is a use of the connection: recorded at most once a minute per person and app.
    if (ctx.oidc.params?.grant_type !== 'refresh_token') return;
    const token = ctx.oidc.entities.RefreshToken ?? ctx.oidc.entities.RotatedRefreshToken;
    const userId = token?.accountId;
    const clientId = ctx.oidc.client?.clientId;
    if (!userId || !clientId) return;
    const key = `${userId} ${clientId}`;
    const now = Date.now();
    if (now - (touched.get(key) ?? 0) < 60_000) return;
    if (touched.size > 10_000) touched.clear();
    touched.set(key, now);
    oauthQueries.touchConnection(db, userId, clientId).catch((error: unknown) => log.error({ err: error }, 'recording an app connection use failed'));
  });
  provider.on('server_error', (_ctx: unknown, error: unknown) => log.error({ err: error }, 'the OAuth authorization server failed'));
  return provider;
}

/**
 * The authorization server over the platform's active signing key. The key is the one identity's own sign-in
 * uses (AccessTokens: re-read every keyCacheTtlMs, at once after a rotation by this instance); when its kid
 * changes, a new provider is built around it. Requests in flight finish on the old one; all state is in the database.
 */
export class OAuthServer {
  private built: { kid: string; provider: Provider; handle: ReturnType<Provider['callback']> } | undefined;
  private building: Promise<NonNullable<OAuthServer['built']>> | undefined;

  constructor(private readonly options: Omit<BuildOptions, 'key'> & { tokens: AccessTokens }) {}

  async current(): Promise<{ provider: Provider; handle: ReturnType<Provider['callback']> }> {
    const signer = await this.options.tokens.ready();
    if (this.built?.kid === signer.kid) return this.built;
    this.building ??= (async () => {
      const key = await loadSigningKey(this.options.db, this.options.auth.keyEncryptionKey, this.options.auth.signingKeyPem);
      const provider = buildProvider({ ...this.options, key });
      return { kid: key.kid, provider, handle: provider.callback() };
    })().finally(() => {
      this.building = undefined;
    });
    this.built = await this.building;
    return this.built;
  }
}
