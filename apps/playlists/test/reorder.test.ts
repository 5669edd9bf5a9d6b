import t from 'tap';
import { evenKeys, keysBetween } from '../src/ordering.js';
import { applyPlan, planReorder } from '../src/reorder.js';
import { referenceReorder } from './model.js';
import { seeded } from './random.js';

/** What the service does: give the range new keys between the neighbours the plan names, then sort by key. */
function reorderByKeys(list: readonly string[], rangeStart: number, insertBefore: number, rangeLength: number): string[] | 'refused' {
  const plan = planReorder(list.length, { range_start: rangeStart, insert_before: insertBefore, range_length: rangeLength });
  if ('refused' in plan) return 'refused';
  const keys = evenKeys(list.length);
  const keyed = list.map((value, i) => ({ value, key: keys[i]! }));
  if (plan.kind === 'move') {
    const fresh = keysBetween(plan.after === null ? null : keys[plan.after]!, plan.before === null ? null : keys[plan.before]!, plan.length);
    for (let i = 0; i < plan.length; i++) keyed[plan.start + i]!.key = fresh[i]!;
  }
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((k) => k.value);
}

t.test('600 seeded random reorders match the reference model', async (t) => {
  const random = seeded(20261126);
  let moved = 0;
  let refused = 0;
  for (let i = 0; i < 600; i++) {
    const size = random.int(1, 40);
    const list = Array.from({ length: size }, (_, n) => `item-${n}`);
    const rangeStart = random.int(0, size - 1);
    const rangeLength = random.int(1, size - rangeStart);
    const insertBefore = random.int(0, size);
    const expected = referenceReorder(list, rangeStart, insertBefore, rangeLength);
    const plan = planReorder(size, { range_start: rangeStart, insert_before: insertBefore, range_length: rangeLength });
    if ('refused' in plan || expected === undefined) {
      if (!('refused' in plan) || expected !== undefined) t.fail(`case ${i}: refused by one and not the other: ${JSON.stringify(plan)}`);
      else refused++;
      continue;
    }
    if (plan.kind === 'move') moved++;
    const byPlan = applyPlan(list, plan);
    const byKeys = reorderByKeys(list, rangeStart, insertBefore, rangeLength);
    if (JSON.stringify(byPlan) !== JSON.stringify(expected) || JSON.stringify(byKeys) !== JSON.stringify(expected)) {
      t.fail(`case ${i}: size ${size}, range_start ${rangeStart}, range_length ${rangeLength}, insert_before ${insertBefore}`);
    }
    if (plan.kind === 'move' && byPlan[plan.to] !== list[rangeStart]) t.fail(`case ${i}: "to" is not where the range starts`);
  }
  t.ok(moved > 300, `${moved} of 600 cases moved something`);
  t.ok(refused > 0 && refused < 200, `${refused} cases put the range inside itself and were refused`);
});

t.test('edges', async (t) => {
  const ten = Array.from({ length: 10 }, (_, n) => n);
  const cases: Array<[string, number, number, number, number[]]> = [
    ['first to the end (Spotify example)', 0, 10, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 0]],
    ['last to the start', 9, 0, 1, [9, 0, 1, 2, 3, 4, 5, 6, 7, 8]],
    ['range at the start to the end', 0, 10, 3, [3, 4, 5, 6, 7, 8, 9, 0, 1, 2]],
    ['range at the end to the start', 7, 0, 3, [7, 8, 9, 0, 1, 2, 3, 4, 5, 6]],
    ['insert_before equal to the length', 4, 10, 2, [0, 1, 2, 3, 6, 7, 8, 9, 4, 5]],
    ['whole list onto itself', 0, 10, 10, ten],
    ['before itself', 3, 3, 2, ten],
    ['right after itself', 3, 5, 2, ten],
  ];
  for (const [name, start, before, length, expected] of cases) {
    const plan = planReorder(10, { range_start: start, insert_before: before, range_length: length });
    t.ok(!('refused' in plan), name);
    if (!('refused' in plan)) t.same(applyPlan(ten, plan), expected, name);
  }
  const refusals: Array<[string, number, number, number, string]> = [
    ['range_length beyond the end', 8, 0, 3, '/range_length'],
    ['range_start at the length', 10, 0, 1, '/range_start'],
    ['insert_before past the length', 0, 11, 1, '/insert_before'],
    ['empty range', 0, 5, 0, '/range_length'],
    ['insert_before inside the range', 2, 4, 3, '/insert_before'],
  ];
  for (const [name, start, before, length, pointer] of refusals) {
    const plan = planReorder(10, { range_start: start, insert_before: before, range_length: length });
    t.ok('refused' in plan && plan.refused.pointer === pointer, `${name} is refused at ${pointer}`);
  }
  const empty = planReorder(0, { range_start: 0, insert_before: 0 });
  t.ok('refused' in empty, 'nothing to reorder in an empty playlist');
  t.same(
    planReorder(10, { range_start: 2, insert_before: 7 }),
    { kind: 'move', start: 2, length: 1, after: 6, before: 7, to: 6 },
    'range_length defaults to 1',
  );
});
