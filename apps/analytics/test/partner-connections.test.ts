import { listenerWindowQueries, oauthQueries, PARTNER_WINDOW_SUBJECTS } from '@chorus/db';
import { buildApp } from '@chorus/service-kit';
import { createTestRuntime, createUser, signAppToken, type TestUser } from '@chorus/service-kit/testing';
import { addPartnerMember, registerPartnerApp } from '@chorus/test-kit';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { addDays, at, today } from './support.js';

/**
 * Connections of listeners to partner apps in partner statistics and product insight. Connection periods are
 * written at known times (straight into the tables, as connect and disconnect leave them) and through
 * oauthQueries today; every expected number is computed here from those periods, not read from the code.
 */

const env = { CHORUS_RATE_LIMITS: 'off', CHORUS_STATS_CACHE_TTL_MS: '0' };

interface Period {
  user: string;
  app: string;
  client: string;
  partner: string;
  kind: string;
  connected: Date;
  revoked: Date | null;
}

const endOf = (day: string) => Date.parse(`${addDays(day, 1)}T00:00:00Z`);
const startOf = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const live = (p: Period, instant: number) => p.connected.getTime() < instant && (p.revoked === null || p.revoked.getTime() >= instant);
const within = (d: Date | null, from: string, to: string) => d !== null && d.getTime() >= startOf(from) && d.getTime() < endOf(to);
const daysOf = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

