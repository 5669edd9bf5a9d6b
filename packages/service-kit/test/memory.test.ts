import t from 'tap';
import { collectWhenIdle } from '../src/memory.js';

const MB = 1e6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Leaves about `mb` MB of unreachable objects behind, most of them promoted to the old generation first. */
async function leaveGarbage(mb: number): Promise<void> {
  let held: string[][] | undefined = [];
  for (let i = 0; i < mb * 10; i++) held.push(Array.from({ length: 1000 }, (_, j) => `${i}:${j}`));
  await sleep(20);
  held = undefined;
}

t.test('a collection runs at once, then in idle periods while collections pay', async (t) => {
  const freed: number[] = [];
  const stop = collectWhenIdle({ everyMs: 100, worthBytes: 1 * MB, onCollect: (bytes) => freed.push(bytes) });
  t.teardown(stop);
  t.equal(freed.length, 1, 'one collection on start');

  await leaveGarbage(60);
  await sleep(350);
  t.ok(freed.length >= 2, `an idle period collected again (${freed.length} collections)`);
  t.ok(Math.max(...freed.slice(1)) > 5 * MB, `and freed what was left (${freed.map((b) => Math.round(b / MB)).join(', ')} MB)`);

  // With nothing left to free, each collection doubles the wait before the next: few happen in a second.
  const settled = freed.length;
  await sleep(1200);
  t.ok(freed.length - settled <= 4, `idle with nothing to free: ${freed.length - settled} collections in 1.2 s of 100 ms periods`);
});

t.test('a busy event loop is left alone', async (t) => {
  const freed: number[] = [];
  const stop = collectWhenIdle({ everyMs: 100, worthBytes: 1 * MB, onCollect: (bytes) => freed.push(bytes) });
  t.teardown(stop);
  await leaveGarbage(30);
  // Busy for 400 ms straight: the period the next tick judges was busy all along.
  const until = Date.now() + 400;
  while (Date.now() < until);
  await sleep(50);
  t.equal(freed.length, 1, 'only the collection on start');
});
