import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { LookupAddress } from 'node:dns';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { ConfigError, guardedLookup, isPublicAddress, loadConfig, postJson, RefusedAddressError, retryAfterMs, webhookUrlProblem } from '../src/index.js';

async function listen(t: { teardown(fn: () => unknown): void }, handler: Parameters<typeof createServer>[1]) {
  const server: Server = createServer(handler);
  let connections = 0;
  server.on('connection', () => connections++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => {
    server.closeAllConnections();
    server.close();
  });
  return { port: (server.address() as AddressInfo).port, connections: () => connections };
}

const fixed =
  (...addresses: string[]) =>
  async (): Promise<LookupAddress[]> =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

t.test('internal addresses are told from public ones', async (t) => {
  const internal = [
    '127.0.0.1',
    '127.255.1.2',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.100.100.200',
    '0.0.0.0',
    '224.0.0.251',
    '239.255.255.250',
    '255.255.255.255',
    '192.0.0.192',
    '198.18.0.1',
    '::1',
    '::',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    'fd00:ec2::254',
    'fc00::1',
    'fe80::1',
    'ff02::1',
    '2001:db8::1',
    '2002:7f00:1::1',
    'not-an-ip',
    '',
  ];
  for (const address of internal) t.notOk(isPublicAddress(address), address);
  for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::6810:84e5', '::ffff:8.8.8.8'])
    t.ok(isPublicAddress(address), address);
});

t.test('webhook URLs: https to public hosts unless private ones are allowed', async (t) => {
  t.equal(webhookUrlProblem('https://hooks.example.com/x?y=1', false), null);
  t.equal(webhookUrlProblem('https://8.8.8.8:8443/x', false), null);
  t.match(webhookUrlProblem('http://hooks.example.com/x', false), /https/);
  t.match(webhookUrlProblem('https://0x7f000001/x', false), /loopback/, 'the URL parser normalises other IPv4 spellings');
  t.match(webhookUrlProblem('https://[::ffff:a00:1]/x', false), /private/);
  t.match(webhookUrlProblem('https://intranet/x', false), /public host/);
  t.match(webhookUrlProblem('https://hooks.example.com/x#frag', false), /fragment/);
  t.equal(webhookUrlProblem('http://127.0.0.1:8080/x', true), null, 'local development');
  t.match(webhookUrlProblem('file:///etc/passwd', true), /https/);
});

