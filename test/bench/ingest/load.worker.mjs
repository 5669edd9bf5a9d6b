import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Posts 1,000-listen batches to POST /v1/listens from its own thread, so building bodies never shares an
 * event loop with the timing. Plain JavaScript: worker threads do not inherit the TypeScript loader. Closed loop (`rate` 0: each slot posts again as soon as answered) measures the
 * maximum; open loop (`rate` batches a second) offers a fixed load. Over node:http, not the SDK: fetch costs
 * several times the client CPU per request, taken from the two cores the service under measure runs on.
 */
/** @type {import('./run.ts').LoadInput} */
const input = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: input.concurrency + 4 });
const url = new URL(input.base);
const platforms = ['ios', 'android', 'web', 'desktop', 'car', 'speaker'];
const contexts = ['library', 'own_playlist', 'playlist', 'collaborative_playlist', 'album', 'artist', 'search', 'radio'];
let sequence = 0;
let seed = 12345;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

/**
 * One 1,000-listen body, written as JSON text directly: the load shares the machine's two cores with what it
 * measures, so it spends as little as it can (building objects for JSON.stringify cost twice as much).
 * Every value is an id, a number or a fixed word, so none needs escaping.
 */
function body(userIndex) {
  const base = input.startAt + sequence++ * 1000 * 1000;
  let out = '{"listens":[';
  for (let i = 0; i < 1000; i++) {
    const track = input.trackIds[Math.floor(rand() ** 2 * input.trackIds.length)];
    const listenedAt = new Date(base + i * 1000 + userIndex).toISOString();
    const msPlayed = rand() < 0.25 ? Math.floor(rand() * 29_000) : 30_000 + Math.floor(rand() * 200_000);
    const platform = platforms[Math.floor(rand() * platforms.length)];
    const context = contexts[Math.floor(rand() * contexts.length)];
    out += `${i === 0 ? '' : ','}{"track_id":"${track}","listened_at":"${listenedAt}","ms_played":${msPlayed},"platform":"${platform}","context":{"type":"${context}"}}`;
  }
  return `${out}]}`;
}

function post(userIndex) {
  const payload = body(userIndex);
  const started = performance.now();
  const at = Date.now();
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/v1/listens',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...input.users[userIndex] },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const answeredAt = Date.now();
          let accepted = 0;
          let batchId = null;
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString());
            accepted = parsed.accepted ?? 0;
            batchId = parsed.batch_id ?? null;
          } catch {
            // not JSON: counted by status
          }
          resolve({ at, ms: performance.now() - started, status: res.statusCode ?? 0, accepted, batchId, answeredAt });
        });
      },
    );
    req.on('error', () => resolve({ at, ms: performance.now() - started, status: 0, accepted: 0, batchId: null, answeredAt: Date.now() }));
    req.end(payload);
  });
}

const samples = [];
const deadline = Date.now() + input.durationMs;
let next = 0;
const pickUser = () => next++ % input.users.length;

if (input.rate > 0) {
  // Open loop: a batch every 1/rate seconds whatever the answers do.
  const interval = 1000 / input.rate;
  const inflight = [];
  const t0 = Date.now();
  for (let i = 0; Date.now() < deadline; i++) {
    const due = t0 + i * interval;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(post(pickUser()).then((s) => void samples.push(s)));
  }
  await Promise.all(inflight);
} else {
  await Promise.all(
    Array.from({ length: input.concurrency }, async () => {
      while (Date.now() < deadline) samples.push(await post(pickUser()));
    }),
  );
}
agent.destroy();
parentPort.postMessage(samples);
