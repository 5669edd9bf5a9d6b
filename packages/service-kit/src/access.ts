import type { InternalRole } from '@chorus/db';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyPluginOptions, FastifyRequest, onRequestHookHandler } from 'fastify';
import { freshRoles } from './auth.js';
import { ProblemError, problems } from './errors.js';

/**
 * The scopes a token may carry, in plain words (the consent page shows these). `grant` says who may hold one:
 * `user`: any token acting for a listener (first-party sign-in, personal tokens, apps the listener approved);
 * `app`: also a partner app acting for itself (client credentials); `internal`: first-party sign-in only, and
 * the route still checks the caller's internal role.
 */
export const SCOPES = {
  'profile:read': { grant: 'user', description: 'See your profile (display name, handle, country) and the apps you connected' },
  'profile:write': { grant: 'user', description: 'Change your profile and settings, and disconnect apps' },
  'listens:read': { grant: 'user', description: 'Read your listening history and what you are playing now' },
  'listens:write': { grant: 'user', description: 'Submit what you listen to, what you are playing now, and your loves and hates' },
  'playlists:read': { grant: 'user', description: 'Read your playlists, private and collaborative ones included' },
  'playlists:write': { grant: 'user', description: 'Create, change and share playlists for you, and vote on their tracks' },
  'artists:manage': { grant: 'user', description: 'Manage the artists whose team you are on: profile, releases, tracks and team' },
  'artist-analytics:read': { grant: 'user', description: 'Read the statistics and insights of the artists whose team you are on' },
  'partner:manage': { grant: 'app', description: 'Manage your partner organisations, their apps and their webhooks' },
  'partner-analytics:read': { grant: 'app', description: "Read your partner organisation's statistics" },
  'account:manage': { grant: 'internal', description: 'Manage your account itself: personal tokens, connected apps, export and deletion of your data' },
  'product-insight:read': { grant: 'internal', description: 'Read platform-wide product insight (product analysts)' },
  'admin:manage': { grant: 'internal', description: 'Administer the platform (platform admins)' },
} as const satisfies Record<string, { grant: 'user' | 'app' | 'internal'; description: string }>;

export type Scope = keyof typeof SCOPES;
export const ALL_SCOPES = Object.keys(SCOPES) as Scope[];
/** Scopes a personal API token may hold: those of a person, never internal ones (personal-tokens.ts). */
export const PERSONAL_TOKEN_SCOPES = ALL_SCOPES.filter((scope) => SCOPES[scope].grant === 'user');
/** What a personal token made without a choice may do: what a scrobbler needs. */
export const DEFAULT_PERSONAL_TOKEN_SCOPES: Scope[] = ['listens:read', 'listens:write'];

/**
 * A file of routes: `export const teamRoutes: RoutePlugin = async (app) => { app.get(...) }`, typed from its TypeBox
 * schemas; a plugin that needs more than `app.deps` names its options: `RoutePlugin<{ store: NowPlayingStore }>`.
 */
export type RoutePlugin<Options extends FastifyPluginOptions = Record<never, never>> = FastifyPluginAsyncTypebox<Options>;

