import { request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { identityService } from '@chorus/identity';
import { createTestApp, createUser, type Teardown } from '@chorus/service-kit/testing';
import t from 'tap';
import { listeningService } from '../src/index.js';
import { LB_MAX_BODY_BYTES } from '../src/listenbrainz.rules.js';

/** The app on a real port: these tests are about what happens on the wire, which inject does not show. */
async function setup(t: Teardown) {
  const ctx = await createTestApp(t, [identityService, listeningService], { env: { CHORUS_RATE_LIMITS: 'off' } });
  const user = await createUser(ctx.deps);
  const created = await ctx.app.inject({ method: 'POST', url: '/v1/me/tokens', headers: user.auth, payload: { name: 'scrobbler' } });
  const { token } = created.json() as { token: string };
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = ctx.app.server.address() as AddressInfo;
  return { ...ctx, port, token };
}

interface Answer {
  status: number;
  body: string;
  ms: number;
}

function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

t.test('a quadratic-regex body does not hold the process: /healthz answers meanwhile, the submit in well under a second', async (t) => {
  const { port, token } = await setup(t);
  const now = Math.floor(Date.now() / 1000);
  // ~80 KB: an import of 9 listens, so the per-listen byte budget (10,240 × 9) lets the long name through to the rules.
  const body = JSON.stringify({
    listen_type: 'import',
    payload: Array.from({ length: 9 }, (_, i) => ({
      listened_at: now - 600 - i * 300,
      track_metadata: { artist_name: 'Portishead', track_name: i === 0 ? `a${' '.repeat(80_000)}x` : `Roads ${i}` },
    })),
  });
  t.ok(body.length > 80_000);
  const submit = send(port, 'POST', '/1/submit-listens', { authorization: `Token ${token}`, 'content-type': 'application/json' }, body);
  let done = false;
  void submit.finally(() => {
    done = true;
  });
  const health: Answer[] = [];
  do {
    health.push(await send(port, 'GET', '/healthz', {}));
  } while (!done && health.length < 200);
  const answer = await submit;
  t.ok(answer.status === 400 || answer.status === 200, `answered ${answer.status}: ${answer.body}`);
  t.ok(answer.ms < 1000, `the submit took ${answer.ms.toFixed(0)} ms`);
  t.ok(
    health.every((h) => h.status === 200),
    '/healthz answered',
  );
  const slowest = Math.max(...health.map((h) => h.ms));
  t.ok(slowest < 500, `/healthz answered while the submit ran (slowest ${slowest.toFixed(0)} ms)`);
});

t.test('a submit without a valid token is answered 401 before its 10 MB body is sent', async (t) => {
  const { port } = await setup(t);
  for (const [authorization, error] of [
    [undefined, 'You need to provide an Authorization header.'],
    ['Token chorus_pat_not-a-real-token', 'Invalid authorization token.'],
  ] as const) {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/1/submit-listens',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': '10000000', ...(authorization ? { authorization } : {}) },
      });
      const timer = setTimeout(() => reject(new Error('no answer within 3 s: the server waits for the body')), 3000);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
          req.destroy();
        });
      });
      req.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      req.flushHeaders();
      req.write('{"listen_type": "import", "payload": [');
    });
    t.equal(answer.status, 401, `${authorization ?? 'no header'}: 401 with only the headers and 38 bytes sent`);
    t.same(JSON.parse(answer.body), { code: 401, error });
  }
});

/** Sends a raw HTTP/1.1 request with a body of `size` bytes, all of it, and reads the answer; any socket error fails. */
function rawUpload(port: number, headers: string, size: number): Promise<{ head: string; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let sent = 0;
    let allSent = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer in 30 s (sent ${sent} bytes)`));
    }, 30_000);
    const tryFinish = () => {
      const text = received.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0 || !allSent) return;
      const head = text.slice(0, end);
      const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      clearTimeout(timer);
      socket.destroy();
      resolve({ head, body: received.subarray(end + 4, end + 4 + length).toString(), sent });
    };
    socket.on('data', (c: Buffer) => {
      received = Buffer.concat([received, c]);
      tryFinish();
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(
        new Error(`${(err as NodeJS.ErrnoException).code ?? err.message} after ${sent} of ${size} bytes; read so far: ${received.toString().slice(0, 80)}`),
      );
    });
    socket.write(`${headers}content-length: ${size}\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        if (!socket.write(chunk.subarray(0, n))) {
          socket.once('drain', pump);
          return;
        }
      }
      socket.write('', () => {
        allSent = true;
        tryFinish();
      });
    };
    pump();
  });
}

t.test('a body over 10,240,000 bytes: the client sends all of it and reads the 400', async (t) => {
  const { port, token } = await setup(t);
  const headers = `POST /1/submit-listens HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Token ${token}\r\ncontent-type: application/json\r\n`;
  const { head, body, sent } = await rawUpload(port, headers, LB_MAX_BODY_BYTES + 100_000);
  t.equal(sent, LB_MAX_BODY_BYTES + 100_000, 'every byte was sent without a reset');
  t.match(head, /^HTTP\/1\.1 400 /);
  t.same(JSON.parse(body), { code: 400, error: 'Payload too large. Payload cannot exceed 10240000 bytes' });

  // Sent chunked, the size is not declared: the body is read to its end, thrown away, and refused the same way.
  const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/1/submit-listens',
        agent: false,
        headers: { authorization: `Token ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    const piece = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 11; i++) req.write(piece);
    req.end();
  });
  t.equal(chunked.status, 400);
  t.same(JSON.parse(chunked.body), { code: 400, error: 'Payload too large. Payload cannot exceed 10240000 bytes' });
});
