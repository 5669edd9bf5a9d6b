import t from 'tap';
import type { Subject } from '../src/index.js';
import { detectMilestones } from '../src/index.js';

const artist: Subject = { kind: 'artist', id: 'ar_1', name: 'Nova Lake' };

t.test('each threshold crossed yields one candidate with a stable key', async (t) => {
  const input = { subject: artist, metric: 'streams' as const, previousTotal: 950, currentTotal: 12_345, at: '2026-11-20' };
  const out = detectMilestones(input);
  t.equal(out.length, 2);
  t.same(
    out.map((c) => c.dedupe_key),
    ['milestone:streams:1000', 'milestone:streams:10000'],
  );
  t.equal(out[1]!.title, 'Nova Lake passed 10,000 streams');
  t.match(out[1]!.body, 'reached 12,345 streams on Nov 20, 2026');
  t.same(
    out.map((c) => c.severity),
    ['info', 'notable'],
  );
  t.match(out[0]!.evidence, { threshold: 1000, previous_total: 950, current_total: 12_345 });

  const again = detectMilestones({ ...input, at: '2026-11-21' });
  t.same(
    again.map((c) => c.dedupe_key),
    out.map((c) => c.dedupe_key),
    'the same crossing reported on another day keeps its key',
  );
});

t.test('boundaries', async (t) => {
  const base = { subject: artist, metric: 'listeners' as const, at: '2026-11-20' };
  t.same(detectMilestones({ ...base, previousTotal: 10_001, currentTotal: 99_999 }), [], 'no crossing, no candidate');
  t.same(detectMilestones({ ...base, previousTotal: 5, currentTotal: 5 }), []);
  t.equal(detectMilestones({ ...base, previousTotal: 999, currentTotal: 1000 }).length, 1, 'reaching T exactly counts');
  t.same(detectMilestones({ ...base, previousTotal: 1000, currentTotal: 1500 }), [], 'starting at T does not count again');
  const all = detectMilestones({ ...base, previousTotal: 0, currentTotal: 2_000_000 });
  t.same(
    all.map((c) => c.dedupe_key),
    ['milestone:listeners:1000', 'milestone:listeners:10000', 'milestone:listeners:100000', 'milestone:listeners:1000000'],
  );
  t.equal(all[3]!.title, 'Nova Lake passed 1,000,000 listeners');
  t.equal(all[3]!.severity, 'major');
});
