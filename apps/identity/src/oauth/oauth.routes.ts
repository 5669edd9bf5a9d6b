/// <reference path="./oidc-provider.d.ts" />
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Db, isAllowed, oauthQueries } from '@chorus/db';
import { queueWebhookDeliveries } from '@chorus/jobs';
import { access, HIDDEN_ROUTE, keyedRateLimit, ProblemError, type RoutePlugin, rateLimitConfig } from '@chorus/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { InteractionDetails, Provider } from 'oidc-provider';
import { checkCredentials } from '../auth.service.js';
import { type AppFacts, consentPage, loginPage, messagePage, PAGE_CSP, refusedPage } from './oauth.pages.js';
import { appFacts, OAUTH_ROUTES, type OAuthServer, resourceIndicator, USER_GRANTABLE } from './oauth.provider.js';

const FORM_LIMIT = 8 * 1024;

/** The provider's own endpoints, handed the raw request and response (their bodies unread). */
const PROVIDER_ENDPOINTS: Array<[method: 'GET' | 'POST', url: string]> = [
  ['GET', OAUTH_ROUTES.authorization],
  ['POST', OAUTH_ROUTES.authorization],
  ['GET', `${OAUTH_ROUTES.authorization}/:uid`],
  ['POST', OAUTH_ROUTES.token],
  ['POST', OAUTH_ROUTES.device_authorization],
  ['GET', OAUTH_ROUTES.code_verification],
  ['POST', OAUTH_ROUTES.code_verification],
  ['GET', `${OAUTH_ROUTES.code_verification}/:uid`],
  ['POST', OAUTH_ROUTES.revocation],
  ['POST', OAUTH_ROUTES.introspection],
  ['GET', '/.well-known/oauth-authorization-server'],
  ['GET', '/.well-known/openid-configuration'],
];

