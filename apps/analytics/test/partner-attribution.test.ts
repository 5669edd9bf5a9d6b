import { listeningService } from '@chorus/listening';
import { buildApp } from '@chorus/service-kit';
import { createTestRuntime, createUser, signAppToken, type TestUser } from '@chorus/service-kit/testing';
import { addPartnerMember, createArtist, registerPartnerApp, utcDay, utcDayStart } from '@chorus/test-kit';
import { listeningQueries } from '@chorus/db';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { drained, startTestWorkers } from './support.js';

/**
 * End to end: listens submitted with partner apps' tokens are attributed to the app and its partner, aggregated
 * by the real workers, and read back from artist sources, partner stats and product insight; every expected
 * number is computed here from the listens the test sent, not from the rollups.
 */

const K = 3;
const env = { CHORUS_RATE_LIMITS: 'off', CHORUS_AUDIENCE_MIN_LISTENERS: String(K) };

interface Sent {
  user: string;
  partner: string | null;
  app: string | null;
  deviceClass: string | null;
  artist: string;
  track: string;
  ms: number;
  day: string;
  claimed: { platform: string; context: string };
}

const isStream = (s: Sent) => s.ms >= 30_000;
const count = <T>(xs: T[], p: (x: T) => boolean) => xs.filter(p).length;
const distinct = (xs: Sent[]) => new Set(xs.map((s) => s.user)).size;

