import t from 'tap';
import { evenKeys, isValidKey, keyBetween, keysBetween, MAX_KEY_LENGTH, needsRebalance } from '../src/ordering.js';
import { seeded } from './random.js';

const sorted = (keys: string[]) => keys.every((key, i) => i === 0 || keys[i - 1]! < key);

t.test('keys between neighbours keep order under random inserts', async (t) => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const random = seeded(seed);
    const keys: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const at = random.int(0, keys.length);
      const key = keyBetween(keys[at - 1] ?? null, keys[at] ?? null);
      keys.splice(at, 0, key);
    }
    t.ok(sorted(keys), `seed ${seed}: 2000 random inserts stay sorted`);
    t.equal(new Set(keys).size, keys.length, `seed ${seed}: no duplicate key`);
    t.ok(keys.every(isValidKey), `seed ${seed}: every key is well-formed`);
    // Byte order is what PostgreSQL's COLLATE "C" uses: compare as code units, as JavaScript does.
    t.same([...keys].sort(), keys, `seed ${seed}: sorting the keys gives the list order`);
  }
});

t.test('appends and prepends stay short', async (t) => {
  let last: string | null = null;
  let first: string | null = null;
  for (let i = 0; i < 10_000; i++) last = keyBetween(last, null);
  for (let i = 0; i < 10_000; i++) first = keyBetween(null, first);
  t.ok(last!.length <= 4, `10,000 appends end at a ${last!.length}-character key`);
  t.ok(first!.length <= 4, `10,000 prepends end at a ${first!.length}-character key`);
});

t.test('bulk keys fit between any two neighbours', async (t) => {
  const random = seeded(42);
  for (let round = 0; round < 200; round++) {
    const base = evenKeys(random.int(2, 50));
    const at = random.int(0, base.length);
    const a = base[at - 1] ?? null;
    const b = base[at] ?? null;
    const n = random.int(1, 100);
    const keys = keysBetween(a, b, n);
    t.equal(keys.length, n);
    const merged = [...base.slice(0, at), ...keys, ...base.slice(at)];
    if (!sorted(merged)) t.fail(`round ${round}: ${n} keys between ${a} and ${b} are out of order`);
  }
  t.pass('200 bulk inserts in order');
  t.throws(() => keyBetween('b', 'a'), /out of order/);
});

t.test('inserting into one gap grows keys until a rebalance, which brings them back', async (t) => {
  const keys = evenKeys(10_000);
  t.ok(
    keys.every((key) => key.length <= 4),
    'even keys for 10,000 items are at most 4 characters',
  );
  t.ok(sorted(keys));
  // The worst case for fractional keys: always insert right after the same item.
  let after = keys[5000]!;
  const before = keys[5001]!;
  let inserts = 0;
  while (!needsRebalance([after])) {
    after = keyBetween(after, before);
    inserts++;
  }
  t.ok(inserts > 150, `${inserts} inserts into one gap before a key passes ${MAX_KEY_LENGTH} characters`);
  t.ok(keyBetween(keys[5000]!, keys[5001]!) < before);
  const rebalanced = evenKeys(10_000 + inserts);
  t.ok(
    rebalanced.every((key) => key.length <= 4),
    'after a rebalance every key is short again',
  );
  t.ok(sorted(rebalanced));
});
