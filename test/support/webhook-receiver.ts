import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * A webhook receiver on loopback, as a partner or artist would run one: it verifies each request's Standard Webhooks
 * signature with the endpoint's secret (set once the endpoint exists) and keeps the events that verify; requests
 * that do not verify are counted and answered 401.
 */
export async function startWebhookReceiver(t: { teardown(fn: () => unknown): void }) {
  let verifier: Webhook | undefined;
  const events: ReceivedEvent[] = [];
  let refused = 0;
  const waiting = new Set<() => void>();
  const server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      if (!verifier) throw new Error('no secret yet');
      const event = verifier.verify(body, request.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
      events.push({ id: String(request.headers['webhook-id']), type: event.type, data: event.data });
      response.writeHead(204).end();
      for (const wake of waiting) wake();
    } catch {
      refused++;
      response.writeHead(401).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    events,
    refused: () => refused,
    /** The endpoint's signing secret (`whsec_...`), from its create answer. */
    useSecret(secret: string) {
      verifier = new Webhook(secret);
    },
    /** The first verified event of this type that `accept` takes, or an error after `timeoutMs`. */
    async next(type: string, accept: (event: ReceivedEvent) => boolean = () => true, timeoutMs = 30_000): Promise<ReceivedEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find((e) => e.type === type && accept(e));
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`no ${type} event within ${timeoutMs} ms (received: ${events.map((e) => e.type).join(', ') || 'none'}; refused ${refused})`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiting.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, Math.min(left, 500));
          waiting.add(wake);
        });
      }
    },
  };
}
