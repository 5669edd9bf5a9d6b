import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { QUEUE_NAMES } from '@chorus/jobs';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access } from './access.js';
import type { ServiceDeps } from './deps.js';

/** `GET /metrics` on the API port, for platform admins (Prometheus text format). */
export function registerMetricsRoute(app: FastifyInstance, deps: ServiceDeps): void {
  app.get(
    '/metrics',
    {
      config: access.internal('admin:manage', ['platform_admin']),
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: "This process's metrics in Prometheus text format (platform admins; scrape the ops port instead where one is configured)",
        security: [{ bearerAuth: [] }],
        response: { 200: { description: 'Prometheus exposition format 0.0.4.', content: { 'text/plain': { schema: Type.String() } } } },
      },
    },
    async (_request, reply) => {
      const { contentType, body } = await deps.metrics.render();
      return reply.type(contentType).send(body);
    },
  );
}

/**
 * The operations listener, on its own port (CHORUS_OPS_PORT, loopback unless CHORUS_OPS_HOST says otherwise):
 * `/metrics` for Prometheus and the queue board at `/queues`, without tokens, so it must stay on an internal network.
 */
export async function startOpsServer(deps: ServiceDeps): Promise<{ address: string; close(): Promise<void> } | undefined> {
  const { ops } = deps.config;
  if (ops.port === undefined) return undefined;
  // Port 0 asks the system for a free one (tests).
  const app = Fastify({ logger: false });
  app.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await deps.metrics.render();
    return reply.type(contentType).send(body);
  });
  app.get('/', async (_request, reply) => reply.redirect('/queues'));
  await registerQueueBoard(app, deps, '/queues');
  const address = await app.listen({ port: ops.port, host: ops.host });
  return { address, close: () => app.close() };
}

/** The BullMQ queue board over every queue of this deployment (Redis or PostgreSQL backend alike). */
async function registerQueueBoard(app: FastifyInstance, deps: ServiceDeps, basePath: string): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  createBullBoard({ queues: QUEUE_NAMES.map((name) => new BullMQAdapter(deps.jobs.queue(name), { readOnlyMode: false })), serverAdapter });
  serverAdapter.setBasePath(basePath);
  await app.register(serverAdapter.registerPlugin(), { prefix: basePath });
}
