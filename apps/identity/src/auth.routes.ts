import { bearerSecurity, errorResponses, guard, rateLimitConfig, requirePrincipal } from '@chorus/service-kit';
import { Type } from 'typebox';
import { LoginBody, RefreshBody, SignupBody, TokenResponseSchema, UserSchema } from './auth.schemas.js';
import { type AuthContext, getUser, login, logout, refresh, signup } from './auth.service.js';
import type { TypedApp as IdentityApp } from '@chorus/service-kit';

const tags = ['identity'];

/** Sign-up, log-in, refresh, log-out and the caller's own account. */
export function authRoutes(app: IdentityApp, ctx: AuthContext): void {
  // One tight per-IP bucket shared by sign-up and log-in, against credential stuffing.
  const authLimit = rateLimitConfig(app.deps.config.rateLimits.auth, 'auth');

  app.post(
    '/v1/auth/signup',
    {
      config: authLimit,
      schema: {
        tags,
        summary: 'Create an account',
        description: 'Creates a listener account. Emails are unique whatever their letter case.',
        security: [],
        body: SignupBody,
        response: { 201: UserSchema, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      const user = await signup(ctx, request.body);
      return reply.code(201).header('location', '/v1/me').send(user);
    },
  );

  app.post(
    '/v1/auth/login',
    {
      config: authLimit,
      schema: {
        tags,
        summary: 'Log in with email and password',
        description: 'Answers an access token and a single-use refresh token. A wrong email and a wrong password are told apart by neither answer nor timing.',
        security: [],
        body: LoginBody,
        response: { 200: TokenResponseSchema, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const tokens = await login(ctx, request.body);
      return reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' }).send(tokens);
    },
  );

  app.post(
    '/v1/auth/refresh',
    {
      schema: {
        tags,
        summary: 'Exchange a refresh token for a new token pair',
        description:
          'Refresh tokens rotate: the one sent is spent and a new one is returned. Sending a spent token again answers `refresh_token_reused` and signs out every session of that log-in.',
        security: [],
        body: RefreshBody,
        response: { 200: TokenResponseSchema, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const tokens = await refresh(ctx, request.body);
      return reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' }).send(tokens);
    },
  );

  app.post(
    '/v1/auth/logout',
    {
      schema: {
        tags,
        summary: 'Log out',
        description: 'Revokes the refresh token and every token rotated from the same log-in. An unknown token is answered 204 too.',
        security: [],
        body: RefreshBody,
        response: { 204: Type.Null({ description: 'Logged out.' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      await logout(ctx.db, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/me',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: 'Your account',
        security: bearerSecurity(),
        response: { 200: UserSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => getUser(ctx.db, requirePrincipal(request).userId),
  );
}
