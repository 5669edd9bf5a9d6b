import { ProblemError } from '@chorus/service-kit';
import t from 'tap';
import { AGE_BRACKETS, GENDERS, suppressAudience } from '../src/audience.rules.js';
import { toCsv } from '../src/csv.format.js';
import { metric, rateMetric, sourceShares } from '../src/metrics.rules.js';
import { bucketsOf, resolveRange, zeroFill } from '../src/ranges.rules.js';
import { checkAudience } from './audience-check.js';

t.test('named ranges are whole UTC days ending today, with the period before', async (t) => {
  const today = '2026-03-01';
  t.strictSame(resolveRange({ range: '24h' }, today), { range: '24h', from: today, to: today, days: 1, previous_from: '2026-02-28', previous_to: '2026-02-28' });
  t.strictSame(resolveRange({ range: '7d' }, today), { range: '7d', from: '2026-02-23', to: today, days: 7, previous_from: '2026-02-16', previous_to: '2026-02-22' });
  t.strictSame(resolveRange({}, today), { range: '28d', from: '2026-02-02', to: today, days: 28, previous_from: '2026-01-05', previous_to: '2026-02-01' }, 'default 28d');
  t.equal(resolveRange({ range: '90d' }, today).from, '2025-12-02');
  t.equal(resolveRange({ range: '365d' }, today).from, '2025-03-02');
  t.strictSame(resolveRange({ range: 'all' }, today, '2025-12-31'), { range: 'all', from: '2025-12-31', to: today, days: 61, previous_from: '2025-10-31', previous_to: '2025-12-30' });
  t.equal(resolveRange({ range: 'all' }, today).from, today, 'all without data starts today');
  t.strictSame(resolveRange({ from: '2024-02-28', to: '2024-03-01' }, today), { range: 'custom', from: '2024-02-28', to: '2024-03-01', days: 3, previous_from: '2024-02-25', previous_to: '2024-02-27' }, 'leap day counted');
  const refuse = (input: Parameters<typeof resolveRange>[0], pointer: string) => {
    try {
      resolveRange(input, today);
      t.fail(`accepted ${JSON.stringify(input)}`);
    } catch (error) {
      t.ok(error instanceof ProblemError && error.status === 400, 'a 400 problem');
      t.ok((error as ProblemError).extra.errors?.some((e) => e.pointer === pointer), `${JSON.stringify(input)} points at ${pointer}`);
    }
  };
  refuse({ from: '2026-02-01' }, '/to');
  refuse({ range: '7d', to: today }, '/to');
  refuse({ from: '2026-02-02', to: '2026-02-01' }, '/from');
  refuse({ from: '2026-02-02', to: '2026-03-02' }, '/to');
  refuse({ from: '2023-02-28', to: '2026-03-01' }, '/from');
  refuse({ from: '2026-02-29', to: '2026-03-01' }, '/from');
  t.equal(resolveRange({ from: '2023-03-02', to: '2026-03-01' }, today).days, 1096, '1096 days is the most');
});

t.test('buckets: days, ISO weeks from Monday, calendar months, clipped to the range', async (t) => {
  t.strictSame(bucketsOf('2026-01-01', '2026-01-03', 'day').map((b) => b.start), ['2026-01-01', '2026-01-02', '2026-01-03']);
  t.strictSame(bucketsOf('2025-12-31', '2026-01-12', 'week'), [
    { key: '2025-12-29', start: '2025-12-31', end: '2026-01-04' },
    { key: '2026-01-05', start: '2026-01-05', end: '2026-01-11' },
    { key: '2026-01-12', start: '2026-01-12', end: '2026-01-12' },
  ]);
  t.strictSame(bucketsOf('2024-01-31', '2024-03-01', 'month'), [
    { key: '2024-01-01', start: '2024-01-31', end: '2024-01-31' },
    { key: '2024-02-01', start: '2024-02-01', end: '2024-02-29' },
    { key: '2024-03-01', start: '2024-03-01', end: '2024-03-01' },
  ]);
  t.strictSame(zeroFill(bucketsOf('2026-01-05', '2026-01-18', 'week'), [{ bucket: '2026-01-12', value: 7 }]), [
    { start: '2026-01-05', end: '2026-01-11', value: 0 },
    { start: '2026-01-12', end: '2026-01-18', value: 7 },
  ]);
});

t.test('metrics and their changes', async (t) => {
  t.strictSame(metric(15, 10), { value: 15, previous: 10, change: 0.5 });
  t.strictSame(metric(3, 0), { value: 3, previous: 0, change: null }, 'no base, no change');
  t.strictSame(rateMetric(null, 0.2), { value: null, previous: 0.2, change: null });
  const shares = sourceShares([
    { value: 'library', current: 6, previous: 1 },
    { value: 'own_playlist', current: 2, previous: 0 },
    { value: 'collaborative_playlist', current: 2, previous: 1 },
    { value: 'hologram', current: 0, previous: 2 },
  ]);
  t.equal(shares.total_streams, 10);
  t.equal(shares.sources.length, 11, 'ten known sources, then unknown values');
  t.strictSame(shares.sources.find((s) => s.source === 'radio'), { source: 'radio', streams: 0, share: 0, previous_streams: 0, previous_share: 0 });
  t.strictSame(shares.families.find((f) => f.family === 'own_library_and_playlists'), {
    family: 'own_library_and_playlists',
    sources: ['library', 'own_playlist'],
    streams: 8,
    share: 0.8,
    previous_streams: 1,
    previous_share: 0.25,
  });
  t.strictSame(shares.families.find((f) => f.family === 'other')?.sources, ['other', 'hologram'], 'unknown values fall into other');
  t.equal(sourceShares([]).sources[0]!.share, null, 'no streams, no shares');
});

t.test('CSV quoting follows RFC 4180', async (t) => {
  t.equal(toCsv(['a', 'b'], [['x,y', 'say "hi"'], [null, 3], ['line\nbreak', true]]), 'a,b\r\n"x,y","say ""hi"""\r\n,3\r\n"line\nbreak",true\r\n');
});

/** A tiny seeded generator, so the property test is reproducible. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

t.test('suppression holds for 600 random audiences', async (t) => {
  const random = rng(20261126);
  let suppressed = 0;
  let withheld = 0;
  for (let run = 0; run < 600; run++) {
    const k = 1 + Math.floor(random() * 12);
    const kind = random();
    const domain = kind < 0.3 ? AGE_BRACKETS : kind < 0.5 ? GENDERS : undefined;
    const values = domain ? [...domain] : ['SE', 'NO', 'DK', 'FI', 'IS', 'DE', 'US', 'BR', 'MX', 'JP'];
    const cells = values
      .filter(() => random() < 0.7)
      .map((value) => {
        const listeners = 1 + Math.floor(random() ** 3 * 60);
        return { value, listeners, streams: listeners + Math.floor(random() * listeners * 4) };
      });
    const answer = suppressAudience(cells, k, domain);
    const result = checkAudience(t, `run ${run} (k=${k})`, { k, ...answer }, cells, k, domain);
    suppressed += result.suppressed;
    if (answer.withheld) withheld++;
  }
  t.ok(suppressed > 200 && withheld > 2, `${suppressed} suppressed cells, ${withheld} withheld answers`);
});
