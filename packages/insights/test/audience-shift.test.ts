import t from 'tap';
import type { Subject } from '../src/index.js';
import { detectAudienceShift } from '../src/index.js';

const artist: Subject = { kind: 'artist', id: 'ar_1', name: 'Nova Lake' };
const asOf = '2026-11-20';

t.test('a planted 15-point share change is found', async (t) => {
  const previous = { SE: 400, NO: 600, DE: 600, US: 400 }; // SE 20%
  const current = { SE: 700, NO: 450, DE: 450, US: 400 }; // SE 35%
  const out = detectAudienceShift({ subject: artist, dimension: 'country', current, previous, asOf });
  const se = out.find((c) => c.evidence.cell === 'SE');
  t.ok(se, 'Sweden reported');
  t.equal(se!.title, 'Nova Lake: share of listeners in Sweden up 15 points');
  t.match(se!.body, '35.0%');
  t.match(se!.body, '(700 of 2,000 against 400 of 2,000)');
  t.equal(se!.severity, 'major');
  t.equal(se!.dedupe_key, 'audience_shift:country:SE:2026-W47');
  t.ok((se!.evidence.z as number) > 3.29);
  // NO and DE fell from 30% to 22.5%: 7.5 points, also significant at this size.
  t.same(
    out.map((c) => c.evidence.cell),
    ['SE', 'DE', 'NO'],
    'largest change first, ties by cell',
  );
  t.match(out[1]!.title, 'down 7.5 points');
  t.notOk(
    out.some((c) => c.evidence.cell === 'US'),
    'unchanged share not reported',
  );
});

t.test('small or insignificant changes are not reported', async (t) => {
  const previous = { '18-24': 400, '25-34': 1600 };
  const onePoint = { '18-24': 420, '25-34': 1580 };
  t.same(detectAudienceShift({ subject: artist, dimension: 'age', current: onePoint, previous, asOf }), [], '1 point');

  // 10 points but only 150 listeners now: below the minimum totals.
  t.same(detectAudienceShift({ subject: artist, dimension: 'age', current: { '18-24': 45, '25-34': 105 }, previous, asOf }), []);
  // 6 points on 220 listeners each: clears the size gate but not |z| >= 3.29.
  t.same(
    detectAudienceShift({
      subject: artist,
      dimension: 'gender',
      current: { female: 110, male: 110 },
      previous: { female: 97, male: 123 },
      asOf,
    }),
    [],
  );
});

t.test('labels per dimension and cells present on one side only', async (t) => {
  const out = detectAudienceShift({
    subject: artist,
    dimension: 'gender',
    current: { female: 500, male: 400, non_binary: 100 },
    previous: { female: 300, male: 700 },
    asOf,
  });
  const nb = out.find((c) => c.evidence.cell === 'non_binary');
  t.ok(nb);
  t.equal(nb!.title, 'Nova Lake: share of non binary listeners up 10 points');
  t.equal(out.find((c) => c.evidence.cell === 'male')!.title, 'Nova Lake: share of male listeners down 30 points');
});
