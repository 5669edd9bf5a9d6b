import { ageBracket } from '@chorus/db';
import { ingestListens } from '@chorus/listening';
import { createTestApp, createUser } from '@chorus/service-kit/testing';
import { createArtist, type ListenerDay, referenceAudience } from '@chorus/test-kit';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { AGE_BRACKETS, GENDERS } from '../src/audience.rules.js';
import { type AudienceBody, checkAudience } from './audience-check.js';
import { addDays, at, drained, startTestWorkers, today } from './support.js';

// k lowered through configuration, as an operator would.
const env = { CHORUS_RATE_LIMITS: 'off', CHORUS_AUDIENCE_MIN_LISTENERS: '3' };
const k = 3;

t.test('audience cells under k are hidden per day, with a complement, and never listed', async (t) => {
  const { app, deps } = await createTestApp(t, [analyticsService], { env });
  t.equal(deps.config.audienceMinListeners, k);
  await startTestWorkers(t, deps);
  const admin = await createUser(deps, { roles: ['platform_admin'] });
  const yesterday = addDays(today(), -1);

  /** An artist whose listeners stream yesterday from the given countries (count per country). */
  const audience = async (name: string, countries: Record<string, number>, profile: { birth_year?: number; gender?: string } = {}) => {
    const artist = await createArtist(deps.db, name, ['Hit']);
    const rows: ListenerDay[] = [];
    let n = 0;
    for (const [country, listeners] of Object.entries(countries)) {
      for (let i = 0; i < listeners; i++) {
        const birthYear = profile.birth_year ?? 1990 + (n % 30);
        const gender = profile.gender ?? GENDERS[n % 5]!;
        const user = await createUser(deps, { country, birth_year: birthYear, gender });
        const plays = 1 + (n++ % 3);
        await ingestListens(
          deps,
          user.id,
          Array.from({ length: plays }, (_, j) => ({
            track_id: artist.tracks[0]!.id,
            listened_at: at(yesterday, `1${j}:00:00`),
            ms_played: 60_000,
            context_type: 'library' as const,
            platform: 'ios' as const,
          })),
          'native',
        );
        rows.push({ day: yesterday, user: user.id, streams: plays, country, age: ageBracket(birthYear, at(yesterday, '10:00:00')), gender });
      }
    }
    return { artist, rows };
  };
  const read = async (
    artistId: string,
    dimension: string,
  ): Promise<AudienceBody & { cells: Array<{ value: string; suppressed?: true; listeners?: number }> }> => {
    const res = await app.inject({ url: `/v1/artists/${artistId}/stats/audience?range=7d&dimension=${dimension}`, headers: admin.auth });
    t.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const check = async (label: string, c: { artist: { id: string }; rows: ListenerDay[] }, dimension: 'country' | 'age' | 'gender') => {
    const body = await read(c.artist.id, dimension);
    const domain = dimension === 'age' ? AGE_BRACKETS : dimension === 'gender' ? GENDERS : undefined;
    checkAudience(t, `${label} ${dimension}`, body, referenceAudience(c.rows, dimension, addDays(today(), -6), today(), k), k, domain);
    return body;
  };
  const values = (body: { cells: Array<{ value: string; suppressed?: true }> }) => body.cells.filter((c) => !c.suppressed).map((c) => c.value);

  const twoSmall = await audience('Two Small', { SE: 5, NO: 4, DK: 2, FI: 1 });
  const oneSmall = await audience('One Small', { SE: 6, NO: 4, DK: 1 });
  const tiny = await audience('Tiny', { SE: 2 });
  const tinyTwo = await audience('Tiny Two', { SE: 1, NO: 1 });
  const big = await audience('Big Enough', { SE: 4, NO: 3, DK: 3 });
  const ageOne = await audience('One Age', { BR: 5 }, { birth_year: 1996, gender: 'female' });
  await drained(deps.db);
  const stats = async (artistId: string) => (await app.inject({ url: `/v1/artists/${artistId}/stats?range=7d`, headers: admin.auth })).json();

  // Two countries under k that hold k together: they alone are hidden, and not named.
  const a = await check('two small', twoSmall, 'country');
  t.strictSame(values(a), ['SE', 'NO']);
  t.strictSame([a.unattributed_listeners, a.total_listeners], [3, 12], 'DK and FI: 3 listeners, unattributed together');

  // One country under k: the smallest other is hidden with it, so total - shown is DK + NO, not DK's 1.
  const b = await check('one small', oneSmall, 'country');
  t.strictSame(values(b), ['SE'], 'NO is hidden to protect DK; neither is named');
  t.equal((await stats(oneSmall.artist.id)).listeners.value - b.cells[0]!.listeners!, 5, 'exact total (from /stats) minus shown = DK + NO');
  t.equal(b.unattributed_listeners, 5);

  // A single country under k, and two listeners in all: nothing can be shown.
  for (const [name, c] of [
    ['tiny', tiny],
    ['tiny two', tinyTwo],
  ] as const) {
    const body = await check(name, c, 'country');
    t.strictSame([body.withheld, body.cells, body.unattributed_listeners], [true, [], body.total_listeners], `${name}: withheld, no country named`);
  }

  // Everything at or over k: all shown, nothing unattributed.
  const d = await check('big', big, 'country');
  t.strictSame([d.unattributed_listeners, d.total_listeners, d.withheld], [0, 10, false]);

  // Fixed domains list every value; one bracket of 5 is shown, the empty ones are suppressed (as a hidden one would be).
  const e = await check('one age', ageOne, 'age');
  t.strictSame(values(e), ['28-34']);
  t.equal(e.suppressed_cells, AGE_BRACKETS.length - 1);
  await check('one age', ageOne, 'gender');
  for (const dimension of ['age', 'gender'] as const) {
    for (const [name, c] of [
      ['two small', twoSmall],
      ['one small', oneSmall],
      ['tiny two', tinyTwo],
    ] as const)
      await check(name, c, dimension);
  }
});

t.test('ranges that differ by a hidden day answer the same for every value', async (t) => {
  const { app, deps } = await createTestApp(t, [analyticsService], { env });
  await startTestWorkers(t, deps);
  const admin = await createUser(deps, { roles: ['platform_admin'] });
  const day = today();
  const days = [addDays(day, -3), addDays(day, -2), addDays(day, -1)];

  /**
   * Two artists with the same audience, except that a Swedish listener on the last day, alone in Sweden that
   * day (so hidden, with DK as the complement), streams once for one artist and four times for the other.
   */
  const make = async (name: string, loneStreams: number) => {
    const artist = await createArtist(deps.db, name, ['Song']);
    const listen = (d: string, i: number) => ({
      track_id: artist.tracks[0]!.id,
      listened_at: at(d, `1${i}:00:00`),
      ms_played: 60_000,
      context_type: 'search' as const,
      platform: 'web' as const,
    });
    const group = async (d: string, country: string, size: number, plays = 1) => {
      for (let i = 0; i < size; i++) {
        const user = await createUser(deps, { country, birth_year: 1990 });
        await ingestListens(
          deps,
          user.id,
          Array.from({ length: plays }, (_, j) => listen(d, j)),
          'native',
        );
      }
    };
    await group(days[0]!, 'SE', 4);
    await group(days[0]!, 'NO', 4);
    await group(days[1]!, 'SE', 4);
    await group(days[1]!, 'NO', 4);
    await group(days[2]!, 'SE', 1, loneStreams);
    await group(days[2]!, 'NO', 4, 2);
    await group(days[2]!, 'DK', 4);
    return artist.id;
  };
  const once = await make('Once', 1);
  const four = await make('Four Times', 4);
  await drained(deps.db);

  const get = async (url: string) => {
    const res = await app.inject({ url, headers: admin.auth });
    t.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const numbers = (body: { cells: Array<{ value: string; listeners: number; streams: number }> }) => body.cells.map((c) => [c.value, c.listeners, c.streams]);
  for (let a = 0; a < days.length; a++) {
    for (let b = a; b < days.length; b++) {
      const q = `from=${days[a]}&to=${days[b]}&dimension=country`;
      const [x, y] = [await get(`/v1/artists/${once}/stats/audience?${q}`), await get(`/v1/artists/${four}/stats/audience?${q}`)];
      t.strictSame(numbers(x), numbers(y), `${days[a]}..${days[b]}: every value's listeners and streams are the same`);
      if (b === 2) t.equal(y.unattributed_streams - x.unattributed_streams, 3, `${days[a]}..${days[b]}: the extra streams are unattributed`);
    }
  }

  // The attack the rule is for: two ranges one day apart, each value subtracted. Sweden gains nothing.
  const [upTo2, upTo3] = [
    await get(`/v1/artists/${once}/stats/audience?from=${days[0]}&to=${days[1]}&dimension=country`),
    await get(`/v1/artists/${once}/stats/audience?from=${days[0]}&to=${days[2]}&dimension=country`),
  ];
  const se = (body: { cells: Array<{ value: string; listeners: number; streams: number }> }) => body.cells.find((c) => c.value === 'SE');
  t.strictSame(
    [se(upTo3)?.listeners, se(upTo3)?.streams],
    [se(upTo2)?.listeners, se(upTo2)?.streams],
    'SE over three days = SE over two: the lone listener is not there',
  );
  t.notOk(
    upTo3.cells.some((c: { value: string }) => c.value === 'DK'),
    'DK, the complement, is not named either',
  );
  const [s2, s3] = [await get(`/v1/artists/${once}/stats?from=${days[0]}&to=${days[1]}`), await get(`/v1/artists/${once}/stats?from=${days[0]}&to=${days[2]}`)];
  t.equal(
    s3.streams.value -
      s2.streams.value -
      (upTo3.cells.find((c: { value: string }) => c.value === 'NO').streams - upTo2.cells.find((c: { value: string }) => c.value === 'NO').streams),
    1 + 4,
    '/stats difference minus shown values = SE + DK together, never SE alone',
  );

  // Product trends read the same shown days: Sweden's week is its two shown days for both artists and their tracks.
  const trends = await get(`/v1/insights/product/trends?market=SE&min_streams=3&limit=100`);
  for (const list of [trends.artists, trends.tracks]) {
    const ours = list.filter((r: { artist_id: string }) => r.artist_id === once || r.artist_id === four);
    t.strictSame(
      ours.map((r: { current: number; previous: number }) => [r.current, r.previous]),
      [
        [8, 0],
        [8, 0],
      ],
      'both rise by their 8 shown Swedish streams; the lone listener (1 or 4 streams) is in neither',
    );
  }
});

t.test('a listener who moves counts under each country they were shown in', async (t) => {
  const { app, deps } = await createTestApp(t, [analyticsService], { env });
  await startTestWorkers(t, deps);
  const admin = await createUser(deps, { roles: ['platform_admin'] });
  const artist = await createArtist(deps.db, 'Movers', ['Move']);
  const track = artist.tracks[0]!.id;
  const day = today();
  const listen = (when: Date) => ({ track_id: track, listened_at: when, ms_played: 45_000, context_type: 'library' as const, platform: 'web' as const });
  // Three listeners move from SE to NO between two days; three stay in DK.
  for (let i = 0; i < 3; i++) {
    const mover = await createUser(deps, { country: 'SE', birth_year: 2003 });
    await ingestListens(deps, mover.id, [listen(at(addDays(day, -3), '12:00:00'))], 'native');
    await deps.db.updateTable('users').set({ country: 'NO' }).where('id', '=', mover.id).execute();
    await ingestListens(deps, mover.id, [listen(at(addDays(day, -2), '12:00:00')), listen(at(addDays(day, -2), '13:00:00'))], 'native');
    const stayer = await createUser(deps, { country: 'DK', birth_year: 1980 });
    await ingestListens(deps, stayer.id, [listen(at(addDays(day, -3), '12:00:00'))], 'native');
  }
  await drained(deps.db);
  const res = await app.inject({ url: `/v1/artists/${artist.id}/stats/audience?range=7d&dimension=country`, headers: admin.auth });
  t.strictSame(
    res.json().cells,
    [
      { value: 'DK', listeners: 3, listener_share: 0.5, streams: 3, stream_share: 0.25 },
      { value: 'NO', listeners: 3, listener_share: 0.5, streams: 6, stream_share: 0.5 },
      { value: 'SE', listeners: 3, listener_share: 0.5, streams: 3, stream_share: 0.25 },
    ],
    'movers count in SE with their SE day and in NO with their NO days; shares add up to more than 1',
  );
  t.equal(res.json().total_listeners, 6);
  const before = await app.inject({
    url: `/v1/artists/${artist.id}/stats/audience?from=${addDays(day, -3)}&to=${addDays(day, -3)}&dimension=country`,
    headers: admin.auth,
  });
  t.strictSame(
    before
      .json()
      .cells.map((c: { value: string }) => c.value)
      .sort(),
    ['DK', 'SE'],
    'on the first day they were in SE',
  );
});
