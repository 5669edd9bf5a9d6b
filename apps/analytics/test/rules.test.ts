import { ProblemError } from '@chorus/service-kit';
import t from 'tap';
import { AGE_BRACKETS, GENDERS, layOutAudience } from '../src/audience.rules.js';
import { toCsv } from '../src/csv.format.js';
import { coverageOf, metric, rateMetric, sourceShares } from '../src/metrics.rules.js';
import { bucketsOf, resolveRange, zeroFill } from '../src/ranges.rules.js';

t.test('named ranges are whole UTC days, with the period before', async (t) => {
  const today = '2026-03-01';
  t.strictSame(
    resolveRange({ range: '24h' }, today),
    { range: '24h', from: '2026-02-28', to: '2026-02-28', days: 1, previous_from: '2026-02-27', previous_to: '2026-02-27' },
    '24h is the last whole day against the day before: like with like, not today so far against all of yesterday',
  );
  t.strictSame(resolveRange({ range: '7d' }, today), {
    range: '7d',
    from: '2026-02-23',
    to: today,
    days: 7,
    previous_from: '2026-02-16',
    previous_to: '2026-02-22',
  });
  t.strictSame(
    resolveRange({}, today),
    { range: '28d', from: '2026-02-02', to: today, days: 28, previous_from: '2026-01-05', previous_to: '2026-02-01' },
    'default 28d',
  );
  t.equal(resolveRange({ range: '90d' }, today).from, '2025-12-02');
  t.equal(resolveRange({ range: '365d' }, today).from, '2025-03-02');
  t.strictSame(resolveRange({ range: 'all' }, today, '2025-12-31'), {
    range: 'all',
    from: '2025-12-31',
    to: today,
    days: 61,
    previous_from: '2025-10-31',
    previous_to: '2025-12-30',
  });
  t.equal(resolveRange({ range: 'all' }, today).from, today, 'all without data starts today');
  const ancient = resolveRange({ range: 'all' }, today, '2015-01-01');
  t.strictSame(
    { from: ancient.from, to: ancient.to, days: ancient.days },
    { from: '2023-03-02', to: today, days: 1096 },
    'all starting long ago is capped to the longest range (1096 days)',
  );
  t.equal(resolveRange({ range: 'all' }, today, '2023-03-02').days, 1096, 'all reaching exactly the cap is kept whole');
  t.equal(resolveRange({ range: 'all' }, today, '2023-03-03').from, '2023-03-03', 'all within the cap starts at the first day');
  t.strictSame(
    resolveRange({ from: '2024-02-28', to: '2024-03-01' }, today),
    { range: 'custom', from: '2024-02-28', to: '2024-03-01', days: 3, previous_from: '2024-02-25', previous_to: '2024-02-27' },
    'leap day counted',
  );
  const refuse = (input: Parameters<typeof resolveRange>[0], pointer: string) => {
    try {
      resolveRange(input, today);
      t.fail(`accepted ${JSON.stringify(input)}`);
    } catch (error) {
      t.ok(error instanceof ProblemError && error.status === 400, 'a 400 problem');
      t.ok(
        (error as ProblemError).extra.errors?.some((e) => e.pointer === pointer),
        `${JSON.stringify(input)} points at ${pointer}`,
      );
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
  t.strictSame(
    bucketsOf('2026-01-01', '2026-01-03', 'day').map((b) => b.start),
    ['2026-01-01', '2026-01-02', '2026-01-03'],
  );
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
  t.strictSame(metric(15, 10), { value: 15, previous: 10, change: 0.5, change_reason: null });
  t.strictSame(metric(3, 0), { value: 3, previous: 0, change: null, change_reason: 'no_previous_value' }, 'no base, no change');
  t.strictSame(rateMetric(null, 0.2), { value: null, previous: 0.2, change: null, change_reason: 'no_current_value' });
  t.strictSame(rateMetric(0.3, null), { value: 0.3, previous: null, change: null, change_reason: 'no_previous_value' });
  // A previous period the data covers only in part (it began inside it) is no base: not +4,908%.
  t.strictSame(metric(4909, 100, coverageOf('2026-01-01', '2026-01-28', '2026-01-27')), {
    value: 4909,
    previous: 100,
    change: null,
    change_reason: 'previous_period_before_first_data',
  });
  t.strictSame(metric(50, 0, coverageOf('2026-01-01', '2026-01-28', '2026-02-03')), {
    value: 50,
    previous: 0,
    change: null,
    change_reason: 'no_data_in_previous_period',
  });
  t.strictSame(
    rateMetric(0.5, 0.1, coverageOf('2026-01-01', '2026-01-28', undefined)),
    { value: 0.5, previous: 0.1, change: null, change_reason: 'no_data_in_previous_period' },
    'no data at all',
  );
  t.equal(coverageOf('2026-01-01', '2026-01-28', '2026-01-01'), 'full', 'data from the first day of the period covers it');
  const shares = sourceShares([
    { value: 'library', current: 6, previous: 1 },
    { value: 'own_playlist', current: 2, previous: 0 },
    { value: 'collaborative_playlist', current: 2, previous: 1 },
    { value: 'hologram', current: 0, previous: 2 },
  ]);
  t.equal(shares.total_streams, 10);
  t.equal(shares.sources.length, 11, 'ten known sources, then unknown values');
  t.strictSame(
    shares.sources.find((s) => s.source === 'radio'),
    { source: 'radio', streams: 0, share: 0, previous_streams: 0, previous_share: 0 },
  );
  t.strictSame(
    shares.families.find((f) => f.family === 'own_library_and_playlists'),
    {
      family: 'own_library_and_playlists',
      sources: ['library', 'own_playlist'],
      streams: 8,
      share: 0.8,
      previous_streams: 1,
      previous_share: 0.25,
    },
  );
  t.strictSame(shares.families.find((f) => f.family === 'other')?.sources, ['other', 'hologram'], 'unknown values fall into other');
  t.equal(sourceShares([]).sources[0]!.share, null, 'no streams, no shares');
});

t.test('CSV quoting follows RFC 4180', async (t) => {
  t.equal(
    toCsv(
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        [null, 3],
        ['line\nbreak', true],
      ],
    ),
    'a,b\r\n"x,y","say ""hi"""\r\n,3\r\n"line\nbreak",true\r\n',
  );
});

t.test('CSV text that a spreadsheet would run as a formula is neutralised; numbers stay numbers', async (t) => {
  const row = (cells: Parameters<typeof toCsv>[1][number]) => toCsv(['x'], [cells]).split('\r\n')[1];
  t.equal(
    row(['=HYPERLINK("http://evil.example","click")']),
    `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    'a formula: quoted, with a single quote first',
  );
  t.equal(row(['+1+cmd|calc']), `"'+1+cmd|calc"`);
  t.equal(row(['-2+3']), `"'-2+3"`);
  t.equal(row(['@SUM(A1)']), `"'@SUM(A1)"`);
  t.equal(row(['\t=1']), `"'\t=1"`, 'a leading tab');
  t.equal(row(['\r=1']), `"'\r=1"`, 'a leading carriage return');
  t.equal(row(['-3']), `"'-3"`, 'text that looks like a number is still text');
  t.equal(row([-3]), '-3', 'a negative number is a number');
  t.equal(row([-0.25, 'a=b', 'x-y', true]), '-0.25,a=b,x-y,true', 'numbers, inner signs and booleans are left alone');
});

t.test('audience layout: countries shown only, domains complete, shares of the exact totals', async (t) => {
  const sums = {
    cells: [
      { value: 'NO', listeners: 12, streams: 30 },
      { value: 'SE', listeners: 40, streams: 90 },
      { value: 'DK', listeners: 12, streams: 20 },
    ],
    total_listeners: 70,
    total_streams: 150,
    unattributed_listeners: 9,
    unattributed_streams: 10,
  };
  const countries = layOutAudience(sums);
  t.strictSame(
    countries.cells.map((c) => c.value),
    ['SE', 'DK', 'NO'],
    'most listeners first, ties by value',
  );
  t.strictSame(countries.cells[0], { value: 'SE', listeners: 40, listener_share: 40 / 70, streams: 90, stream_share: 90 / 150 });
  t.strictSame([countries.suppressed_cells, countries.withheld, countries.unattributed_listeners, countries.unattributed_streams], [0, false, 9, 10]);

  const ages = layOutAudience(
    {
      ...sums,
      cells: [
        { value: '35-44', listeners: 20, streams: 50 },
        { value: '18-22', listeners: 11, streams: 40 },
      ],
    },
    AGE_BRACKETS,
  );
  t.strictSame(
    ages.cells.map((c) => c.value),
    [...AGE_BRACKETS],
    'every bracket, in bracket order',
  );
  t.strictSame(
    ages.cells.filter((c) => !('suppressed' in c)).map((c) => c.value),
    ['18-22', '35-44'],
  );
  t.equal(ages.suppressed_cells, AGE_BRACKETS.length - 2);

  const nothing = layOutAudience({ cells: [], total_listeners: 4, total_streams: 9, unattributed_listeners: 4, unattributed_streams: 9 }, GENDERS);
  t.equal(nothing.withheld, true, 'listeners, but none shown: withheld');
  t.ok(nothing.cells.every((c) => 'suppressed' in c) && nothing.cells.length === GENDERS.length, 'every gender listed as suppressed');
  t.strictSame(
    layOutAudience({ cells: [], total_listeners: 4, total_streams: 9, unattributed_listeners: 4, unattributed_streams: 9 }).cells,
    [],
    'no country named',
  );
  const empty = layOutAudience({ cells: [], total_listeners: 0, total_streams: 0, unattributed_listeners: 0, unattributed_streams: 0 });
  t.equal(empty.withheld, false, 'no listeners at all is not withheld');
});
