import { createHash, randomInt } from 'node:crypto';
import { createTestApp, createUser, json } from '@chorus/service-kit/testing';
import fc from 'fast-check';
import { sql } from 'kysely';
import t from 'tap';
import { services } from '../../apps/platform/src/services.js';
import { hostileRequests, KINDS, type PathFixture, wireOf } from './hostile-requests.js';
import { type HostileRequest, type Operation, operationsOf, unboundedInputs, whyInvalid } from './operations.js';

// The test's own knobs (not Chorus configuration): how many requests to send and from which seed.
const RUNS = Number(process.env.CHORUS_FUZZ_RUNS ?? 1_500);
const SEED = process.env.CHORUS_FUZZ_SEED === 'random' ? randomInt(2 ** 31) : Number(process.env.CHORUS_FUZZ_SEED ?? 20_261_205);
/** Generated requests per operation that may turn out valid (and are skipped) before the operation is done. */
const ATTEMPTS_PER_SENT = 4;
const ANSWER_TIMEOUT_MS = 20_000;

interface Finding {
  req: HostileRequest;
  op: string;
  kind: string;
  target: string;
  why: string;
  status: number;
  problem: string;
  request: string;
}

/**
 * Findings fixed elsewhere are reported as todo rather than failing the suite while the fix is on its way.
 * Each names the operation and the answer that is wrong; anything else still fails. None is open today: the three
 * the suite found first (router errors as plain JSON, U+0000 in a ListenBrainz query, loose query integers) are
 * fixed and kept below as regression tests.
 */
const KNOWN: Array<{ matches: (f: Finding, req: HostileRequest) => boolean; note: string }> = [];

/** The wire request, short enough to paste into a bug report. */
function describe(req: HostileRequest): string {
  const wire = wireOf(req);
  const cut = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
  return JSON.stringify({
    method: wire.method,
    url: cut(wire.url),
    headers: wire.headers,
    ...(wire.payload !== undefined ? { payload: cut(wire.payload) } : {}),
  });
}

/** What is wrong with the answer to an invalid request, or undefined when it is a proper refusal. */
function wrongAnswer(op: Operation, status: number, contentType: string, body: string): string | undefined {
  if (status >= 500) return `${status} (a server error)`;
  if (status < 400) return `${status}: an invalid request was accepted`;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `${status} with a body that is not JSON`;
  }
  if (op.listenBrainz) {
    // ListenBrainz's own error shape, by design.
    if (!contentType.startsWith('application/json')) return `${status} as ${contentType}, not ListenBrainz's application/json`;
    if (parsed.code !== status || typeof parsed.error !== 'string') return `${status} without ListenBrainz's {code, error}`;
    return undefined;
  }
  if (!contentType.startsWith('application/problem+json')) return `${status} as ${contentType || 'no content type'}, not application/problem+json`;
  for (const field of ['type', 'title', 'detail', 'code'] as const) if (typeof parsed[field] !== 'string') return `${status} problem without a string ${field}`;
  if (parsed.status !== status) return `${status} problem whose status is ${String(parsed.status)}`;
  return undefined;
}

// Run by node directly (npm run fuzz), tap's default of 30 s would cut a long run short.
t.setTimeout(Math.max(300_000, RUNS * 250));

