import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { type TypeBoxTypeProvider, registerAjvFormats } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { authPlugin } from './auth.js';
import type { ServiceDeps } from './deps.js';
import { installErrorHandling } from './errors.js';
import { registerHealth } from './health.js';
import { registerRateLimits } from './rate-limit.js';
import { ProblemSchema } from './schemas.js';
import { validatorCompiler } from './validation.js';

registerAjvFormats();

export type { TypeBoxTypeProvider };

export type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** A service: a Fastify plugin with a name and an OpenAPI tag; it runs alone or beside the others. */
export interface ServiceModule {
  name: string;
  description: string;
  plugin: FastifyPluginAsync;
  /** Further OpenAPI tags the service's routes use beside its name. */
  tags?: Array<{ name: string; description: string }>;
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Shown as the document title; the platform uses "Chorus API". */
  title?: string;
}

export type ChorusApp = FastifyInstance;

/** The app as route files see it: request and reply types inferred from the TypeBox schemas. */
export type TypedApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** Builds the HTTP app: errors, auth, rate limits, OpenAPI, health, then each service's routes. */
export async function buildApp(deps: ServiceDeps, services: ServiceModule[], options: BuildOptions = {}): Promise<ChorusApp> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    trustProxy: deps.config.trustProxy,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // A JSON API: any other body type is answered 415 instead of reaching validation as a string.
  app.removeContentTypeParser('text/plain');
  app.decorate('deps', deps);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Every operation gets a stable operationId (SDK generators name methods after it): method + path words.
  app.addHook('onRoute', (route) => {
    route.schema ??= {};
    const schema = route.schema as { operationId?: string; hide?: boolean };
    if (schema.operationId || schema.hide || route.method === 'HEAD') return;
    const method = Array.isArray(route.method) ? route.method[0] : route.method;
    schema.operationId = operationId(String(method), route.url);
  });

  installErrorHandling(app);
  app.addSchema(ProblemSchema);

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
      tags: [
        { name: 'health', description: 'Liveness and readiness' },
        ...services.flatMap((s) => [{ name: s.name, description: s.description }, ...(s.tags ?? [])]),
      ],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token from POST /v1/auth/login.' },
          personalToken: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: 'A personal API token sent as `Authorization: Token <token>` (ListenBrainz-compatible routes).',
          },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true }, staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authPlugin, { keys: deps.keys, issuer: deps.config.auth.issuer });
  await registerRateLimits(app, deps.config, deps.redis, `${deps.namespace}:rl:`);
  registerHealth(app, deps);

  for (const service of services) await app.register(service.plugin);
  return app;
}

/** `GET /v1/artists/:id/stats` → `getArtistStats`; path parameters and the version prefix are left out. */
export function operationId(method: string, url: string): string {
  const words = url
    .split('/')
    .filter((part) => part && !part.startsWith(':') && !/^v\d+$/.test(part) && part !== '1' && part !== '.well-known')
    .flatMap((part) => part.split(/[-_.]/))
    .filter(Boolean);
  const singular = url.split('/').map((part, i, all) => (all[i + 1]?.startsWith(':') ? part : null));
  return [method.toLowerCase(), ...words.map((w) => (singular.includes(w) && w.endsWith('s') ? w.slice(0, -1) : w))]
    .map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join('');
}

/** The OpenAPI document of a built (ready) app. */
export function openApiDocument(app: FastifyInstance): Record<string, unknown> {
  return app.swagger() as unknown as Record<string, unknown>;
}
