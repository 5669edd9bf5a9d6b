import { request } from 'node:http';

export interface SseEvent {
  id: number;
  event: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read events loosely and assert on what they need
  data: any;
}

/** A Server-Sent Events client over a plain socket: collects events and heartbeat comments as they come. */
export function subscribe(url: string, headers: Record<string, string> = {}) {
  const events: SseEvent[] = [];
  let comments = 0;
  let ended = false;
  let text = '';
  let waiters: Array<() => void> = [];
  const wake = () => {
    for (const waiter of waiters) waiter();
    waiters = [];
  };
  return new Promise<{
    status: number;
    contentType: string;
    /** Everything received so far, as text (a refusal's problem+json). */
    text: () => string;
    events: SseEvent[];
    comments: () => number;
    ended: () => boolean;
    waitFor: (check: () => boolean, ms?: number) => Promise<void>;
    close: () => void;
  }>((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        text += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => !line.startsWith(':'))
              .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
          );
          if (block.startsWith(':')) comments++;
          if (fields.data) events.push({ id: Number(fields.id), event: fields.event!, data: JSON.parse(fields.data) });
          end = buffer.indexOf('\n\n');
        }
        wake();
      });
      res.on('close', () => {
        ended = true;
        wake();
      });
      resolve({
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type']),
        text: () => text,
        events,
        comments: () => comments,
        ended: () => ended,
        waitFor: async (check, ms = 5000) => {
          const deadline = Date.now() + ms;
          while (!check()) {
            if (Date.now() > deadline) throw new Error(`timed out; have ${events.length} events`);
            await new Promise<void>((r) => {
              waiters.push(r);
              setTimeout(r, 50);
            });
          }
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', (error) => (ended ? undefined : reject(error)));
    req.end();
  });
}
