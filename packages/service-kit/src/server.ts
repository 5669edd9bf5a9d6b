import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { type TypeBoxTypeProvider, registerAjvFormats } from '@fastify/type-provider-typebox';
import helmet from 'helmet';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { installAccess, SCOPES } from './access.js';
import { installAppLimits } from './app-limits.js';
import { authPlugin } from './auth.js';
import type { ServiceDeps } from './deps.js';
import { installErrorHandling, problemBody, problems, sendProblem } from './errors.js';
import { registerHealth } from './health.js';
import { loggerOptions } from './logging.js';
import { registerMetricsRoute } from './ops.js';
import { hoistNamedSchemas, keepTopLevelNames } from './openapi-names.js';
import { fastifyTelemetry } from './telemetry.js';
import { registerRateLimits } from './rate-limit.js';
import { ProblemSchema } from './schemas.js';
import { validatorCompiler } from './validation.js';
import type { TSchema } from 'typebox';

registerAjvFormats();

/** A service: a Fastify plugin with a name and an OpenAPI tag; it runs alone or beside the others. */
export interface ServiceModule {
  name: string;
  description: string;
  plugin: FastifyPluginAsync;
  /** Further OpenAPI tags the service's routes use beside its name. */
  tags?: Array<{ name: string; description: string }>;
  /** Named schemas (with `$id`) its routes reference with Type.Ref; added to the root, so the document lists them once. */
  schemas?: TSchema[];
  /** OpenAPI 3.1 `webhooks`: the requests the service sends to its users' endpoints, by event name. */
  webhooks?: Record<string, unknown>;
  /**
   * Answers GET and HEAD requests that no route matched outside the API's own paths (see `isApiPath`): the web app
   * serves its page there, so its client-side routes load on reload and from links. At most one service has it; a
   * service with pages has no API operations and no tag in the document.
   */
  pages?: (request: FastifyRequest, reply: FastifyReply) => unknown;
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Shown as the document title; the platform uses "Chorus API". */
  title?: string;
}

export type ChorusApp = FastifyInstance;

