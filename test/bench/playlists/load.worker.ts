import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
// The random numbers alone: a load client has no use for the fixtures' server-side imports.
import { mulberry32 } from '@chorus/test-kit/random';

/**
 * The load generator, in its own thread so it never shares an event loop with the server it measures.
 * Each collaborator is a loop of one request at a time over a shared keep-alive agent: node:http, not the SDK,
 * whose fetch costs several times the client CPU per request and would take it from the server it measures.
 */

export interface LoadInput {
  base: string;
  playlistId: string;
  collaborators: Array<{ authorization: string; role: 'editor' | 'contributor' }>;
  trackIds: string[];
  itemIds: string[];
  durationMs: number;
  /** Offered edits per second over all collaborators; 0 means as fast as they can (closed loop, the ceiling). */
  rate: number;
  seed: number;
}

export interface Sample {
  op: 'add' | 'remove' | 'move' | 'vote';
  status: number;
  ms: number;
}

export interface LoadOutput {
  samples: Sample[];
  added: string[];
  removed: string[];
  elapsedMs: number;
}

const input = workerData as LoadInput;
const agent = new Agent({ keepAlive: true, maxSockets: input.collaborators.length });
const url = new URL(input.base);

function call(method: string, path: string, authorization: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent,
        headers: { authorization, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The item ids every collaborator believes are in the playlist (stale by design), with O(1) removal. */
class Known {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(ids: string[]) {
    for (const id of ids) this.add(id);
  }
  add(id: string) {
    if (this.index.has(id)) return;
    this.index.set(id, this.ids.length);
    this.ids.push(id);
  }
  drop(id: string) {
    const at = this.index.get(id);
    if (at === undefined) return;
    const last = this.ids.pop()!;
    if (last !== id) {
      this.ids[at] = last;
      this.index.set(last, at);
    }
    this.index.delete(id);
  }
  pick(random: () => number): string | undefined {
    return this.ids[Math.floor(random() * this.ids.length)];
  }
}

async function main(): Promise<LoadOutput> {
  const known = new Known(input.itemIds);
  const samples: Sample[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  const items = `/v1/playlists/${input.playlistId}/items`;
  const started = performance.now();
  const deadline = started + input.durationMs;
  const meanGapMs = input.rate > 0 ? (input.collaborators.length * 1000) / input.rate : 0;

  async function collaborator(n: number) {
    const random = mulberry32(input.seed * 1000 + n);
    const me = input.collaborators[n]!;
    const mine = new Known([]);
    let next = performance.now() + (meanGapMs ? random() * meanGapMs : 0);
    while (performance.now() < deadline) {
      if (meanGapMs) {
        const wait = Math.min(next, deadline) - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        // Poisson arrivals: exponential gaps around the mean.
        next += -Math.log(1 - random()) * meanGapMs;
        if (performance.now() >= deadline) break;
      }
      const roll = random();
      let op: Sample['op'] = roll < 0.3 ? 'add' : roll < 0.5 ? 'remove' : roll < 0.8 ? 'move' : 'vote';
      if (me.role === 'contributor' && op === 'move') op = 'add';
      const target = op === 'remove' && me.role === 'contributor' ? mine.pick(random) : known.pick(random);
      if (op !== 'add' && !target) op = 'add';
      const at = performance.now();
      let res: { status: number; body: Record<string, unknown> };
      if (op === 'add') {
        const track = input.trackIds[Math.floor(random() * input.trackIds.length)]!;
        const anchor = random() < 0.5 ? known.pick(random) : undefined;
        res = await call('POST', items, me.authorization, anchor ? { track_ids: [track], after_item_id: anchor } : { track_ids: [track] });
        if (res.status === 201) {
          for (const item of res.body.items as Array<{ item_id: string }>) {
            known.add(item.item_id);
            mine.add(item.item_id);
            added.push(item.item_id);
          }
        }
      } else if (op === 'remove') {
        res = await call('DELETE', items, me.authorization, { item_ids: [target] });
        if (res.status === 200) for (const id of res.body.removed as string[]) removed.push(id);
        known.drop(target!);
        mine.drop(target!);
      } else if (op === 'move') {
        const anchor = known.pick(random);
        res =
          anchor && anchor !== target
            ? await call('POST', `${items}/${target}/move`, me.authorization, { [random() < 0.5 ? 'before_item_id' : 'after_item_id']: anchor })
            : await call('PUT', `${items}/${target}/vote`, me.authorization, { direction: 'up' });
      } else {
        res = await call('PUT', `${items}/${target}/vote`, me.authorization, { direction: random() < 0.7 ? 'up' : 'down' });
      }
      samples.push({ op, status: res.status, ms: performance.now() - at });
      // Someone else removed it: stop naming it.
      if ((res.status === 404 || res.status === 409) && target) known.drop(target);
    }
  }

  await Promise.all(input.collaborators.map((_, n) => collaborator(n)));
  agent.destroy();
  return { samples, added, removed, elapsedMs: performance.now() - started };
}

main().then(
  (output) => parentPort!.postMessage(output),
  (error) => {
    throw error;
  },
);
