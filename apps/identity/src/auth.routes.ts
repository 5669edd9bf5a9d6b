import { createHash } from 'node:crypto';
import { access, errorResponses, keyedRateLimit, rateLimitConfig, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { Type } from 'typebox';
import { type LoginInput, LoginBody, RefreshBody, SignupBody, SignupResponseSchema, TokenResponseSchema, UserSchema } from './auth.schemas.js';
import { type AuthContext, getUser, login, logout, refresh, signup } from './auth.service.js';

const tags = ['identity'];
/** Answers that carry credentials or who is signed in: never kept by any cache. */
export const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** The account a log-in is for, as a rate-limit key: hashed, so counters do not hold email addresses. */
export function loginAccount(request: { body: unknown }): string {
  return createHash('sha256')
    .update((request.body as LoginInput).email.toLowerCase())
    .digest('base64url');
}

/** Sign-up, log-in, refresh, log-out and the caller's own account. */
export const authRoutes: RoutePlugin<AuthContext> = async (app, ctx) => {
  const limits = app.deps.config.rateLimits;

  app.post(
    '/v1/auth/signup',
    {
      config: { ...rateLimitConfig(limits.signup, 'signup'), ...access.public() },
      schema: {
        tags,
        summary: 'Create an account',
        description:
          'Creates a listener account and signs it in: the answer carries the same tokens as a log-in, and the account. ' +
          'Emails are unique whatever their letter case. A taken email answers 409 `email_taken`: without a way to write to ' +
          'the address, an answer that hid it would leave the person no way to learn why they cannot sign up; sign-up is ' +
          'rate limited per address, which bounds how fast anyone can probe for registered emails. A taken handle answers 409 `handle_taken`.',
        body: SignupBody,
        response: { 201: SignupResponseSchema, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      const answer = await signup(ctx, request.body);
      return reply.code(201).header('location', '/v1/me').headers(noStore).send(answer);
    },
  );

  app.post(
    '/v1/auth/login',
    {
      // Per address on arrival (cheap, before the body is read); per account once the body is valid.
      config: { ...rateLimitConfig(limits.loginAddress, 'login-address'), ...access.public() },
      preHandler: keyedRateLimit(app, limits.loginAccount, 'login-account', loginAccount),
      schema: {
        tags,
        summary: 'Log in with email and password',
        description:
          'Answers an access token and a single-use refresh token. A wrong email and a wrong password are told apart by neither answer nor timing. ' +
          'Attempts are limited per account (whatever the address) and, more loosely, per address, so one person’s mistakes do not lock out everyone behind the same address.',
        body: LoginBody,
        response: { 200: TokenResponseSchema, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const tokens = await login(ctx, request.body);
      return reply.headers(noStore).send(tokens);
    },
  );

  app.post(
    '/v1/auth/refresh',
    {
      config: access.public(),
      schema: {
        tags,
        summary: 'Exchange a refresh token for a new token pair',
        description:
          'Refresh tokens rotate: the one sent is spent and a new one is returned. Sending a spent token again answers `refresh_token_reused` and signs out every session of that log-in.',
        body: RefreshBody,
        response: { 200: TokenResponseSchema, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const tokens = await refresh(ctx, request.body);
      return reply.headers(noStore).send(tokens);
    },
  );

  app.post(
    '/v1/auth/logout',
    {
      config: access.public(),
      schema: {
        tags,
        summary: 'Log out',
        description: 'Revokes the refresh token and every token rotated from the same log-in. An unknown token is answered 204 too.',
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
      config: access.user('profile:read'),
      schema: {
        tags,
        summary: 'Your account',
        response: { 200: UserSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => getUser(ctx.db, requirePrincipal(request).userId),
  );
};
