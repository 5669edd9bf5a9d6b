import { foldText } from '@chorus/db';
import t from 'tap';
import { parseSubmission } from '../src/listenbrainz.rules.js';
import { pyInt, pyStrip } from '../src/python.rules.js';

/**
 * Linear against quadratic, not a speed target: a quadratic scan of a million characters takes hours, a linear one
 * milliseconds, so a bound of seconds tells them apart on any machine, however loaded.
 */
const BOUND_MS = 2000;

const NOW = 1_750_000_000;
const ms = (f: () => unknown) => {
  const started = performance.now();
  f();
  return performance.now() - started;
};
/** An import of n listens, so the per-listen byte budget (10,240 × n) lets one long field through to the rules. */
const importWith = (n: number, first: Record<string, unknown>) =>
  JSON.stringify({
    listen_type: 'import',
    payload: Array.from({ length: n }, (_, i) => ({
      listened_at: NOW - 600 - i * 300,
      track_metadata: i === 0 ? { artist_name: 'Portishead', track_name: 'Roads', ...first } : { artist_name: 'Portishead', track_name: `Track ${i}` },
    })),
  });

t.test('pyStrip is one linear scan: a million spaces in milliseconds, not hours', async (t) => {
  const spaces = ' '.repeat(1_000_000);
  const inner = `a${spaces}x`;
  let stripped = '';
  const took = ms(() => {
    stripped = pyStrip(inner);
  });
  t.equal(stripped, inner, 'inner spaces are kept');
  t.ok(took < BOUND_MS, `a + 1,000,000 spaces + x: ${took.toFixed(1)} ms`);
  const outer = `${spaces}\u3000a b\u2029${spaces}\t`;
  const took2 = ms(() => {
    stripped = pyStrip(outer);
  });
  t.equal(stripped, 'a b');
  t.ok(took2 < BOUND_MS, `1,000,000 spaces each side: ${took2.toFixed(1)} ms`);
  const took3 = ms(() => {
    stripped = pyStrip(spaces);
  });
  t.equal(stripped, '');
  t.ok(took3 < BOUND_MS, `nothing but spaces: ${took3.toFixed(1)} ms`);
  t.equal(pyStrip('\ufeffa\ufeff'), '\ufeffa\ufeff', 'U+FEFF is not a Python space (JS trim() strips it)');
  t.equal(pyStrip('\u001c\u0085a\u00a0\u200a'), 'a', 'the Python-only spaces are stripped');
});

t.test('pyInt reads what Python int() reads, in linear time', async (t) => {
  t.equal(pyInt(1700000000.7), 1700000000);
  t.equal(pyInt(-1.9), -1);
  t.equal(pyInt(' \t1700000000\n'), 1700000000);
  t.equal(pyInt('+17'), 17);
  t.equal(pyInt('-1_700'), -1700);
  t.equal(pyInt('007'), 7);
  t.equal(pyInt(`${'0'.repeat(100_000)}42`), 42, 'leading zeros');
  t.equal(pyInt(`9${'0'.repeat(400)}`), Number.POSITIVE_INFINITY, 'beyond any range');
  for (const bad of ['', ' ', '1.5', '0x10', '1e3', '1__0', '_1', '1_', '+', '- 1', '١٢٣']) t.equal(pyInt(bad), null, JSON.stringify(bad));
  t.equal(pyInt(true), null, 'Chorus: booleans are refused');
  t.equal(pyInt(null), null);
  const long = `1${'_0'.repeat(500_000)}`;
  t.ok(ms(() => pyInt(long)) < BOUND_MS, 'a million-character literal');
  t.ok(ms(() => pyInt(`${' '.repeat(1_000_000)}x`)) < BOUND_MS, 'a million spaces, then junk');
});

t.test('the 80 KB import that froze the process for 6.7 s is answered at once', async (t) => {
  const body = importWith(9, { track_name: `a${' '.repeat(80_000)}x` });
  let result: ReturnType<typeof parseSubmission> | undefined;
  const took = ms(() => {
    result = parseSubmission(body, NOW);
  });
  t.ok(took < BOUND_MS, `${took.toFixed(1)} ms`);
  t.same(result, { ok: false, code: 400, error: 'track_metadata.track_name is too long (at most 512 characters). (payload[0])' });
});

t.test('every other text rule is linear on a long run of one character', async (t) => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['an MBID of 150,000 braces', { additional_info: { recording_mbid: `${'{'.repeat(150_000)}x` } }],
    ['an MBID of braces then hex', { additional_info: { recording_mbid: `${'}'.repeat(150_000)}8f3471b5-7e6a-48da-86a9-c1c07a0f47ae${'{'.repeat(150_000)}` } }],
    ['a duration of spaces', { additional_info: { duration: `1${' '.repeat(150_000)}x` } }],
    ['an ISRC of spaces', { additional_info: { isrc: `GB${' '.repeat(150_000)}x` } }],
    ['a client of spaces', { additional_info: { submission_client: `a${' '.repeat(150_000)}x` } }],
    ['a release of spaces', { release_name: `a${' '.repeat(150_000)}x` }],
  ];
  for (const [name, first] of cases) {
    const body = importWith(60, first);
    const took = ms(() => parseSubmission(body, NOW));
    t.ok(took < BOUND_MS, `${name}: ${took.toFixed(1)} ms`);
  }
});

/** `depth` objects nested under keys of `key`, with many leaves at the bottom (each leaf's flattened key repeats every parent key). */
function nested(depth: number, key: string): Record<string, unknown> {
  const leaves: Record<string, number> = {};
  for (let i = 0; i < 20_000; i++) leaves[`l${i}`] = i;
  let value: Record<string, unknown> = leaves;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}

t.test('a flattened additional_info is bounded: deep long keys do not multiply into gigabytes', async (t) => {
  const body = importWith(60, { additional_info: nested(400, 'k'.repeat(700)) });
  let result: ReturnType<typeof parseSubmission> | undefined;
  const took = ms(() => {
    result = parseSubmission(body, NOW);
  });
  t.match(result, { ok: false, code: 400, error: /^track_metadata\.additional_info is nested too deeply/ });
  t.ok(took < 2000, `${took.toFixed(1)} ms for a ${body.length}-byte body (5.6 GB of flattened keys unbounded)`);
});

t.test('foldText is linear (no backtracking) on a million spaces and combining marks', async (t) => {
  const text = `A${' \u0301'.repeat(500_000)}B`;
  const took = ms(() => foldText(text));
  t.ok(took < BOUND_MS, `${took.toFixed(1)} ms`);
  t.equal(foldText(`  Björk \t Sigur  Rós `), 'bjork sigur ros');
});
