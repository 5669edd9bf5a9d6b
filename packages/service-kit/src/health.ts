import { sql } from 'kysely';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ServiceDeps } from './deps.js';

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  checks: Type.Optional(Type.Record(Type.String(), Type.String())),
});

async function probe(fn: () => Promise<unknown>, timeoutMs = 2000): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return 'ok';
  } catch (error) {
    return error instanceof Error && error.message === 'timeout' ? 'timeout' : 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}

const RootSchema = Type.Object({
  name: Type.String(),
  description: Type.String(),
  links: Type.Record(Type.String(), Type.String({ description: 'A path on this server.' })),
});

const ROOT_LINKS = {
  name: 'Chorus API',
  description: 'An open ecosystem co-creation API platform for music. Start with the documentation.',
  links: { docs: '/docs', openapi: '/openapi.json', api: '/v1', health: '/healthz', ready: '/readyz', jwks: '/.well-known/jwks.json' },
};

/** Whether an Accept header prefers a page to JSON (a browser's navigation sends text/html first). */
function wantsPage(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}

/** /healthz answers while the process is alive; /readyz only when the database and the queue backend answer. */
export function registerHealth(app: FastifyInstance, deps: ServiceDeps, pages?: (request: FastifyRequest, reply: FastifyReply) => unknown) {
  const common = { tags: ['health'], security: [], response: { 200: HealthSchema, 503: HealthSchema } };
  app.get(
    '/',
    {
      schema: {
        tags: ['health'],
        security: [],
        summary: 'Where to start: links to the API documentation, the OpenAPI document and health',
        description: 'A browser (asking for text/html) is answered the web app instead, where the platform serves it.',
        response: { 200: RootSchema },
      },
    },
    async (request, reply) => {
      if (pages && wantsPage(request.headers.accept)) return pages(request, reply);
      return ROOT_LINKS;
    },
  );
  app.get('/healthz', { schema: { ...common, summary: 'Liveness', hide: false }, logLevel: 'warn' }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', { schema: { ...common, summary: 'Readiness: database and queue reachable' }, logLevel: 'warn' }, async (_request, reply) => {
    const [database, queue] = await Promise.all([probe(() => sql`select 1`.execute(deps.db)), probe(() => deps.jobs.ping())]);
    // A failing probe is how an outage shows when nothing else is running: log it (once) where operators look.
    if (database === 'ok') deps.outages.recovered('the database');
    else deps.outages.failed('the database', `readiness probe: ${database}`);
    if (queue === 'ok') deps.outages.recovered('the queue backend');
    else deps.outages.failed('the queue backend', `readiness probe: ${queue}`);
    const ok = database === 'ok' && queue === 'ok';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks: { database, queue } });
  });
}
