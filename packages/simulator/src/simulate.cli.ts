import { createDb, migrateToLatest } from '@chorus/db';
import { bulkLoad } from './bulk.js';
import { runHttpLoad } from './http-target.js';
import { clock, count, ProgressBar } from './progress.js';
import { type BulkArgs, type HttpArgs, parseSimulateArgs, USAGE } from './simulate.args.js';

async function bulk(args: BulkArgs, bar: ProgressBar): Promise<void> {
  const db = createDb({ url: args.databaseUrl, maxConnections: 4, applicationName: 'chorus-simulator' });
  try {
    const migrated = await migrateToLatest(db);
    if (migrated.length) bar.log(`migrated: ${migrated.join(', ')}`);
    bar.log(`bulk load: ${count(args.listens)} listens over ${args.days} days, ${count(args.users)} users, ${count(args.artists)} artists, seed ${args.seed}`);
    let phase = '';
    const result = await bulkLoad(db, {
      seed: args.seed,
      users: args.users,
      artists: args.artists,
      listens: args.listens,
      days: args.days,
      batchSize: args.batchSize,
      tracksPerArtist: args.tracksPerArtist,
      onProgress: (p) => {
        if (p.phase !== phase && p.phase !== 'listens' && p.phase !== 'done') bar.log(`${clock(p.elapsedMs)} ${p.phase}…`);
        phase = p.phase;
        if (p.phase === 'listens') {
          bar.update(
            p.total ? p.written / p.total : 1,
            `${clock(p.elapsedMs)} written ${count(p.written)}/${count(p.total)} applied ${count(p.applied)} dup ${count(p.duplicates)} batches ${count(p.batches)}`,
          );
        }
      },
    });
    bar.done(1, `written ${count(result.listens)} listens`);
    const lines = [
      `users ${count(result.userIds.length)}, artists ${count(result.artistIds.length)}, releases ${count(result.releaseIds.length)}, tracks ${count(result.trackIds.length)}`,
      `listens ${count(result.listens)} (accepted ${count(result.accepted)}, duplicates ${count(result.duplicates)}) in ${count(result.batches)} batches, all applied: ${result.appliedBatches === result.batches}`,
      `window ${result.from.toISOString()} .. ${result.to.toISOString()}`,
      `time: world ${result.seconds.world.toFixed(1)} s, users+catalog ${result.seconds.catalog.toFixed(1)} s, listens ${result.seconds.listens.toFixed(1)} s, total ${result.seconds.total.toFixed(1)} s`,
      `rates: insert ${count(result.rates.insertPerSecond)} listens/s, apply ${count(result.rates.applyPerSecond)} listens/s (per second of each step, 2 writers), overall ${count(result.rates.overallPerSecond)} listens/s`,
    ];
    for (const line of lines) bar.log(line);
  } finally {
    await db.destroy();
  }
}

async function http(args: HttpArgs, bar: ProgressBar): Promise<void> {
  bar.log(`simulating ${count(args.users)} listeners at ${args.rate} listens/s for ${clock(args.durationMs)} against ${args.target} (seed ${args.seed})`);
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  const stats = await runHttpLoad({
    target: args.target,
    users: args.users,
    artists: args.artists,
    rate: args.rate,
    durationMs: args.durationMs,
    seed: args.seed,
    concurrency: args.concurrency,
    tracksPerArtist: args.tracksPerArtist,
    signal: abort.signal,
    log: (line) => bar.log(line),
    onProgress: (s) =>
      bar.update(
        s.elapsedMs / s.durationMs,
        `${clock(s.elapsedMs)}/${clock(s.durationMs)} sent ${count(s.sent)} accepted ${count(s.accepted)} errors ${count(s.errors)} ${s.currentRate.toFixed(1)}/s`,
      ),
  });
  bar.done(
    Math.min(1, stats.elapsedMs / stats.durationMs),
    `${clock(stats.elapsedMs)} sent ${count(stats.sent)} accepted ${count(stats.accepted)} errors ${count(stats.errors)}`,
  );
  const seconds = stats.elapsedMs / 1000;
  bar.log(
    [
      `summary: ${count(stats.sent)} listens sent in ${count(stats.requests)} requests over ${seconds.toFixed(1)} s (${(stats.accepted / Math.max(seconds, 0.001)).toFixed(1)} accepted/s)`,
      `  accepted ${count(stats.accepted)}, duplicates ${count(stats.duplicates)}, unmatched ${count(stats.unmatched)}, errors ${count(stats.errors)}, dropped ${count(stats.dropped)}, rate-limited ${count(stats.rateLimited)}`,
      `  latency p50 ${stats.latencyMs.p50} ms, p95 ${stats.latencyMs.p95} ms, p99 ${stats.latencyMs.p99} ms, max ${stats.latencyMs.max} ms`,
      ...(Object.keys(stats.errorCodes).length ? [`  errors by status: ${JSON.stringify(stats.errorCodes)}`] : []),
    ].join('\n'),
  );
  if (stats.errors > 0 && stats.accepted === 0) process.exitCode = 1;
}

async function main(): Promise<void> {
  const args = parseSimulateArgs(process.argv.slice(2), process.env);
  if (args.mode === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const bar = new ProgressBar(process.stderr);
  if (args.mode === 'bulk') await bulk(args, bar);
  else await http(args, bar);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
