import { ingestListens } from '@chorus/listening';
import { createTestApp, createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { AGE_BRACKETS, GENDERS } from '../src/audience.rules.js';
import { checkAudience } from './audience-check.js';
import { addDays, at, createArtist, drained, startTestWorkers, today } from './support.js';

// k lowered through configuration, as an operator would.
const env = { CHORUS_RATE_LIMITS: 'off', CHORUS_AUDIENCE_MIN_LISTENERS: '3' };

t.test('no audience cell under k is ever revealed, not even by subtraction', async (t) => {
  const { app, deps } = await createTestApp(t, [analyticsService], { env });
  t.equal(deps.config.audienceMinListeners, 3);
  await startTestWorkers(t, deps);
  const admin = await createUser(deps, { roles: ['platform_admin'] });
  const day = today();
  const yesterday = addDays(day, -1);

  /** An artist whose listeners come from the given countries (count per country), each streaming `streams` times. */
  const audience = async (name: string, countries: Record<string, number>, profile: { birth_year?: number; gender?: string } = {}) => {
    const artist = await createArtist(deps.db, name, ['Hit']);
    const truth: Array<{ value: string; listeners: number; streams: number }> = [];
    let n = 0;
    for (const [country, listeners] of Object.entries(countries)) {
      let streams = 0;
      for (let i = 0; i < listeners; i++) {
        const user = await createUser(deps, { country, birth_year: profile.birth_year ?? 1990 + (n % 30), gender: profile.gender ?? GENDERS[n % 5]! });
        const plays = 1 + (n++ % 3);
        streams += plays;
        await ingestListens(
          deps,
          user.id,
          Array.from({ length: plays }, (_, j) => ({ track_id: artist.tracks[0]!.id, listened_at: at(yesterday, `1${j}:00:00`), ms_played: 60_000, context_type: 'library' as const, platform: 'ios' as const })),
          'native',
        );
      }
      truth.push({ value: country, listeners, streams });
    }
    return { artist, truth };
  };
  const read = async (artistId: string, dimension: string) => {
    const res = await app.inject({ url: `/v1/artists/${artistId}/stats/audience?range=7d&dimension=${dimension}`, headers: admin.auth });
    t.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  const twoSmall = await audience('Two Small', { SE: 5, NO: 4, DK: 2, FI: 1 });
  const oneSmall = await audience('One Small', { SE: 6, NO: 4, DK: 1 });
  const tiny = await audience('Tiny', { SE: 2 });
  const tinyTwo = await audience('Tiny Two', { SE: 1, NO: 1 });
  const big = await audience('Big Enough', { SE: 4, NO: 3, DK: 3 });
  const ageOne = await audience('One Age', { BR: 5 }, { birth_year: 1996, gender: 'female' });
  await drained(deps.db);

  const stats = async (artistId: string) => (await app.inject({ url: `/v1/artists/${artistId}/stats?range=7d`, headers: admin.auth })).json();

  // Two cells under k that hold k together: they alone are suppressed.
  const a = await read(twoSmall.artist.id, 'country');
  checkAudience(t, 'two small', a, twoSmall.truth, 3);
  t.strictSame(
    a.cells.filter((c: { suppressed?: boolean }) => c.suppressed).map((c: { value: string }) => c.value),
    ['DK', 'FI'],
  );
  t.equal(a.total_listeners, 12, 'the total rounded down to a multiple of 3');

  // One cell under k: the smallest published cell is suppressed with it, so total - published is 5, not DK's 1.
  const b = await read(oneSmall.artist.id, 'country');
  checkAudience(t, 'one small', b, oneSmall.truth, 3);
  t.strictSame(
    b.cells.map((c: { value: string; suppressed?: boolean }) => [c.value, Boolean(c.suppressed)]),
    [['SE', false], ['DK', true], ['NO', true]],
    'NO is suppressed to protect DK; suppressed cells come after, by value',
  );
  t.equal((await stats(oneSmall.artist.id)).listeners.value - b.cells[0].listeners, 5, 'exact total (from /stats) minus published = DK + NO, not DK');
  t.equal(b.total_listeners, 9);
  t.equal(b.cells[0].listener_share, 6 / 9, 'shares are of the rounded total');

  // A single country under k, and two listeners in all: nothing can be listed safely.
  for (const [name, case_] of [['tiny', tiny], ['tiny two', tinyTwo]] as const) {
    const c = await read(case_.artist.id, 'country');
    checkAudience(t, name, c, case_.truth, 3);
    t.equal(c.withheld, true, `${name}: withheld`);
    t.strictSame(c.cells, [], `${name}: no country named`);
    t.equal(c.total_listeners, 0, `${name}: total rounded down to 0`);
  }

  // Everything at or over k: exact totals and shares.
  const d = await read(big.artist.id, 'country');
  checkAudience(t, 'big', d, big.truth, 3);
  t.equal(d.total_is_rounded, false);
  t.equal(d.total_listeners, 10);

  // Fixed domains: one age bracket with listeners is not enough to show anything.
  const e = await read(ageOne.artist.id, 'age');
  checkAudience(t, 'one age', e, [{ value: '28-34', listeners: 5, streams: ageOne.truth[0]!.streams }], 3, AGE_BRACKETS);
  t.equal(e.withheld, true);
  const g = await read(ageOne.artist.id, 'gender');
  t.equal(g.withheld, true, 'one gender only: withheld');
  t.strictSame(g.cells.map((c: { value: string }) => c.value), [...GENDERS], 'every gender listed, all suppressed');

  // Gender with several cells under k across the domain.
  const genders = await read(twoSmall.artist.id, 'gender');
  const byGender = new Map<string, { value: string; listeners: number; streams: number }>();
  let n = 0;
  for (const [, count] of Object.entries({ SE: 5, NO: 4, DK: 2, FI: 1 })) {
    for (let i = 0; i < count; i++, n++) {
      const g = GENDERS[n % 5]!;
      const cell = byGender.get(g) ?? { value: g, listeners: 0, streams: 0 };
      cell.listeners++;
      cell.streams += 1 + (n % 3);
      byGender.set(g, cell);
    }
  }
  checkAudience(t, 'gender', genders, [...byGender.values()], 3, GENDERS);
});

t.test('a listener counts once, in the cell of their latest day in the range', async (t) => {
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
      { value: 'NO', listeners: 3, listener_share: 0.5, streams: 9, stream_share: 0.75 },
    ],
    'movers count in NO only, with all their streams',
  );
  const before = await app.inject({ url: `/v1/artists/${artist.id}/stats/audience?from=${addDays(day, -3)}&to=${addDays(day, -3)}&dimension=country`, headers: admin.auth });
  t.strictSame(before.json().cells.map((c: { value: string }) => c.value).sort(), ['DK', 'SE'], 'on the first day they were in SE');
});