t.test(`hostile input from the OpenAPI document: ${RUNS} requests, seed ${SEED}`, async (t) => {
  const started = Date.now();
  const { app, deps, schema } = await createTestApp(t, services, { env: { CHORUS_RATE_LIMITS: 'off' } });
  const user = await createUser(deps, { roles: ['product_analyst', 'platform_admin'] });

  // Real objects the caller owns, so a request with valid ids reaches the body's validation behind every check.
  const post = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url, headers: user.auth, payload });
    if (res.statusCode >= 300) throw new Error(`fixture ${url}: ${res.statusCode} ${res.body}`);
    return json<{ id: string; token?: string }>(res);
  };
  const artist = await post('/v1/artists', { name: 'Fuzz Artist' });
  const release = await post(`/v1/artists/${artist.id}/releases`, { title: 'Fuzz', type: 'single' });
  const track = await post(`/v1/releases/${release.id}/tracks`, { title: 'Fuzz', duration_ms: 180_000, isrc: 'SEFUZ2600001' });
  const playlist = await post('/v1/playlists', { name: 'Fuzz' });
  const personal = await post('/v1/me/tokens', { name: 'fuzz' });
  const owners: Record<string, string> = { artists: artist.id, releases: release.id, tracks: track.id, playlists: playlist.id, tokens: personal.id };
  const fixture: PathFixture = (op, param) => {
    if (param.name === 'user_id') return user.id;
    if (param.name === 'track_id') return track.id;
    if (param.name !== 'id') return undefined;
    const segments = op.path.split('/');
    return owners[segments[segments.indexOf('{id}') - 1] ?? ''];
  };

  // Nothing a refused request does may show here: every table's rows, and the namespace's Redis keys (rate-limit counters aside).
  // A token's last_used_at is left out: authenticating (before the request is refused) may note it.
  const { rows: tables } = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = ${schema} ORDER BY 1`.execute(deps.db);
  const snapshot = async () => {
    const parts = tables.map(
      ({ name }) =>
        sql`SELECT ${name}::text AS name, count(*)::int AS n, md5(coalesce(string_agg(md5((to_jsonb(x) - 'last_used_at')::text), '' ORDER BY md5((to_jsonb(x) - 'last_used_at')::text)), '')) AS digest FROM ${sql.table(name)} x`,
    );
    const { rows } = await sql<{ name: string; n: number; digest: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(deps.db);
    const keys = (await deps.redis!.keys(`${schema}*`)).filter((k) => !k.startsWith(`${schema}:rl:`)).sort();
    const redis: Record<string, string> = {};
    for (const key of keys)
      redis[key] = createHash('sha1')
        .update((await deps.redis!.dumpBuffer(key)) ?? '')
        .digest('hex');
    return { rows: Object.fromEntries(rows.map((r) => [r.name, `${r.n} ${r.digest}`])), redis };
  };
  const diff = (a: Awaited<ReturnType<typeof snapshot>>, b: Awaited<ReturnType<typeof snapshot>>) => {
    const changed = [...new Set([...Object.keys(a.rows), ...Object.keys(b.rows)])]
      .filter((k) => a.rows[k] !== b.rows[k])
      .map((k) => `table ${k}: ${a.rows[k]} -> ${b.rows[k]}`);
    const keys = [...new Set([...Object.keys(a.redis), ...Object.keys(b.redis)])].filter((k) => a.redis[k] !== b.redis[k]).map((k) => `redis ${k}`);
    return [...changed, ...keys];
  };

  const document = app.swagger() as unknown as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>> };
  const operations = operationsOf(document as never);
  const fuzzable = operations
    .map((op) => ({ op, arb: hostileRequests(op, fixture) }))
    .filter((o): o is { op: Operation; arb: fc.Arbitrary<HostileRequest> } => Boolean(o.arb));
  const perOperation = Math.ceil(RUNS / fuzzable.length);
  const anonymousAuth = {} as Record<string, string>;
  const userAuth = (op: Operation) => (op.listenBrainz ? { authorization: `Token ${personal.token}` } : user.auth);

  const sent = new Map<string, Map<string, number>>();
  const statuses = new Map<number, number>();
  const findings: Finding[] = [];
  const slowest: Array<{ ms: number; what: string }> = [];
  let skipped = 0;
  let total = 0;
  const writes: string[] = [];
  let before = await snapshot();

  for (const [index, { op, arb }] of fuzzable.entries()) {
    let sentHere = 0;
    for (let attempt = 0; sentHere < perOperation && attempt < perOperation * ATTEMPTS_PER_SENT; attempt++) {
      // One at a time, each from its own seed: megabyte-sized requests are never all held at once.
      const [req] = fc.sample(arb, { numRuns: 1, seed: (SEED + index * 1_000_003 + attempt * 7_919) | 0 });
      if (!req) continue;
      const why = whyInvalid(req);
      if (why === undefined) {
        skipped++;
        continue;
      }
      const wire = wireOf(req);
      const anonymous = total % 2 === 0;
      const clock = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const res = await Promise.race([
        app.inject({
          method: wire.method as 'GET',
          url: wire.url,
          headers: { ...wire.headers, ...(anonymous ? anonymousAuth : userAuth(op)) },
          ...(wire.payload !== undefined ? { payload: wire.payload } : {}),
        }),
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), ANSWER_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
      const ms = Date.now() - clock;
      total++;
      sentHere++;
      const byKind = sent.get(op.id) ?? new Map<string, number>();
      byKind.set(req.kind, (byKind.get(req.kind) ?? 0) + 1);
      sent.set(op.id, byKind);
      slowest.push({ ms, what: `${op.id} ${req.kind} (${req.target.slice(0, 40)})` });
      slowest.sort((a, b) => b.ms - a.ms).splice(5);
      const problem = res ? wrongAnswer(op, res.statusCode, String(res.headers['content-type'] ?? ''), res.body) : `no answer in ${ANSWER_TIMEOUT_MS} ms`;
      if (res) statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (problem) findings.push({ req, op: op.id, kind: req.kind, target: req.target, why, status: res?.statusCode ?? 0, problem, request: describe(req) });
    }
    const after = await snapshot();
    const changed = diff(before, after);
    if (changed.length) writes.push(`${op.id}: ${changed.join('; ')}`);
    before = after;
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  t.comment(
    `hostile input: ${total} invalid requests sent to ${fuzzable.length} of ${operations.length} operations in ${seconds} s (seed ${SEED}); ${skipped} generated requests skipped as valid`,
  );
  const kindTotals = new Map<string, number>();
  for (const byKind of sent.values()) for (const [kind, n] of byKind) kindTotals.set(kind, (kindTotals.get(kind) ?? 0) + n);
  t.comment(
    `by kind: ${KINDS.filter((k) => kindTotals.has(k))
      .map((k) => `${k} ${kindTotals.get(k)}`)
      .join(', ')}`,
  );
  t.comment(
    `answers: ${[...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')}; 5xx: ${[...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0)}`,
  );
  t.comment(`slowest: ${slowest.map((s) => `${s.ms} ms ${s.what}`).join('; ')}`);
  for (const [op, byKind] of sent) t.comment(`  ${op}: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  const untouched = operations.filter((op) => !sent.has(op.id)).map((op) => op.id);
  if (untouched.length) t.comment(`no invalid request possible (no parameters, no body): ${untouched.join(', ')}`);

  t.ok(total >= RUNS * 0.9, `${total} requests sent (asked for ${RUNS})`);
  t.same(unboundedInputs(operations), [], 'every string and array a request may send is bounded in the document');
  t.same(writes, [], 'nothing written by any refused request');

  // One assertion per distinct wrong answer, with its first reproduction: a known one (todo) once for all the
  // operations it shows on, any other once per operation and problem.
  const groups = new Map<string, { findings: Finding[]; known: (typeof KNOWN)[number] | undefined }>();
  for (const f of findings) {
    const known = KNOWN.find((k) => k.matches(f, f.req));
    const key = known ? known.note : `${f.op} | ${f.problem}`;
    const group = groups.get(key) ?? { findings: [], known };
    group.findings.push(f);
    groups.set(key, group);
  }
  for (const [key, { findings: group, known }] of groups) {
    const first = group[0]!;
    const ops = new Set(group.map((f) => f.op)).size;
    const message = `${known ? first.problem : key} (${group.length}× on ${ops} operation(s), e.g. ${first.op}, ${first.kind} at ${first.target}; invalid because ${first.why}): ${first.request}`;
    if (known) t.fail(message, { todo: known.note });
    else t.fail(message);
  }
  const unknown = findings.filter((f) => !KNOWN.some((k) => k.matches(f, f.req)));
  t.comment(`findings: ${findings.length} wrong answers, ${findings.length - unknown.length} of them known (todo)`);
  t.equal(unknown.filter((f) => f.status >= 500).length, 0, 'no 5xx answer beyond the known ones');
  t.equal(unknown.length, 0, 'every answer is a proper 4xx refusal (or a known finding)');
});

// The findings this suite found first, each as its smallest request: they stay fixed.
t.test('fixed findings, one request each', async (t) => {
  const { app, deps } = await createTestApp(t, services, { env: { CHORUS_RATE_LIMITS: 'off' } });
  const analyst = await createUser(deps, { roles: ['product_analyst'] });
  const isProblem = (res: Awaited<ReturnType<typeof app.inject>>) => String(res.headers['content-type']).startsWith('application/problem+json');

  // Fastify's router refusals go through frameworkErrors (packages/service-kit/src/server.ts).
  const long = await app.inject({ method: 'GET', url: `/v1/artists/${'x'.repeat(101)}` });
  t.ok(long.statusCode === 414 && isProblem(long), `GET /v1/artists/x×101: ${long.statusCode} ${long.headers['content-type']}`);
  const badUrl = await app.inject({ method: 'GET', url: '/v1/artists/%zz' });
  t.ok(badUrl.statusCode === 400 && isProblem(badUrl), `GET /v1/artists/%zz: ${badUrl.statusCode} ${badUrl.headers['content-type']}`);

  // The ListenBrainz routes answer the shared checks' refusals in ListenBrainz's shape, not as a 500.
  const personal = json<{ token: string }>(await app.inject({ method: 'POST', url: '/v1/me/tokens', headers: analyst.auth, payload: { name: 'nul' } }));
  for (const url of ['/1/validate-token?token=a%00', '/1/submit-listens?x=%00']) {
    const res = await app.inject({ method: url.includes('submit') ? 'POST' : 'GET', url, headers: { authorization: `Token ${personal.token}` } });
    t.equal(res.statusCode, 400, `${url}: ${res.statusCode} ${res.body}`);
  }

  // Query integers are read as written: no "1.5", "true" or "0x10" stretched into an integer.
  for (const url of [
    '/v1/insights/product/retention?cohorts=1.5',
    '/v1/insights/product/retention?cohorts=true',
    '/v1/insights/product/retention?cohorts=0x10',
  ]) {
    const res = await app.inject({ method: 'GET', url, headers: analyst.auth });
    t.equal(res.statusCode, 400, `${url}: ${res.statusCode}`);
  }
});
