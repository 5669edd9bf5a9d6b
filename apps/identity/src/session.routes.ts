import {
  access,
  errorResponses,
  FIRST_PARTY_CLIENT_ID,
  keyedRateLimit,
  problems,
  rateLimitConfig,
  type RoutePlugin,
  SESSION_COOKIE,
  sessionCookies,
} from '@chorus/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { LoginBody, SessionSchema, SessionStateSchema } from './auth.schemas.js';
import { type AuthContext, getUser, login, logout, refresh } from './auth.service.js';
import { loginAccount, noStore } from './auth.routes.js';

const tags = ['identity'];
/** Only sent to the routes below: the refresh token never travels with ordinary API requests. */
const REFRESH_COOKIE = 'chorus_refresh';
const REFRESH_PATH = '/v1/auth/session';

/** `name=value; attributes` for a cookie the browser's scripts cannot read and other sites cannot make it send. */
function cookie(request: FastifyRequest, name: string, value: string, path: string, maxAgeSeconds: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${name}=${value}; Path=${path}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure}`;
}

function setSession(
  request: FastifyRequest,
  reply: FastifyReply,
  tokens: { access_token: string; refresh_token: string; expires_in: number },
  refreshTtl: number,
) {
  reply.header('set-cookie', [
    cookie(request, SESSION_COOKIE, tokens.access_token, '/', tokens.expires_in),
    cookie(request, REFRESH_COOKIE, tokens.refresh_token, REFRESH_PATH, refreshTtl),
  ]);
}

function clearSession(request: FastifyRequest, reply: FastifyReply) {
  reply.header('set-cookie', [cookie(request, SESSION_COOKIE, '', '/', 0), cookie(request, REFRESH_COOKIE, '', REFRESH_PATH, 0)]);
}

/** The account an access token just issued here is for (the auth plugin decodes complete tokens: header and payload). */
function subjectOf(accessToken: string): string {
  const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string };
  return payload.sub;
}

/**
 * A browser session for the web app (a backend-for-frontend session, as the OAuth 2.0 for Browser-Based Apps BCP
 * describes): the same access and refresh tokens as a log-in, kept in httpOnly, SameSite=Strict cookies that page
 * scripts never see. The access cookie authenticates every API request of the same origin (and `EventSource`
 * streams, which cannot send headers); requests that change something must also come from the same origin.
 */
export const sessionRoutes: RoutePlugin<AuthContext> = async (app, ctx) => {
  const limits = app.deps.config.rateLimits;
  const refreshTtl = app.deps.config.auth.refreshTokenTtlSeconds;
  const sameOrigin = (request: FastifyRequest) => {
    if (!sessionCookies.sameOrigin(request)) throw problems.forbidden('A browser session can only be used from the page it belongs to.', 'cross_site');
  };

  app.post(
    '/v1/auth/session',
    {
      config: { ...rateLimitConfig(limits.loginAddress, 'login-address'), ...access.public() },
      preHandler: keyedRateLimit(app, limits.loginAccount, 'login-account', loginAccount),
      schema: {
        tags,
        summary: 'Sign in a browser',
        description:
          'Checks email and password like `POST /v1/auth/login`, and answers the account; the tokens are set as httpOnly, SameSite=Strict cookies ' +
          '(`chorus_session` for the API, `chorus_refresh` only for these routes) instead of being returned, so page scripts never hold them. ' +
          'Same-origin only. This is how the web app signs in; API clients use `POST /v1/auth/login` or OAuth.',
        body: LoginBody,
        response: { 200: SessionSchema, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      sameOrigin(request);
      const tokens = await login(ctx, request.body);
      setSession(request, reply, tokens, refreshTtl);
      const user = await getUser(ctx.db, subjectOf(tokens.access_token));
      return reply.headers(noStore).send({ user, expires_in: tokens.expires_in });
    },
  );

  app.get(
    '/v1/auth/session',
    {
      config: access.public(),
      schema: {
        tags,
        summary: 'The browser session',
        description:
          'Who the session cookie signs in, or `user: null` without one. `renewable` says a refresh cookie is there (the access cookie expired or is about to): ' +
          '`POST /v1/auth/session/refresh` then renews the session. Answers 200 either way, so a page can ask without a failed request.',
        response: { 200: SessionStateSchema, ...errorResponses() },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      const renewable = sessionCookies.read(request, REFRESH_COOKIE) !== undefined;
      const principal = request.principal;
      if (!principal || principal.clientId !== FIRST_PARTY_CLIENT_ID || !sessionCookies.read(request, SESSION_COOKIE)) return { user: null, renewable };
      const user = await getUser(ctx.db, principal.userId).catch(() => null);
      return { user, renewable };
    },
  );

  app.post(
    '/v1/auth/session/refresh',
    {
      config: access.public(),
      schema: {
        tags,
        summary: 'Renew a browser session',
        description:
          'Spends the session’s refresh cookie for a new pair of cookies (refresh tokens rotate; a replayed one ends every session of that sign-in). ' +
          'Answers 401 when there is no session to renew.',
        response: { 200: SessionSchema, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      sameOrigin(request);
      const token = sessionCookies.read(request, REFRESH_COOKIE);
      if (!token) throw problems.unauthorized('There is no session to renew: sign in.', 'no_session');
      let tokens: Awaited<ReturnType<typeof refresh>>;
      try {
        tokens = await refresh(ctx, { refresh_token: token });
      } catch (error) {
        clearSession(request, reply);
        throw error;
      }
      setSession(request, reply, tokens, refreshTtl);
      const user = await getUser(ctx.db, subjectOf(tokens.access_token));
      return reply.headers(noStore).send({ user, expires_in: tokens.expires_in });
    },
  );

  app.delete(
    '/v1/auth/session',
    {
      config: access.public(),
      schema: {
        tags,
        summary: 'Sign out a browser',
        description:
          'Revokes the session’s refresh token (and every token rotated from the same sign-in) and clears the cookies. Answers 204 without a session too.',
        response: { 204: Type.Null({ description: 'Signed out.' }), ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      sameOrigin(request);
      const token = sessionCookies.read(request, REFRESH_COOKIE);
      if (token) await logout(ctx.db, { refresh_token: token });
      clearSession(request, reply);
      return reply.code(204).send(null);
    },
  );
};
