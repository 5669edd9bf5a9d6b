import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { createWorld, ListenGenerator, type NativeListen, startBackgroundTraffic } from '../src/index.js';

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

t.test('real time: listens keep the generator times, at the natural volume of a history of the same world', async (t) => {
  // A crowd big enough to play at least 55 listens in 3 s at its natural pace in the quietest hour of the week,
  // so that the bounds below are many standard deviations wide whenever the test runs.
  const crowd = createWorld({ seed: 4, users: 200_000, artists: 10 });
  const submitted: Array<{ listens: NativeListen[]; at: number }> = [];
  const started = Date.now();
  const traffic = startBackgroundTraffic({
    world: crowd,
    realTime: true,
    intervalMs: 100,
    seed: 5,
    submit: (_user, listens) => void submitted.push({ listens, at: Date.now() }),
  });
  await sleep(3000);
  await traffic.stop();
  const times = submitted.flatMap((s) => s.listens.map((l) => ({ at: Date.parse(l.listened_at), sent: s.at })));
  t.ok(
    times.every((x) => x.at <= x.sent && x.at >= started),
    'each listen is sent once its own time has come, never before',
  );
  // The expectation for this very window: the daily rhythm makes some hours half as busy as others.
  const ended = Date.now();
  const expected = new ListenGenerator(crowd, { seed: 5 }).expectedListens(new Date(started), new Date(ended));
  t.comment(`${times.length} listens in ${ended - started} ms; a history of this world has ${expected.toFixed(1)} in that window`);
  // Sessions already under way at the start: the pace is the steady one from the first second.
  t.ok(times.length > expected * 0.5 && times.length < expected * 1.6, `${times.length} listens, about ${Math.round(expected)} expected`);
});