/** Builds the HTTP app: errors, auth, rate limits, OpenAPI, health, then each service's routes. */
export async function buildApp(deps: ServiceDeps, services: ServiceModule[], options: BuildOptions = {}): Promise<ChorusApp> {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(deps.config.logLevel),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    trustProxy: trustedProxies(deps.config.trustProxy),
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    // The router's own refusals (a malformed percent-escape, a path parameter over 100 characters) are problems too.
    frameworkErrors: (error, request, raw) => {
      const reply = raw as unknown as FastifyReply;
      const tooLong = (error as { code?: string }).code === 'FST_ERR_MAX_PARAM_LENGTH';
      const problem = tooLong
        ? problemBody(414, 'uri_too_long', 'A path parameter is longer than any this API accepts (100 characters).')
        : problemBody(400, 'bad_url', 'The request path is not a valid URL (a malformed percent-escape?).');
      // No route was found, so no route's error handler runs: the ListenBrainz-compatible API keeps its own shape here.
      if (request.url.startsWith('/1/')) return reply.code(problem.status).send({ code: problem.status, error: problem.detail });
      return sendProblem(reply, problem);
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Traced before any route is declared, so every route is covered.
  const tracing = fastifyTelemetry();
  if (tracing) await app.register(tracing);
  // A JSON API: any other body type is answered 415 instead of reaching validation as a string.
  app.removeContentTypeParser('text/plain');
  app.decorate('deps', deps);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Whatever answers a credentialed request is someone's own data: no shared cache may keep it.
    if ((request.headers.authorization || request.principal) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    deps.metrics.httpDuration.observe({ method: request.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` }, reply.elapsedTime / 1000);
  });
  // PostgreSQL cannot store U+0000 in text: refused here, for every route and field, as a 400 naming the field.
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['body', request.body],
      ['querystring', request.query],
      ['params', request.params],
    ] as const) {
      const pointer = findNul(value);
      if (pointer !== undefined) throw problems.validation([{ pointer, detail: 'must not contain a NUL (U+0000) character', in: part }]);
    }
  });

  // Every operation gets a stable operationId (SDK generators name methods after it): method + path words.
  app.addHook('onRoute', (route) => {
    route.schema ??= {};
    const schema = route.schema as { operationId?: string; hide?: boolean };
    if (schema.operationId || schema.hide || route.method === 'HEAD') return;
    const method = Array.isArray(route.method) ? route.method[0] : route.method;
    schema.operationId = operationId(String(method), route.url);
  });

  installErrorHandling(app, services.find((service) => service.pages)?.pages);
  // Every route's declared access (config.access) becomes its guard and its OpenAPI security; a route under /v1 or /1
  // without one does not start.
  installAccess(app, { strict: true });
  app.addSchema(ProblemSchema);
  for (const schema of services.flatMap((s) => s.schemas ?? [])) app.addSchema(schema);
  // Security headers for a JSON API: nothing may be framed, sniffed or loaded from an answer. Routes that serve
  // pages (the API docs) set their own Content-Security-Policy. Helmet's middleware is built once here:
  // @fastify/helmet 13 builds it again for every request (about 11 µs each, 4% of the cheapest routes).
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: options.title ?? 'Chorus API',
        version: '1.0.0',
        description:
          'Chorus is an open ecosystem co-creation API platform for music: listeners, artists and partners create value together. Errors are RFC 9457 problem+json with a stable `code`.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/', description: 'This server' }],
      ...(services.some((s) => s.webhooks) ? { webhooks: Object.assign({}, ...services.map((s) => s.webhooks ?? {})) } : {}),
      tags: [
        { name: 'health', description: 'Liveness and readiness' },
        ...services.filter((s) => !s.pages).flatMap((s) => [{ name: s.name, description: s.description }, ...(s.tags ?? [])]),
      ],
      components: {
        securitySchemes: {
          oauth2: {
            type: 'oauth2',
            description:
              "Chorus's OAuth 2 authorization server (metadata at /.well-known/oauth-authorization-server). Partner apps use the authorization code flow with PKCE (S256), the device authorization grant (RFC 8628, for cars, TVs and speakers) or client credentials. Access tokens are EdDSA-signed JWTs (RFC 9068) verified with /.well-known/jwks.json.",
            flows: {
              authorizationCode: { authorizationUrl: '/oauth/auth', tokenUrl: '/oauth/token', refreshUrl: '/oauth/token', scopes: scopeDescriptions('user') },
              clientCredentials: { tokenUrl: '/oauth/token', scopes: scopeDescriptions('app') },
            },
          },
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'An access token from POST /v1/auth/login (first-party sign-in: every scope).',
          },
          personalToken: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description:
              'A personal API token (POST /v1/me/tokens) sent as `Authorization: Token <token>`: accepted by the ListenBrainz-compatible routes and by every /v1 route, with the scopes chosen when it was made (by default listens:read and listens:write).',
          },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    // Named schemas ($id) become components/schemas entries, a route's own body and responses included.
    transform: keepTopLevelNames,
    transformObject: (document) =>
      hoistNamedSchemas(('openapiObject' in document ? document.openapiObject : document.swaggerObject) as Record<string, unknown>),
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true }, staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authPlugin, { keys: deps.keys, issuer: deps.config.auth.issuer, audience: deps.config.auth.audience });
  // After auth: partner apps' limits key on the verified token's client id.
  await installAppLimits(app, deps);
  await registerRateLimits(app, deps.config, deps.redis, `${deps.namespace}:rl:`);
  registerHealth(app, deps, services.find((service) => service.pages)?.pages);
  registerMetricsRoute(app, deps);

  for (const service of services) await app.register(service.plugin);
  return app;
}

/** Scope names and their plain-words descriptions, for the scopes a flow can grant. */
function scopeDescriptions(holder: 'user' | 'app'): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SCOPES)
      .filter(([, scope]) => scope.grant === 'app' || (holder === 'user' && scope.grant === 'user'))
      .map(([name, scope]) => [name, scope.description]),
  );
}

/** Fastify's trustProxy for a hop count (as proxy-addr compiles one: the first n hops from the socket), or the address list. */
function trustedProxies(setting: false | number | string): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/** An object or array met while looking for U+0000, with the way back to the root for the pointer. */
interface Visit {
  node: object;
  key: string;
  parent: Visit | undefined;
}

/**
 * The JSON Pointer of the first string (or key) holding U+0000 in a parsed request part; iterative, so depth costs
 * no stack. Pointers are built only for what is found: a 1,000-listen batch is some ten thousand strings.
 */
function findNul(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return typeof value === 'string' && value.includes('\u0000') ? '' : undefined;
  const stack: Visit[] = [{ node: value, key: '', parent: undefined }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const node = visit.node as Record<string, unknown>;
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (key.includes('\u0000') || (typeof child === 'string' && child.includes('\u0000'))) return pointerOf(visit, key);
      if (child !== null && typeof child === 'object') stack.push({ node: child, key, parent: visit });
    }
  }
  return undefined;
}

/** The JSON Pointer of `key` inside the object or array `visit` reached. */
function pointerOf(visit: Visit, key: string): string {
  const keys = [key];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.push(at.key);
  return keys
    .reverse()
    .map((k) => `/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

/** `GET /v1/artists/:id/stats` → `getArtistStats`; path parameters and the version prefix are left out. */
export function operationId(method: string, url: string): string {
  const parts = url.split('/');
  const words = parts.flatMap((part, i) => {
    if (!part || part.startsWith(':') || /^v\d+$/.test(part) || part === '1' || part === '.well-known') return [];
    const pieces = part.split(/[-_.]/).filter(Boolean);
    // A collection followed by an id names one item: `/playlist-invites/:token` → `PlaylistInvite`.
    const last = pieces.length - 1;
    if (parts[i + 1]?.startsWith(':')) pieces[last] = singular(pieces[last]!);
    return pieces;
  });
  return [method.toLowerCase(), ...words].map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The OpenAPI document of a built (ready) app. */
export function openApiDocument(app: FastifyInstance): Record<string, unknown> {
  return app.swagger() as unknown as Record<string, unknown>;
}
