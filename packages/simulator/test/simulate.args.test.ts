import t from 'tap';
import { parseDuration } from '../src/index.js';
import { parseSimulateArgs } from '../src/simulate.args.js';

t.test('durations', async (t) => {
  t.equal(parseDuration('60s'), 60_000);
  t.equal(parseDuration('5m'), 300_000);
  t.equal(parseDuration('1h'), 3_600_000);
  t.equal(parseDuration('1h30m'), 5_400_000);
  t.equal(parseDuration('90'), 90_000);
  t.equal(parseDuration('250ms'), 250);
  t.throws(() => parseDuration('soon'));
  t.throws(() => parseDuration('5x'));
});

t.test('live traffic arguments and defaults', async (t) => {
  t.same(parseSimulateArgs(['--users', '50', '--rate', '2.5', '--duration', '5m', '--seed', '7'], {}), {
    mode: 'http',
    target: 'http://127.0.0.1:3000',
    users: 50,
    artists: 30,
    rate: 2.5,
    durationMs: 300_000,
    seed: 7,
    concurrency: 16,
    tracksPerArtist: 8,
  });
  t.throws(() => parseSimulateArgs(['--users', 'many'], {}));
  t.throws(() => parseSimulateArgs(['--target', 'ftp://x'], {}));
  t.throws(() => parseSimulateArgs(['--nope'], {}));
});

t.test('bulk arguments take the database from the flag, then the environment', async (t) => {
  const args = ['--bulk', '--listens', '1000000', '--days', '365', '--users', '20000', '--artists', '3000', '--seed', '1'];
  t.match(parseSimulateArgs(args, {}), {
    mode: 'bulk',
    listens: 1_000_000,
    days: 365,
    users: 20_000,
    artists: 3000,
    seed: 1,
    batchSize: 5000,
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/chorus',
  });
  t.match(parseSimulateArgs(args, { CHORUS_DATABASE_URL: 'postgres://db/x' }), { databaseUrl: 'postgres://db/x' });
  t.match(parseSimulateArgs([...args, '--database-url', 'postgres://flag/y'], { CHORUS_DATABASE_URL: 'postgres://db/x' }), {
    databaseUrl: 'postgres://flag/y',
  });
});