t.test('connections in partner statistics and product insight', async (t) => {
  const rt = await createTestRuntime(t, { env });
  const { deps } = rt;
  const app = await buildApp(deps, [analyticsService], { logger: false });
  await app.ready();
  t.teardown(() => app.close());

  const p = await registerPartnerApp(deps.db, { kind: 'automotive', device_class: 'car' });
  const p2 = await registerPartnerApp(deps.db, { partnerId: p.partner.id, device_class: 'speaker' });
  const q = await registerPartnerApp(deps.db, { kind: 'telecom' });
  const idle = await registerPartnerApp(deps.db, { partnerId: p.partner.id });
  const apps = { a1: p, a2: p2, b1: q };
  const users: TestUser[] = [];
  for (let i = 0; i < 9; i++) users.push(await createUser(deps));
  const T = today();
  const d = (n: number) => addDays(T, -n);

  // Every period ever, the test's own record of what it wrote.
  const periods: Period[] = [];
  const history: Array<[number, keyof typeof apps, string, [number, string] | null]> = [
    // user, app, connected (days ago, time), revoked
    [0, 'a1', '10:00:00', [10, '12:00:00']],
    [1, 'a1', '10:00:00', [15, '10:00:00']],
    [2, 'a2', '00:00:00', [7, '23:59:59']],
    [3, 'a1', '09:00:00', null],
    [4, 'b1', '11:00:00', [8, '08:00:00']],
    [5, 'a1', '07:00:00', [11, '18:00:00']],
    [3, 'a2', '06:00:00', [30, '06:00:00']],
  ];
  const connectedDaysAgo = [25, 16, 13, 30, 12, 11, 34];
  history.forEach(([u, a, time, revoked], i) => {
    const reg = apps[a];
    periods.push({
      user: users[u]!.id,
      app: reg.app.id,
      client: reg.app.client_id,
      partner: reg.partner.id,
      kind: reg.partner.kind,
      connected: at(d(connectedDaysAgo[i]!), time),
      revoked: revoked ? at(d(revoked[0]), revoked[1]) : null,
    });
  });
  // Reconnections: user 0 to a1 again 9 days ago (open); user 0 to a2 12 days ago (open); user 6 to b1 20 days ago.
  periods.push({
    user: users[0]!.id,
    app: p.app.id,
    client: p.app.client_id,
    partner: p.partner.id,
    kind: 'automotive',
    connected: at(d(9), '08:00:00'),
    revoked: null,
  });
  periods.push({
    user: users[0]!.id,
    app: p2.app.id,
    client: p2.app.client_id,
    partner: p.partner.id,
    kind: 'automotive',
    connected: at(d(12), '09:00:00'),
    revoked: null,
  });
  periods.push({
    user: users[6]!.id,
    app: q.app.id,
    client: q.app.client_id,
    partner: q.partner.id,
    kind: 'telecom',
    connected: at(d(20), '09:00:00'),
    revoked: null,
  });

  // Stored as connect and disconnect leave them: one connection row with its latest period, and every period.
  const latest = new Map<string, Period>();
  for (const x of periods) {
    const key = `${x.user} ${x.client}`;
    if (!latest.has(key) || latest.get(key)!.connected < x.connected) latest.set(key, x);
  }
  for (const x of latest.values()) {
    await deps.db
      .insertInto('oauth_connections')
      .values({
        user_id: x.user,
        client_id: x.client,
        scopes: ['listens:write'],
        created_at: x.connected,
        last_used_at: x.connected,
        revoked_at: x.revoked,
        tokens_not_before: x.revoked,
      })
      .execute();
  }
  await deps.db
    .insertInto('oauth_connection_periods')
    .values(
      periods.map((x) => ({ user_id: x.user, client_id: x.client, partner_id: x.partner, app_id: x.app, connected_at: x.connected, revoked_at: x.revoked })),
    )
    .execute();

  // Today, through the real writes: user 7 connects to a1 and approves again (not a new connection); user 8
  // connects to a2, disconnects, reconnects; user 7 disconnects from nothing else.
  const write = async (what: 'connect' | 'disconnect', u: number, reg: typeof p) => {
    const when = new Date();
    if (what === 'connect') await oauthQueries.connect(deps.db, users[u]!.id, reg.app.client_id, ['listens:write']);
    else await oauthQueries.disconnect(deps.db, users[u]!.id, reg.app.client_id);
    return when;
  };
  const c7 = await write('connect', 7, p);
  await write('connect', 7, p);
  const c8 = await write('connect', 8, p2);
  const r8 = await write('disconnect', 8, p2);
  const c8b = await write('connect', 8, p2);
  periods.push({ user: users[7]!.id, app: p.app.id, client: p.app.client_id, partner: p.partner.id, kind: 'automotive', connected: c7, revoked: null });
  periods.push({ user: users[8]!.id, app: p2.app.id, client: p2.app.client_id, partner: p.partner.id, kind: 'automotive', connected: c8, revoked: r8 });
  periods.push({ user: users[8]!.id, app: p2.app.id, client: p2.app.client_id, partner: p.partner.id, kind: 'automotive', connected: c8b, revoked: null });

  const stored = await deps.db.selectFrom('oauth_connection_periods').select(['user_id', 'client_id', 'revoked_at']).execute();
  t.equal(stored.length, periods.length, 'connect and disconnect wrote one period per connection, none for a re-approval');
  t.equal(stored.filter((r) => r.revoked_at === null).length, periods.filter((x) => x.revoked === null).length, 'and closed the revoked one');

  // --- expectations from the periods ---
  const of = (partner: string) => periods.filter((x) => x.partner === partner);
  const connectedUsers = (list: Period[], day: string) => new Set(list.filter((x) => live(x, endOf(day))).map((x) => x.user)).size;
  const made = (list: Period[], from: string, to: string) => list.filter((x) => within(x.connected, from, to)).length;
  const revoked = (list: Period[], from: string, to: string) => list.filter((x) => within(x.revoked, from, to)).length;

  const admin = await createUser(deps);
  const analyst = await createUser(deps);
  const developer = await createUser(deps);
  await addPartnerMember(deps.db, p.partner.id, admin.id, 'admin');
  await addPartnerMember(deps.db, p.partner.id, analyst.id, 'analyst');
  await addPartnerMember(deps.db, p.partner.id, developer.id, 'developer');
  const qAdmin = await createUser(deps);
  await addPartnerMember(deps.db, q.partner.id, qAdmin.id, 'admin');
  const productAnalyst = await createUser(deps, { roles: ['product_analyst'] });
  const platformAdmin = await createUser(deps, { roles: ['platform_admin'] });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (url: string, headers: Record<string, string> = admin.auth) => app.inject({ method: 'GET', url, headers });

  await t.test('headline figures with the previous period, for a past range and one ending today', async (t) => {
    for (const [from, to] of [
      [d(13), d(7)],
      [d(6), T],
      [d(29), d(15)],
    ] as const) {
      const res = await get(`/v1/partners/${p.partner.id}/stats?from=${from}&to=${to}`);
      t.equal(res.statusCode, 200, res.body);
      const body = res.json();
      const list = of(p.partner.id);
      const pf = body.previous_from as string;
      const pt = body.previous_to as string;
      t.match(body.connected_users, { value: connectedUsers(list, to), previous: connectedUsers(list, pt) }, `connected users ${from}..${to}`);
      t.match(body.new_connections, { value: made(list, from, to), previous: made(list, pf, pt) }, `new connections ${from}..${to}`);
      t.match(body.revoked_connections, { value: revoked(list, from, to), previous: revoked(list, pf, pt) }, `revoked ${from}..${to}`);
      t.ok('streams' in body && 'monthly_listeners' in body, 'the listening figures stay');
    }
    // The other partner sees its own connections only.
    const other = (await get(`/v1/partners/${q.partner.id}/stats?from=${d(13)}&to=${d(7)}`, qAdmin.auth)).json();
    t.match(other.connected_users, { value: connectedUsers(of(q.partner.id), d(7)) });
    t.match(other.new_connections, { value: made(of(q.partner.id), d(13), d(7)) });
    t.match(other.revoked_connections, { value: revoked(of(q.partner.id), d(13), d(7)) });
    // A change only against a previous period the partner's connections wholly cover.
    const early = (await get(`/v1/partners/${p.partner.id}/stats?from=${d(34)}&to=${d(30)}`)).json();
    t.match(early.new_connections, { change: null, change_reason: 'no_data_in_previous_period' });
  });

  await t.test('per app, every app of the partner listed', async (t) => {
    const [from, to] = [d(13), T];
    const body = (await get(`/v1/partners/${p.partner.id}/stats/apps?from=${from}&to=${to}`)).json();
    const pf = body.previous_from as string;
    const pt = body.previous_to as string;
    t.same(body.connections.map((c: { app_id: string }) => c.app_id).sort(), [p.app.id, p2.app.id, idle.app.id].sort(), 'the partner’s apps only');
    for (const reg of [p, p2, idle]) {
      const list = periods.filter((x) => x.app === reg.app.id);
      const row = body.connections.find((c: { app_id: string }) => c.app_id === reg.app.id);
      t.same(
        row,
        {
          app_id: reg.app.id,
          name: reg.app.name,
          connected_users: connectedUsers(list, to),
          previous_connected_users: connectedUsers(list, pt),
          new_connections: made(list, from, to),
          previous_new_connections: made(list, pf, pt),
          revoked_connections: revoked(list, from, to),
          previous_revoked_connections: revoked(list, pf, pt),
        },
        `app ${reg.app.name}`,
      );
    }
    const csv = await get(`/v1/partners/${p.partner.id}/stats/apps?from=${from}&to=${to}&format=csv`);
    t.equal(csv.statusCode, 200);
    const lines = csv.body.trim().split(/\r?\n/);
    t.match(lines[0], /,connected_users,previous_connected_users,new_connections,previous_new_connections,revoked_connections,previous_revoked_connections$/);
    t.equal(lines.filter((l) => l.startsWith('connections,')).length, 3, 'one connections row per app');
    const stats = await get(`/v1/partners/${p.partner.id}/stats?from=${from}&to=${to}&format=csv`);
    t.match(stats.body, new RegExp(`connected_users,${connectedUsers(of(p.partner.id), to)},`));
  });

  await t.test('timeseries of new, revoked and connected', async (t) => {
    const [from, to] = [d(30), T];
    const list = of(p.partner.id);
    for (const metric of ['new_connections', 'revoked_connections', 'connected_users'] as const) {
      const res = await get(`/v1/partners/${p.partner.id}/stats/timeseries?metric=${metric}&from=${from}&to=${to}`);
      t.equal(res.statusCode, 200, res.body);
      const expected = daysOf(from, to).map((day) => ({
        start: day,
        end: day,
        value: metric === 'new_connections' ? made(list, day, day) : metric === 'revoked_connections' ? revoked(list, day, day) : connectedUsers(list, day),
      }));
      t.same(res.json().points, expected, metric);
    }
    const monthly = (await get(`/v1/partners/${p.partner.id}/stats/timeseries?metric=connected_users&granularity=month&from=${from}&to=${to}`)).json();
    for (const point of monthly.points) t.equal(point.value, connectedUsers(list, point.end), `connected at the end of ${point.end}`);
    const weekly = (await get(`/v1/partners/${p.partner.id}/stats/timeseries?metric=new_connections&granularity=week&from=${from}&to=${to}`)).json();
    t.equal(
      weekly.points.reduce((n: number, x: { value: number }) => n + x.value, 0),
      made(list, from, to),
      'weekly new connections add up to the range',
    );
  });

  await t.test('product insight: by partner kind, with cohorts and retention', async (t) => {
    // Streams through partner apps, as the attribution rollups hold them: (days ago, user, app).
    const listened: Array<[number, number, keyof typeof apps]> = [
      [24, 0, 'a2'], // user 0 connected to a1 25 days ago, streams through another automotive app the next day
      [12, 3, 'a1'], // user 3's a2 connection (34 days ago) is closed, but a1 keeps them connected
      [30, 3, 'a1'],
      [33, 3, 'a1'],
      [15, 1, 'a1'], // user 1 revoked 15 days ago: listened, but not connected after 7 days
      [19, 6, 'b1'],
      [10, 4, 'b1'],
      [11, 5, 'a1'], // the connection day itself is not in the following days
    ];
    for (const [ago, u, a] of listened) {
      const reg = apps[a];
      await deps.db
        .insertInto('partner_day_listeners')
        .values({
          partner_id: reg.partner.id,
          day: d(ago),
          app_id: reg.app.id,
          user_id: users[u]!.id,
          streams: 2,
          device_class: 'car',
          country: 'SE',
          age_bracket: '25-34',
          gender: 'female',
        })
        .execute();
      // Queued for the compaction job, as aggregation leaves a partner-day it changed.
      await deps.db
        .insertInto('partner_day_sets_pending')
        .values({ partner_id: reg.partner.id, day: d(ago) })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    // And their listener windows, as aggregation keeps them.
    const written = [...new Set(listened.map(([, , a]) => apps[a].partner.id))];
    for (const subject of PARTNER_WINDOW_SUBJECTS) await listenerWindowQueries.rebuild(deps.db, written, subject);
    const streamedThrough = (user: string, kind: string, first: string, last: string) =>
      listened.some(([ago, u, a]) => users[u]!.id === user && apps[a].partner.kind === kind && d(ago) >= first && d(ago) <= last);

    const from = d(35);
    const to = d(1);
    const res = await get(`/v1/insights/product/partner-connections?from=${from}&to=${to}&granularity=week`, productAnalyst.auth);
    t.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const kinds = ['automotive', 'telecom', 'device', 'app'];
    t.same(
      body.kinds.map((k: { kind: string }) => k.kind),
      kinds,
    );
    for (const kind of kinds) {
      const list = periods.filter((x) => x.kind === kind);
      t.same(
        body.kinds.find((k: { kind: string }) => k.kind === kind),
        {
          kind,
          new_connections: made(list, from, to),
          previous_new_connections: made(list, body.previous_from, body.previous_to),
          revoked_connections: revoked(list, from, to),
          previous_revoked_connections: revoked(list, body.previous_from, body.previous_to),
          connected_users: connectedUsers(list, to),
          previous_connected_users: connectedUsers(list, body.previous_to),
        },
        `range figures of ${kind}`,
      );
    }
    // ISO weeks, clipped to the range.
    const monday = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
    const weeks: Array<{ start: string; end: string }> = [];
    for (let w = monday(from); w <= to; w = addDays(w, 7)) weeks.push({ start: w < from ? from : w, end: addDays(w, 6) > to ? to : addDays(w, 6) });
    t.same(
      body.series.map((b: { start: string; end: string }) => ({ start: b.start, end: b.end })),
      weeks,
    );
    let judged = 0;
    for (const [i, week] of weeks.entries()) {
      for (const kind of kinds) {
        const list = periods.filter((x) => x.kind === kind);
        const firsts = new Map<string, string>();
        for (const x of list.filter((x) => within(x.connected, week.start, week.end))) {
          const day = dayOf(x.connected);
          if (!firsts.has(x.user) || firsts.get(x.user)! > day) firsts.set(x.user, day);
        }
        const retainedAfter = (h: number) => {
          if (addDays(week.end, h) >= T) return null;
          return [...firsts.entries()].filter(
            ([user, c0]) => list.some((x) => x.user === user && live(x, endOf(addDays(c0, h)))) && streamedThrough(user, kind, addDays(c0, 1), addDays(c0, h)),
          ).length;
        };
        const [r7, r28] = [retainedAfter(7), retainedAfter(28)];
        if (firsts.size > 0 && r7 !== null) judged++;
        const share = (r: number | null) => (r === null || firsts.size === 0 ? null : r / firsts.size);
        t.same(
          body.series[i].kinds.find((k: { kind: string }) => k.kind === kind),
          {
            kind,
            new_connections: made(list, week.start, week.end),
            revoked_connections: revoked(list, week.start, week.end),
            connected_users: connectedUsers(list, week.end),
            cohort: firsts.size,
            retained_7d: r7,
            retention_7d: share(r7),
            retained_28d: r28,
            retention_28d: share(r28),
          },
          `${kind} in the week from ${week.start}`,
        );
      }
    }
    t.ok(judged >= 4, `retention judged for ${judged} non-empty cohorts`);
    const someRetained = body.series.some((b: { kinds: Array<{ retained_7d: number | null }> }) => b.kinds.some((k) => (k.retained_7d ?? 0) > 0));
    t.ok(someRetained, 'some cohort member is retained');

    const csv = await get(`/v1/insights/product/partner-connections?from=${from}&to=${to}&granularity=month&format=csv`, platformAdmin.auth);
    t.equal(csv.statusCode, 200);
    t.match(csv.headers['content-type'], /text\/csv/);
    t.match(csv.body.split(/\r?\n/)[0], /^period,start,end,kind,new_connections/);
  });

  await t.test('who may read, and bad input', async (t) => {
    const stats = `/v1/partners/${p.partner.id}/stats?range=7d`;
    const product = '/v1/insights/product/partner-connections';
    const ownApp = bearer(await signAppToken(deps, p.app.client_id));
    const otherApp = bearer(await signAppToken(deps, q.app.client_id));
    const cases: Array<[string, string, Record<string, string> | null, number]> = [
      ['partner stats, no token', stats, null, 401],
      ['partner stats, admin', stats, admin.auth, 200],
      ['partner stats, analyst', stats, analyst.auth, 200],
      ['partner stats, own app', stats, ownApp, 200],
      ['partner stats, developer', stats, developer.auth, 404],
      ['partner stats, another partner’s admin', stats, qAdmin.auth, 404],
      ['partner stats, another partner’s app', stats, otherApp, 404],
      ['partner stats, a product analyst', stats, productAnalyst.auth, 404],
      ['product, no token', product, null, 401],
      ['product, product analyst', product, productAnalyst.auth, 200],
      ['product, platform admin', product, platformAdmin.auth, 200],
      ['product, a partner admin', product, admin.auth, 403],
      ['product, a partner app', product, ownApp, 403],
    ];
    for (const [name, url, headers, status] of cases) {
      const res = await app.inject({ method: 'GET', url, headers: headers ?? {} });
      t.equal(res.statusCode, status, name);
      if (status >= 400) t.match(res.headers['content-type'], /application\/problem\+json/, `${name}: problem+json`);
    }
    const bad = [
      `/v1/partners/${p.partner.id}/stats/timeseries?metric=connections`,
      `/v1/partners/${p.partner.id}/stats/timeseries?metric=connected_users&granularity=year`,
      `/v1/partners/${p.partner.id}/stats?from=${T}`,
      `/v1/partners/${p.partner.id}/stats/apps?from=2026-02-30&to=2026-03-01`,
      `/v1/partners/${p.partner.id}/stats/apps?from=2020-01-01&to=${T}`,
      `${product}?granularity=year`,
      `${product}?from=${T}`,
      `${product}?from=${addDays(T, 1)}&to=${addDays(T, 1)}`,
      `${product}?range=forever`,
      `${product}?cohorts=3`,
      `${product}?from=2020-01-01&to=${T}`,
    ];
    for (const url of bad) {
      const res = await get(url, url.startsWith(product) ? productAnalyst.auth : admin.auth);
      t.equal(res.statusCode, 400, url);
      t.match(res.headers['content-type'], /application\/problem\+json/);
      t.match(res.json(), { status: 400, code: String });
    }
  });
});
