import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { createWorld, type NativeListen, startBackgroundTraffic } from '../src/index.js';

const world = createWorld({ seed: 2, users: 50, artists: 10 });

t.test('submits fresh listens per listener at about the rate, and stops', async (t) => {
  const submitted: Array<{ user: number; listens: NativeListen[]; userId: string | undefined; at: number }> = [];
  const userIds = world.listeners.map((l) => `id-${l.index}`);
  const traffic = startBackgroundTraffic({
    world,
    rate: 40,
    intervalMs: 100,
    seed: 3,
    userIds,
    trackIds: world.tracks.map((tr) => `track-${tr.index}`),
    submit: (user, listens, userId) => {
      submitted.push({ user, listens, userId, at: Date.now() });
    },
  });
  await sleep(1050);
  await traffic.stop();
  const total = submitted.reduce((n, s) => n + s.listens.length, 0);
  t.ok(total >= 30 && total <= 60, `${total} listens in about a second at 40/s`);
  t.ok(
    submitted.every((s) => s.userId === `id-${s.user}`),
    'the account id comes with each submission',
  );
  t.ok(
    submitted.every((s) => s.listens.every((l) => Date.parse(l.listened_at) <= s.at && Date.parse(l.listened_at) > s.at - 1000)),
    'listened_at is fresh and never in the future',
  );
  const count = submitted.length;
  await sleep(250);
  t.equal(submitted.length, count, 'nothing after stop');
});

t.test('a failing submit is reported and the traffic goes on', async (t) => {
  const errors: unknown[] = [];
  let calls = 0;
  const traffic = startBackgroundTraffic({
    world,
    rate: 50,
    intervalMs: 50,
    submit: async () => {
      calls++;
      throw new Error('ingest is down');
    },
    onError: (e) => errors.push(e),
  });
  await sleep(400);
  await traffic.stop();
  t.ok(calls > 3, `${calls} submits kept coming`);
  t.equal(errors.length, calls);
  t.match((errors[0] as Error).message, 'ingest is down');
});

t.test('only listeners with an account id get listens', async (t) => {
  const users = new Set<number>();
  const ids = new Map([
    [0, 'a'],
    [1, 'b'],
  ]);
  const traffic = startBackgroundTraffic({ world, rate: 200, intervalMs: 50, userIds: ids, submit: (user) => void users.add(user) });
  await sleep(300);
  await traffic.stop();
  t.ok([...users].every((u) => ids.has(u)));
});