t.test('the lookup refuses a name with any internal address, and hands over the address it checked', async (t) => {
  const lookup = (allowPrivate: boolean, resolve: () => Promise<LookupAddress[]>, options: { all?: boolean; family?: number } = {}) =>
    new Promise<{ error: Error | null; address: unknown; family?: number | undefined }>((done) =>
      guardedLookup(allowPrivate, resolve)('hooks.example.test', options as never, (error, address, family) => done({ error, address, family })),
    );
  const mixed = await lookup(false, fixed('93.184.216.34', '127.0.0.1'));
  t.type(mixed.error, RefusedAddressError, 'one internal address is enough to refuse');
  t.equal((mixed.error as RefusedAddressError).address, '127.0.0.1');
  t.notMatch(mixed.error?.message, /127\.0\.0\.1/, 'the message, which owners read, does not map the name to the address');
  t.same(await lookup(false, fixed('93.184.216.34')), { error: null, address: '93.184.216.34', family: 4 });
  t.same((await lookup(false, fixed('93.184.216.34', '2606:4700::1'), { all: true })).address, [
    { address: '93.184.216.34', family: 4 },
    { address: '2606:4700::1', family: 6 },
  ]);
  t.same((await lookup(false, fixed('93.184.216.34', '2606:4700::1'), { family: 6 })).address, '2606:4700::1');
  t.same(await lookup(true, fixed('127.0.0.1')), { error: null, address: '127.0.0.1', family: 4 }, 'allowed for tests and local development');
  t.match((await lookup(false, async () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' })))).error, { code: 'ENOTFOUND' });
});

t.test('postJson connects to the checked address, refuses internal ones after DNS, follows no redirect', async (t) => {
  const elsewhere = await listen(t, (_req, res) => res.end('should never be reached'));
  const seen: string[] = [];
  const target = await listen(t, (req, res) => {
    seen.push(`${req.headers.host} ${req.headers['webhook-id']}`);
    req.resume();
    if (req.url === '/redirect') res.writeHead(302, { location: `http://127.0.0.1:${elsewhere.port}/` }).end();
    else if (req.url === '/big') res.end(`\u0000${'é'.repeat(5000)}`);
    else if (req.url === '/binary') res.end(Buffer.alloc(3000, 0xff));
    else if (req.url === '/slow') setTimeout(() => res.end('late'), 2000);
    else if (req.url === '/busy') res.writeHead(503, { 'retry-after': '120' }).end('busy');
    else res.end('ok');
  });

  // A name no DNS knows, answered by our resolver with loopback: refused unless private addresses are allowed.
  const url = (path: string, scheme = 'https') => `${scheme}://hooks.example.test:${target.port}${path}`;
  const refused = await postJson(url('/'), '{}', {}, { timeoutMs: 1000, allowPrivate: false, resolve: fixed('127.0.0.1') });
  t.equal(refused.error, 'refused_address');
  t.match(refused.detail, /hooks\.example\.test resolves to a loopback/);
  t.equal(target.connections(), 0, 'no connection was made');

  const sent = await postJson(url('/', 'http'), '{"a":1}', { 'webhook-id': 'msg_1' }, { timeoutMs: 1000, allowPrivate: true, resolve: fixed('127.0.0.1') });
  t.same([sent.status, sent.body], [200, 'ok'], 'sent to the address the resolver gave, which was checked');
  t.same(seen, [`hooks.example.test:${target.port} msg_1`]);

  const base = `http://127.0.0.1:${target.port}`;
  const options = { timeoutMs: 1000, allowPrivate: true };
  const redirect = await postJson(`${base}/redirect`, '{}', {}, options);
  t.equal(redirect.status, 302, 'a redirect is an answer, not followed');
  t.equal(elsewhere.connections(), 0);

  const big = await postJson(`${base}/big`, '{}', {}, options);
  t.ok(Buffer.byteLength(big.body) <= 1024, `the body is cut to 1 KB (${Buffer.byteLength(big.body)} bytes)`);
  t.notOk(big.body.includes('\u0000'), 'without NUL, which PostgreSQL cannot store');
  t.notOk(big.body.includes('\ufffd'), 'a character cut at the end is left out, not mangled');
  const binary = await postJson(`${base}/binary`, '{}', {}, options);
  t.ok(Buffer.byteLength(binary.body) <= 1024, `bytes that are not UTF-8 fit too (${Buffer.byteLength(binary.body)} bytes)`);

  const slow = await postJson(`${base}/slow`, '{}', {}, { timeoutMs: 300, allowPrivate: true });
  t.equal(slow.error, 'timeout');
  t.ok(slow.latencyMs >= 300 && slow.latencyMs < 1500, `gave up at the deadline (${slow.latencyMs} ms)`);

  const busy = await postJson(`${base}/busy`, '{}', {}, options);
  t.same([busy.status, busy.retryAfterMs, busy.body], [503, 120_000, 'busy']);

  const closed = await postJson('http://127.0.0.1:1/', '{}', {}, options);
  t.same([closed.error, closed.detail], ['connection', 'ECONNREFUSED']);
  t.equal(
    (await postJson(`${base}/`, '{}', {}, { timeoutMs: 1000, allowPrivate: false })).error,
    'refused_address',
    'plain http and loopback without the setting',
  );
});

t.test('Retry-After in seconds or as a date', async (t) => {
  const now = Date.parse('2026-12-05T10:00:00Z');
  t.equal(retryAfterMs('30', now), 30_000);
  t.equal(retryAfterMs('Sat, 05 Dec 2026 10:01:00 GMT', now), 60_000);
  t.equal(retryAfterMs('Sat, 05 Dec 2026 09:00:00 GMT', now), 0);
  for (const bad of [undefined, '', 'soon', '-5', '1.5', 'x'.repeat(100)]) t.equal(retryAfterMs(bad, now), undefined, String(bad));
});

t.test('webhook settings are read and checked at boot', async (t) => {
  t.match(loadConfig({}).webhooks, { allowPrivate: false, retryScale: 1, timeoutMs: 10_000, concurrency: 32, perEndpoint: 4 });
  t.match(loadConfig({ CHORUS_WEBHOOKS_ALLOW_PRIVATE: '1', CHORUS_WEBHOOK_RETRY_SCALE: '0.001' }).webhooks, { allowPrivate: true, retryScale: 0.001 });
  for (const scale of ['0', '-1', '2', 'fast', 'NaN']) t.throws(() => loadConfig({ CHORUS_WEBHOOK_RETRY_SCALE: scale }), ConfigError, scale);
  t.throws(() => loadConfig({ CHORUS_WEBHOOK_ENDPOINT_CONCURRENCY: '0' }), ConfigError);
});