/** What a route asks of its caller; declared once in the route's config, enforced and documented from there. */
export interface RouteAccess {
  /**
   * none: anyone, no token looked at beyond rate limiting. optional: anyone; a token without the scopes counts as
   * anonymous. user: a token acting for a person. caller: a person, or a partner app acting for itself.
   * self: the route authenticates its callers itself (the ListenBrainz-compatible API, with its own error shapes);
   * the scopes are documented, and the route checks them.
   */
  auth: 'none' | 'optional' | 'user' | 'caller' | 'self';
  scopes: Scope[];
  /** Any one of these internal roles is also needed (re-read from the database, so a revocation acts at once). */
  roles?: InternalRole[];
  /** With auth 'self': anonymous callers are answered too (with what is public). */
  anonymous?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** Route access, to put in a route's `config`: `{ config: access.user('playlists:write'), schema, ... }`. */
export const access = {
  public: (): { access: RouteAccess } => ({ access: { auth: 'none', scopes: [] } }),
  optional: (...scopes: Scope[]): { access: RouteAccess } => ({ access: { auth: 'optional', scopes } }),
  user: (...scopes: Scope[]): { access: RouteAccess } => ({ access: { auth: 'user', scopes } }),
  caller: (...scopes: Scope[]): { access: RouteAccess } => ({ access: { auth: 'caller', scopes } }),
  internal: (scope: Scope, roles: InternalRole[]): { access: RouteAccess } => ({ access: { auth: 'user', scopes: [scope], roles } }),
  self: (...scopes: Scope[]): { access: RouteAccess } => ({ access: { auth: 'self', scopes } }),
  /** Like self, and anonymous callers are answered too (with what is public). */
  selfOptional: (...scopes: Scope[]): { access: RouteAccess } => ({ access: { auth: 'self', scopes, anonymous: true } }),
};

/** The OpenAPI security requirement of a route: which schemes, with which scopes. */
export function securityFor(rule: RouteAccess): Array<Record<string, string[]>> {
  if (rule.auth === 'none') return [];
  const scopes: string[] = [...rule.scopes];
  if (rule.auth === 'self') return rule.anonymous ? [{}, { personalToken: scopes }] : [{ personalToken: scopes }];
  const needs: Array<Record<string, string[]>> = [{ oauth2: scopes }, { bearerAuth: scopes }, { personalToken: scopes }];
  // An empty requirement object means "anonymous is fine too".
  return rule.auth === 'optional' ? [...needs, {}] : needs;
}

function missingScopes(request: FastifyRequest, scopes: Scope[]): Scope[] {
  const held = request.principal?.scopes;
  return scopes.filter((scope) => !held?.has(scope));
}

/** The hook that enforces a route's access before its body is read (401, 403 with RFC 6750's insufficient_scope). */
export function accessHook(rule: RouteAccess): onRequestHookHandler {
  return async (request) => {
    if (rule.auth === 'none' || rule.auth === 'self') return;
    if (rule.auth === 'optional') {
      if (request.authFailure) throw problems.unauthorized(request.authFailure, 'invalid_token');
      // A token that may not read this is treated as no token: the caller sees what anyone may see.
      if (request.principal && missingScopes(request, rule.scopes).length > 0) request.principal = null;
      return;
    }
    if (!request.principal) {
      throw problems.unauthorized(request.authFailure ?? 'A valid access token is required.', request.authFailure ? 'invalid_token' : 'unauthorized');
    }
    // A partner app acting for itself (client credentials) has its own client id as subject: no person behind it.
    if (rule.auth === 'user' && request.principal.userId === request.principal.clientId) {
      throw problems.forbidden('This needs an access token acting for a person.', 'person_token_required');
    }
    const missing = missingScopes(request, rule.scopes);
    if (missing.length > 0) {
      throw new ProblemError(
        403,
        'insufficient_scope',
        `This needs the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which the access token does not carry.`,
        {
          headers: { 'www-authenticate': `Bearer error="insufficient_scope", scope="${rule.scopes.join(' ')}"` },
          scopes: rule.scopes,
        },
      );
    }
    if (rule.roles) {
      const roles = await freshRoles(request);
      if (!rule.roles.some((role) => roles.includes(role)))
        throw problems.forbidden(`This needs one of the roles: ${rule.roles.join(', ')}.`, 'insufficient_role');
    }
  };
}

/** Applies every route's declared access (guard and OpenAPI security); routes under /v1 and /1 must declare one. */
export function installAccess(app: FastifyInstance, options: { strict: boolean }): void {
  app.addHook('onRoute', (route) => {
    const rule = route.config?.access;
    if (!rule) {
      if (options.strict && /^\/(v1|1)\//.test(route.url) && route.method !== 'HEAD') {
        throw new Error(`${String(route.method)} ${route.url} declares no access: add config: access.public() / .user(scope) / ...`);
      }
      return;
    }
    if (rule.auth !== 'none' && rule.auth !== 'self') route.onRequest = [accessHook(rule), ...(route.onRequest ? [route.onRequest].flat() : [])];
    route.schema ??= {};
    (route.schema as { security?: unknown }).security = securityFor(rule);
  });
}