function html(reply: FastifyReply, status: number, body: string) {
  return reply
    .code(status)
    .headers({ 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' })
    .send(body);
}

/** The fields of a sign-in or consent form: strings only, first value of each, bounded by the body limit. */
function formFields(body: unknown): Record<string, string> {
  return typeof body === 'object' && body !== null ? (body as Record<string, string>) : {};
}

interface Interaction {
  details: InteractionDetails;
  provider: Provider;
  app: AppFacts & { appId: string; clientId: string; reviewState: string };
}

/** The interaction the cookie names, when it is the one in the URL (CSRF: a page can only act on its own). */
async function interactionFor(
  server: OAuthServer,
  db: Db,
  request: FastifyRequest<{ Params: { uid: string } }>,
  reply: FastifyReply,
): Promise<Interaction | undefined> {
  const { provider } = await server.current();
  let details: InteractionDetails;
  try {
    details = await provider.interactionDetails(request.raw, reply.raw);
  } catch {
    html(reply, 400, messagePage('This sign-in has expired', 'Start again from the app (the request expired, or was opened in another browser).'));
    return undefined;
  }
  if (details.uid !== request.params.uid) {
    html(reply, 400, messagePage('This sign-in has expired', 'Start again from the app (this page belongs to another sign-in).'));
    return undefined;
  }
  const app = await appFacts(db, details.params.client_id);
  if (!app) {
    html(reply, 400, messagePage('Unknown app', 'The app that sent you here is no longer registered.'));
    return undefined;
  }
  return { details, provider, app };
}

/** The scopes the request asks of the person, as the consent page lists them. */
function scopesAsked(details: InteractionDetails): string[] {
  const raw = typeof details.params.scope === 'string' ? details.params.scope : '';
  return [...new Set(raw.split(' ').filter((scope) => USER_GRANTABLE.includes(scope as (typeof USER_GRANTABLE)[number])))];
}

async function mayUse(db: Db, app: Interaction['app'], userId: string): Promise<boolean> {
  return app.reviewState === 'production' || isAllowed(db, app.appId, userId);
}

/** Hands a finished interaction back to the provider, which answers with a redirect. */
async function finish(reply: FastifyReply, provider: Provider, request: FastifyRequest, result: Record<string, unknown>, merge: boolean) {
  reply.hijack();
  await provider.interactionFinished(request.raw as IncomingMessage, reply.raw as ServerResponse, result, { mergeWithLastSubmission: merge });
}

/**
 * The OAuth 2 authorization server (oidc-provider) mounted in Fastify, and its sign-in and consent pages.
 * Outside /v1: OAuth endpoints answer OAuth errors (RFC 6749), the pages answer HTML.
 */
export const oauthRoutes: RoutePlugin<{ server: OAuthServer }> = async (app, { server }) => {
  const { db, config } = app.deps;

  await app.register(async (scope) => {
    // oidc-provider reads its own bodies: nothing here may consume the stream.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    for (const [method, url] of PROVIDER_ENDPOINTS) {
      scope.route({
        method,
        url,
        schema: HIDDEN_ROUTE,
        handler: async (request, reply) => {
          const { handle } = await server.current();
          reply.hijack();
          await handle(request.raw, reply.raw);
        },
      });
    }
  });

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(body as string)) if (!(key in fields)) fields[key] = value;
      done(null, fields);
    });
    const limits = config.rateLimits;
    const accountLimit = keyedRateLimit(scope, limits.loginAccount, 'login-account', (request) =>
      createHash('sha256')
        .update((formFields(request.body).email ?? '').toLowerCase())
        .digest('base64url'),
    );
    const uidParams = { type: 'object', properties: { uid: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['uid'] } as const;

    scope.get<{ Params: { uid: string } }>('/oauth/interaction/:uid', { schema: { ...HIDDEN_ROUTE, params: uidParams } }, async (request, reply) => {
      const found = await interactionFor(server, db, request, reply);
      if (!found) return reply;
      const { details, app: client } = found;
      const userId = details.session?.accountId;
      if (details.prompt.name === 'login' || !userId) return html(reply, 200, loginPage(details.uid, client));
      if (!(await mayUse(db, client, userId))) return html(reply, 403, refusedPage(details.uid, client));
      const user = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
      return html(reply, 200, consentPage(details.uid, client, scopesAsked(details), user?.display_name ?? 'Hello'));
    });

    scope.post<{ Params: { uid: string } }>(
      '/oauth/interaction/:uid/login',
      { schema: { ...HIDDEN_ROUTE, params: uidParams }, config: { ...rateLimitConfig(limits.loginAddress, 'login-address'), ...access.public() } },
      async (request, reply) => {
        const found = await interactionFor(server, db, request, reply);
        if (!found) return reply;
        const { email = '', password = '' } = formFields(request.body);
        const shown = email.slice(0, 320);
        if (!email || !password || email.length > 320 || password.length > 1024) {
          return html(reply, 400, loginPage(found.details.uid, found.app, { error: 'Enter your email and password.', email: shown }));
        }
        try {
          await accountLimit(request, reply);
        } catch (error) {
          if (error instanceof ProblemError && error.status === 429) {
            return html(reply, 429, loginPage(found.details.uid, found.app, { error: 'Too many attempts. Wait a minute and try again.', email: shown }));
          }
          throw error;
        }
        let user: { id: string };
        try {
          user = await checkCredentials(db, { email, password });
        } catch (error) {
          if (error instanceof ProblemError && error.status === 401) {
            return html(reply, 401, loginPage(found.details.uid, found.app, { error: 'The email or password is not correct.', email: shown }));
          }
          throw error;
        }
        return finish(reply, found.provider, request, { login: { accountId: user.id } }, false);
      },
    );

    scope.post<{ Params: { uid: string } }>('/oauth/interaction/:uid/confirm', { schema: { ...HIDDEN_ROUTE, params: uidParams } }, async (request, reply) => {
      const found = await interactionFor(server, db, request, reply);
      if (!found) return reply;
      const { details, provider, app: client } = found;
      const userId = details.session?.accountId;
      if (!userId || details.prompt.name !== 'consent') return html(reply, 400, messagePage('Sign in first', 'Start again from the app.'));
      if (!(await mayUse(db, client, userId))) return html(reply, 403, refusedPage(details.uid, client));
      const scopes = scopesAsked(details);
      const grant =
        (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId: userId, clientId: client.clientId });
      grant.addResourceScope(resourceIndicator(config.auth.audience), scopes.join(' '));
      const grantId = await grant.save();
      const deliveries = await oauthQueries.connect(db, userId, client.clientId, scopes);
      // The app's connection.created webhooks, after commit; a lost enqueue is picked up by the webhooks sweeper.
      if (deliveries.length > 0)
        await queueWebhookDeliveries(app.deps.jobs, deliveries).catch((error) => request.log.error({ err: error }, 'queueing webhook deliveries failed'));
      return finish(reply, provider, request, { consent: { grantId } }, true);
    });

    scope.post<{ Params: { uid: string } }>('/oauth/interaction/:uid/abort', { schema: { ...HIDDEN_ROUTE, params: uidParams } }, async (request, reply) => {
      const found = await interactionFor(server, db, request, reply);
      if (!found) return reply;
      return finish(reply, found.provider, request, { error: 'access_denied', error_description: 'The person did not allow access.' }, false);
    });
  });
};