t.test('partner attribution from ingestion to artist, partner and product statistics', async (t) => {
  const rt = await createTestRuntime(t, { env });
  const { deps } = rt;
  const app = await buildApp(deps, [analyticsService, listeningService], { logger: false });
  await app.ready();
  t.teardown(() => app.close());
  await startTestWorkers(t, deps);

  const x = await createArtist(deps.db, 'Highway Choir', ['Lane One', 'Exit Two']);
  const y = await createArtist(deps.db, 'Tower Static', ['Antenna']);
  const a = await registerPartnerApp(deps.db, { kind: 'automotive', device_class: 'car', name: 'Carmaker' });
  const a2 = await registerPartnerApp(deps.db, { partnerId: a.partner.id, device_class: 'speaker' });
  const b = await registerPartnerApp(deps.db, { kind: 'telecom', device_class: null, name: 'Telco' });

  const users: TestUser[] = [];
  for (let i = 0; i < 8; i++) users.push(await createUser(deps, { country: i < 4 ? 'SE' : 'NO', birth_year: 1990, gender: i % 2 ? 'female' : 'male' }));
  const sent: Sent[] = [];
  // Every listen on one UTC day: the k rule judges each day's cells, so listens split by midnight would show fewer
  // of a partner's streams than this test's truth, which ignores days. Near midnight they are yesterday's, and end
  // well before it. The listens span 8 minutes; 20 leaves room.
  let base = Date.now() - 50 * 60_000;
  if (utcDay(new Date(base)) !== utcDay(new Date(base + 20 * 60_000))) base = utcDayStart(Date.now()) - 50 * 60_000;
  let minute = 0;

  /** Posts listens for one user with one token; records what was sent and its attribution as registered. */
  async function post(
    user: TestUser,
    via: { token: string; partner: string | null; app: string | null; deviceClass: string | null },
    listens: Array<{ track: { id: string; artist_id: string }; ms: number; platform: string; context: string }>,
  ) {
    const body = listens.map((l) => {
      const at = new Date(base + minute++ * 30_000);
      sent.push({
        user: user.id,
        partner: via.partner,
        app: via.app,
        deviceClass: via.deviceClass,
        artist: l.track.artist_id,
        track: l.track.id,
        ms: l.ms,
        day: utcDay(at),
        claimed: { platform: l.platform, context: l.context },
      });
      return { track_id: l.track.id, listened_at: at.toISOString(), ms_played: l.ms, platform: l.platform, context: { type: l.context } };
    });
    const response = await app.inject({ method: 'POST', url: '/v1/listens', headers: { authorization: `Bearer ${via.token}` }, payload: { listens: body } });
    t.equal(response.statusCode, 200, response.body);
    t.equal(response.json().accepted, listens.length);
    return body;
  }
  const viaApp = async (user: TestUser, reg: typeof a) => ({
    token: await signAppToken(deps, reg.app.client_id, { sub: user.id, scope: 'listens:write listens:read' }),
    partner: reg.partner.id,
    app: reg.app.id,
    deviceClass: reg.app.device_class,
  });
  const firstParty = (user: TestUser) => ({ token: user.token, partner: null, app: null, deviceClass: null });

  const reader = await createUser(deps);
  await deps.db.insertInto('artist_members').values({ artist_id: x.id, user_id: reader.id, role: 'reader' }).execute();
  const admin = await createUser(deps);
  await addPartnerMember(deps.db, a.partner.id, admin.id, 'admin');
  const get = (url: string, who: { authorization: string } = admin.auth, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { ...who, ...headers } });

  const [t0, t1] = x.tracks as [(typeof x.tracks)[0], (typeof x.tracks)[0]];
  const u0 = y.tracks[0]!;
  for (const user of users.slice(0, 4)) {
    await post(user, await viaApp(user, a), [
      { track: t0, ms: 200_000, platform: 'ios', context: 'library' },
      { track: t1, ms: 10_000, platform: 'ios', context: 'album' },
    ]);
  }
  for (const user of users.slice(0, 2)) {
    await post(user, await viaApp(user, a2), [
      { track: u0, ms: 60_000, platform: 'web', context: 'radio' },
      { track: t0, ms: 45_000, platform: 'web', context: 'library' },
    ]);
  }
  const resent = await post(users[4]!, await viaApp(users[4]!, b), [{ track: t0, ms: 100_000, platform: 'car', context: 'partner' }]);
  await post(users[5]!, await viaApp(users[5]!, b), [{ track: t0, ms: 100_000, platform: 'android', context: 'library' }]);
  // Claims without a partner token: stored as claimed, counted as unverified.
  await post(users[6]!, firstParty(users[6]!), [{ track: t0, ms: 100_000, platform: 'car', context: 'partner' }]);
  await post(users[7]!, firstParty(users[7]!), [{ track: t0, ms: 100_000, platform: 'ios', context: 'library' }]);
  const lastPosted = Date.now();

  // Freshness: both sides see the last listen within 2 s of its acceptance.
  const expectedA = sent.filter((s) => s.partner === a.partner.id);
  for (;;) {
    const partner = (await get(`/v1/partners/${a.partner.id}/stats?range=7d`)).json();
    const sources = (await get(`/v1/artists/${x.id}/stats/sources?range=7d`, reader.auth)).json();
    const unverified = sources.partner_kinds?.find((k: { kind: string }) => k.kind === 'unverified')?.streams;
    if (partner.streams?.value === count(expectedA, isStream) && unverified === 1) break;
    if (Date.now() - lastPosted > 10_000) {
      t.fail('not visible within 10 s');
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const lag = Date.now() - lastPosted;
  t.ok(lag < 2000, `visible in artist and partner stats ${lag} ms after the last post was accepted`);

  await t.test('listens carry the verified attribution and the platform of the device class', async (t) => {
    const rows = await deps.db
      .selectFrom('listens')
      .select(['user_id', 'platform', 'context_type', 'app_id', 'partner_id', 'partner_kind', 'device_class'])
      .execute();
    const platforms = (where: (r: (typeof rows)[number]) => boolean) => [
      ...new Set(rows.filter(where).map((r) => `${r.platform} ${r.partner_kind} ${r.device_class}`)),
    ];
    t.same(
      platforms((r) => r.app_id === a.app.id),
      ['car automotive car'],
      "the car app's listens claimed ios: stored as car",
    );
    t.same(
      platforms((r) => r.app_id === a2.app.id),
      ['speaker automotive speaker'],
      "the speaker app's listens claimed web",
    );
    t.same(
      platforms((r) => r.user_id === users[4]!.id),
      ['other telecom null'],
      'an app without a device class may not claim a car',
    );
    t.same(
      platforms((r) => r.user_id === users[5]!.id),
      ['android telecom null'],
      'it keeps a phone platform',
    );
    t.same(
      platforms((r) => r.user_id === users[6]!.id),
      ['car null null'],
      'a first-party claim is stored as claimed, unattributed',
    );
    t.equal(rows.filter((r) => r.partner_id === a.partner.id).length, expectedA.length);
    const batches = await deps.db.selectFrom('ingest_batches').select(['app_id', 'partner_id', 'user_id']).execute();
    t.equal(batches.filter((b) => b.app_id === a.app.id).length, 4, 'four batches of the car app');
    t.ok(
      batches.filter((b) => b.user_id === users[6]!.id).every((b) => b.app_id === null && b.partner_id === null),
      'a first-party batch has none',
    );
  });

  await t.test('partner stats, apps, top lists and audience match what was sent', async (t) => {
    const streams = count(expectedA, isStream);
    const stats = (await get(`/v1/partners/${a.partner.id}/stats?range=7d`)).json();
    t.equal(stats.streams.value, streams);
    t.equal(
      stats.skips.value,
      count(expectedA, (s) => !isStream(s)),
    );
    t.equal(
      stats.ms_played.value,
      expectedA.reduce((n, s) => n + s.ms, 0),
    );
    t.equal(stats.listeners.value, distinct(expectedA.filter(isStream)));
    t.equal(stats.listeners.previous, 0, 'nobody listened the week before');
    t.equal(stats.monthly_listeners.value, distinct(expectedA.filter(isStream)), 'every listen is within the 28 days');
    t.equal(stats.skip_rate.value, count(expectedA, (s) => !isStream(s)) / expectedA.length);

    const apps = (await get(`/v1/partners/${a.partner.id}/stats/apps?range=7d`)).json();
    for (const reg of [a, a2]) {
      const mine = expectedA.filter((s) => s.app === reg.app.id);
      const row = apps.apps.find((r: { app_id: string }) => r.app_id === reg.app.id);
      t.match(row, {
        name: reg.app.name,
        device_class: reg.app.device_class,
        streams: count(mine, isStream),
        skips: count(mine, (s) => !isStream(s)),
        listeners: distinct(mine.filter(isStream)),
      });
    }
    t.same(
      apps.device_classes.map((c: { device_class: string; listeners: number }) => [c.device_class, c.listeners]).sort(),
      [a, a2].map((reg) => [reg.app.device_class, distinct(expectedA.filter((s) => isStream(s) && s.app === reg.app.id))]).sort(),
      'each device class with its distinct listeners',
    );

    const top = (await get(`/v1/partners/${a.partner.id}/stats/top-tracks?range=7d&limit=2`)).json();
    const perTrack = new Map<string, number>();
    for (const s of expectedA.filter(isStream)) perTrack.set(s.track, (perTrack.get(s.track) ?? 0) + 1);
    const expectedTop = [...perTrack.entries()].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1)).slice(0, 2);
    t.same(
      top.items.map((i: { track_id: string; streams: number }) => [i.track_id, i.streams]),
      expectedTop,
    );
    t.equal(top.total_tracks, perTrack.size);
    const artists = (await get(`/v1/partners/${a.partner.id}/stats/top-artists?range=7d`)).json();
    t.same(
      artists.items.map((i: { artist_id: string; streams: number }) => [i.artist_id, i.streams]).sort(),
      [
        [x.id, count(expectedA, (s) => isStream(s) && s.artist === x.id)],
        [y.id, count(expectedA, (s) => isStream(s) && s.artist === y.id)],
      ].sort(),
    );

    // Listeners per day (the kept one-day windows) and per week (the listener rows): every listen is on one day.
    const listenDay = expectedA[0]!.day;
    for (const granularity of ['day', 'week'] as const) {
      const series = (await get(`/v1/partners/${a.partner.id}/stats/timeseries?range=7d&metric=listeners&granularity=${granularity}`)).json();
      const shown = series.points.filter((p: { value: number }) => p.value > 0);
      t.equal(shown.length, 1, `${granularity}: one bucket with listeners`);
      t.ok(shown[0].start <= listenDay && listenDay <= shown[0].end, `${granularity}: the listens' bucket`);
      t.equal(shown[0].value, distinct(expectedA.filter(isStream)), `${granularity}: its distinct listeners across the apps`);
    }

    // 7 days hash every listener-day; 90 days take the total from the partner's kept windows: the same answer.
    for (const range of ['7d', '90d']) {
      const audience = (await get(`/v1/partners/${a.partner.id}/stats/audience?range=${range}&dimension=country`)).json();
      t.equal(audience.k, K);
      t.same(
        audience.cells.map((c: { value: string; listeners: number }) => [c.value, c.listeners]),
        [['SE', distinct(expectedA.filter(isStream))]],
        `${range}: the shown value`,
      );
      t.match(audience, { total_listeners: distinct(expectedA.filter(isStream)), unattributed_listeners: 0 }, `${range}: the totals`);
    }
    const telco = await createUser(deps);
    await addPartnerMember(deps.db, b.partner.id, telco.id, 'analyst');
    const small = (await get(`/v1/partners/${b.partner.id}/stats/audience?range=7d&dimension=country`, telco.auth)).json();
    t.same(small.cells, [], 'two listeners are under k: nothing shown');
    t.equal(small.unattributed_listeners, 2);
    t.equal(small.withheld, true);

    const csv = await get(`/v1/partners/${a.partner.id}/stats?range=7d`, admin.auth, { accept: 'text/csv' });
    t.equal(csv.statusCode, 200);
    t.match(csv.headers['content-type'], /^text\/csv/);
    t.match(csv.body, new RegExp(`\\r\\nstreams,${streams},`));
  });

  await t.test('artist sources: partner kinds and named partners under k', async (t) => {
    const sources = (await get(`/v1/artists/${x.id}/stats/sources?range=7d`, reader.auth)).json();
    const ofX = sent.filter((s) => s.artist === x.id && isStream(s));
    const kind = (s: Sent) =>
      s.partner === a.partner.id
        ? 'automotive'
        : s.partner === b.partner.id
          ? 'telecom'
          : s.claimed.context === 'partner' || ['car', 'speaker', 'tv'].includes(s.claimed.platform)
            ? 'unverified'
            : 'none';
    for (const k of ['automotive', 'telecom', 'device', 'app', 'unverified', 'none']) {
      const row = sources.partner_kinds.find((r: { kind: string }) => r.kind === k);
      t.equal(
        row.streams,
        count(ofX, (s) => kind(s) === k),
        `${k} streams`,
      );
      t.equal(row.verified, !['unverified', 'none'].includes(k));
    }
    t.equal(sources.total_streams, ofX.length, 'the existing fields still add up');
    t.equal(sources.partners_k, K);
    const shown = sources.partners.find((p: { partner_id: string }) => p.partner_id === a.partner.id);
    t.match(shown, {
      name: 'Carmaker',
      kind: 'automotive',
      streams: count(ofX, (s) => s.partner === a.partner.id),
      listeners: distinct(ofX.filter((s) => s.partner === a.partner.id)),
    });
    t.same(
      sources.partners.find((p: { partner_id: string }) => p.partner_id === b.partner.id),
      { partner_id: b.partner.id, name: 'Telco', kind: 'telecom', suppressed: true },
      'two listeners behind Telco: suppressed',
    );
  });

  await t.test('product insight: the share of each partner kind', async (t) => {
    const analyst = await createUser(deps, { roles: ['product_analyst'] });
    const answer = (await get('/v1/insights/product/partner-kinds?range=7d', analyst.auth)).json();
    const streamsAll = sent.filter(isStream);
    const automotive = count(streamsAll, (s) => s.partner === a.partner.id);
    const row = answer.kinds.find((k: { kind: string }) => k.kind === 'automotive');
    t.equal(row.streams, automotive);
    t.equal(row.share, automotive / streamsAll.length);
    t.equal(answer.total_streams, streamsAll.length);
    const days = answer.series.filter((p: { total_streams: number }) => p.total_streams > 0);
    t.equal(
      days.reduce((n: number, p: { total_streams: number }) => n + p.total_streams, 0),
      streamsAll.length,
      'the series adds up to the range',
    );
  });

  await t.test('a retried batch never counts twice', async (t) => {
    const batch = await deps.db.selectFrom('ingest_batches').select('id').where('app_id', '=', a.app.id).executeTakeFirstOrThrow();
    t.equal(await listeningQueries.applyBatch(deps.db, batch.id), null, 'an applied batch is not applied again');
    const again = await app.inject({
      method: 'POST',
      url: '/v1/listens',
      headers: { authorization: `Bearer ${await signAppToken(deps, b.app.client_id, { sub: users[4]!.id, scope: 'listens:write' })}` },
      payload: { listens: resent },
    });
    t.equal(again.json().accepted, 0, 'the same listen posted again is a duplicate');
    await drained(deps.db);
    const stats = (await get(`/v1/partners/${a.partner.id}/stats?range=7d`)).json();
    t.equal(stats.streams.value, count(expectedA, isStream));
  });

  await t.test("a listener's deletion leaves every partner rollup at once", async (t) => {
    const gone = users[0]!;
    const deleted = await app.inject({ method: 'DELETE', url: '/v1/me/listens', headers: gone.auth });
    t.equal(deleted.statusCode, 200);
    const left = expectedA.filter((s) => s.user !== gone.id);
    const stats = (await get(`/v1/partners/${a.partner.id}/stats?range=7d`)).json();
    t.equal(stats.streams.value, count(left, isStream));
    t.equal(stats.listeners.value, distinct(left.filter(isStream)));
    t.equal(
      stats.ms_played.value,
      left.reduce((n, s) => n + s.ms, 0),
    );
    const sources = (await get(`/v1/artists/${x.id}/stats/sources?range=7d`, reader.auth)).json();
    const automotive = count(left, (s) => isStream(s) && s.artist === x.id);
    t.equal(sources.partner_kinds.find((r: { kind: string }) => r.kind === 'automotive').streams, automotive);
    for (const table of ['partner_day_listeners', 'artist_partner_day_listeners'] as const) {
      const rows = await deps.db.selectFrom(table).select('user_id').where('user_id', '=', gone.id).execute();
      t.equal(rows.length, 0, `${table} no longer holds the listener`);
    }
  });
});
