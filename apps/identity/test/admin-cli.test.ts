import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createUser, TEST_DATABASE_URL, TEST_KEY_ENCRYPTION_KEY } from '@chorus/service-kit/testing';
import { daySetQueries, listeningQueries, uuidv7 } from '@chorus/db';
import { createArtist, listenRow, registerPartnerApp, writeListeners } from '@chorus/test-kit';
import { sql } from 'kysely';
import t from 'tap';
import { AdminCommandError, runAdminCommand } from '../src/admin.commands.js';
import { identityApp } from './helpers.js';

const CLI = fileURLToPath(new URL('../src/admin.cli.ts', import.meta.url));

/** Runs `npm run admin -- ...` as a child process against the test's schema. */
function cli(schema: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=development', '--import', 'tsx', CLI, ...args],
      {
        env: {
          PATH: process.env.PATH ?? '',
          CHORUS_DATABASE_URL: TEST_DATABASE_URL,
          CHORUS_DATABASE_SCHEMA: schema,
          CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

t.test('admin commands', async (t) => {
  const { deps } = await identityApp(t);
  const user = await createUser(deps);
  const run = (...args: string[]) => runAdminCommand(deps, args);
  const rolesOf = async (id: string) => (await deps.db.selectFrom('users').select('roles').where('id', '=', id).executeTakeFirstOrThrow()).roles;

  t.same(await run('grant', user.email.toUpperCase(), 'platform_admin'), [`granted platform_admin to ${user.email}`], 'emails match whatever their case');
  t.same(await rolesOf(user.id), ['platform_admin']);
  await run('grant', user.email, 'product_analyst');
  t.same(await rolesOf(user.id), ['platform_admin', 'product_analyst']);
  t.same(await run('list'), [`${user.email}\tplatform_admin,product_analyst`], 'list: who holds an internal role');
  t.same(await run('revoke', user.email, 'platform_admin'), [`revoked platform_admin from ${user.email}`]);
  t.same(await rolesOf(user.id), ['product_analyst']);

  const failures: Array<[string[], RegExp, number]> = [
    [['grant', 'nobody@example.test', 'platform_admin'], /^no account has the email nobody@example\.test$/, 1],
    [['grant', user.email, 'superuser'], /^unknown role "superuser"/, 2],
    [['grant', user.email], /^usage: /, 2],
    [['dance'], /^usage: /, 2],
    [['listener-windows', '--fix'], /^usage: /, 2],
    [['day-sets', '--all'], /^usage: /, 2],
    [[], /^usage: /, 2],
  ];
  for (const [args, message, exitCode] of failures) {
    const error = await run(...args).then(
      () => undefined,
      (e: unknown) => e,
    );
    t.type(error, AdminCommandError, args.join(' '));
    t.match((error as Error).message, message, args.join(' '));
    t.equal((error as AdminCommandError).exitCode, exitCode, args.join(' '));
    t.notMatch((error as Error).message, /\n/, 'one line');
  }
});

t.test('npm run admin: exit codes and one clear line', async (t) => {
  const { deps, schema } = await identityApp(t);
  const user = await createUser(deps);

  const granted = await cli(schema, ['grant', user.email, 'platform_admin']);
  t.equal(granted.code, 0, granted.stderr);
  t.equal(granted.stdout, `granted platform_admin to ${user.email}\n`);
  const row = await deps.db.selectFrom('users').select('roles').where('id', '=', user.id).executeTakeFirstOrThrow();
  t.same(row.roles, ['platform_admin'], 'written to the configured database');

  const unknown = await cli(schema, ['grant', 'nobody@example.test', 'platform_admin']);
  t.equal(unknown.code, 1);
  t.equal(unknown.stderr, 'no account has the email nobody@example.test\n');
  const usage = await cli(schema, ['frobnicate']);
  t.equal(usage.code, 2);
  t.equal(usage.stderr.trim().split('\n').length, 1, usage.stderr);
});

t.test('npm run admin -- listener-windows: finds every artist and partner whose kept window deltas drifted, and repairs them', async (t) => {
  const { deps, schema } = await identityApp(t);
  const listeners = [await createUser(deps), await createUser(deps)];
  const artists = [];
  for (const name of ['Drift One', 'Drift Two', 'Steady']) {
    const artist = await createArtist(deps.db, name);
    await writeListeners(
      deps.db,
      artist.id,
      listeners.map((l, i) => ({ day: `2031-05-0${i + 1}`, user_id: l.id, country: 'SE' })),
    );
    artists.push(artist.id);
  }
  // A partner whose listeners came through its app, on two days: its windows are kept by aggregation.
  const { partner, app } = await registerPartnerApp(deps.db, { kind: 'telecom', device_class: 'speaker' });
  const played = await createArtist(deps.db, 'Played', ['Song']);
  const DAY_MS = 86_400_000;
  for (const listener of listeners) {
    const batch = { id: uuidv7(), user_id: listener.id, source: 'native' as const };
    const rows = [4, 2].map((d) =>
      listenRow({
        user_id: listener.id,
        listened_at: new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - d * DAY_MS),
        track_id: played.tracks[0]!.id,
        artist_id: played.id,
        partner_id: partner.id,
        app_id: app.id,
        partner_kind: partner.kind,
      }),
    );
    await listeningQueries.insertBatch(deps.db, batch, rows);
    await listeningQueries.applyBatch(deps.db, batch.id);
  }
  // The compaction job folds the played track's closed days into its kept windows.
  await daySetQueries.compactPending(deps.db, 100);
  const tracks = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM tracks`.execute(deps.db)).rows[0]!.n;
  const checkedAll = (verdict: string, partnerVerdict = 'no drift', trackVerdict = 'no drift') => [
    `listener windows of ${artists.length + 1} artists checked: ${verdict}`,
    `listener windows of 1 partners checked: ${partnerVerdict}`,
    `listener windows of ${tracks} tracks checked: ${trackVerdict}`,
  ];
  const clean = await cli(schema, ['listener-windows']);
  t.equal(clean.code, 0, clean.stderr);
  t.equal(clean.stdout, `${checkedAll('no drift').join('\n')}\n`);

  const [one, two] = artists as [string, string];
  await sql`UPDATE artist_listener_windows SET d7 = d7 + 2 WHERE artist_id = ${one}`.execute(deps.db);
  await sql`DELETE FROM artist_listener_windows WHERE artist_id = ${two}`.execute(deps.db);
  await sql`UPDATE partner_listener_windows SET d28 = d28 - 1 WHERE partner_id = ${partner.id}`.execute(deps.db);
  const drifted = [...[one, two].sort().map((id) => `drifted: artist ${id}`), `drifted: partner ${partner.id}`];
  t.same(
    await runAdminCommand(deps, ['listener-windows']),
    [...drifted, ...checkedAll('2 drifted; run again with --repair to rebuild them', '1 drifted; run again with --repair to rebuild them')],
    'a check names what drifted and changes nothing',
  );
  t.same(await runAdminCommand(deps, ['listener-windows', '--repair']), [
    ...drifted,
    ...checkedAll('2 drifted, rebuilt from their listener sets', '1 drifted, rebuilt from their listener sets'),
  ]);
  t.same(await runAdminCommand(deps, ['listener-windows']), checkedAll('no drift'), 'repaired');
  const { rows } = await sql<{ d28: number }>`SELECT coalesce(sum(d28), 0)::int AS d28 FROM partner_listener_windows WHERE partner_id = ${partner.id}`.execute(
    deps.db,
  );
  t.equal(rows[0]!.d28, 0, 'the rebuilt deltas sum to no one after the last window has passed');

  // The partner's per-app and per-device-class deltas are the partner's too: drift in either is found and rebuilt.
  for (const table of ['partner_app_listener_windows', 'partner_class_listener_windows']) {
    const kept = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE partner_id = ${partner.id}`.execute(deps.db);
    t.ok(kept.rows[0]!.n > 0, `${table}: kept by aggregation`);
    await sql`UPDATE ${sql.table(table)} SET d7 = d7 + 1 WHERE partner_id = ${partner.id}`.execute(deps.db);
    t.same(
      await runAdminCommand(deps, ['listener-windows']),
      [`drifted: partner ${partner.id}`, ...checkedAll('no drift', '1 drifted; run again with --repair to rebuild them')],
      `${table}: a drifted delta is the partner's drift`,
    );
    await runAdminCommand(deps, ['listener-windows', '--repair']);
    t.same(await runAdminCommand(deps, ['listener-windows']), checkedAll('no drift'), `${table}: rebuilt`);
  }

  // A track's kept windows, folded by the compaction job: a drifted delta is found, and the repair folds it again.
  const song = played.tracks[0]!.id;
  const folded = await sql<{ n: number }>`SELECT count(*)::int AS n FROM track_listener_windows WHERE track_id = ${song}`.execute(deps.db);
  t.ok(folded.rows[0]!.n > 0, 'the track was folded by the compaction job');
  await sql`UPDATE track_listener_windows SET d28 = d28 + 1 WHERE track_id = ${song}`.execute(deps.db);
  t.same(
    await runAdminCommand(deps, ['listener-windows']),
    [`drifted: track ${song}`, ...checkedAll('no drift', 'no drift', '1 drifted; run again with --repair to rebuild them')],
    "a track's drift is named",
  );
  await runAdminCommand(deps, ['listener-windows', '--repair']);
  t.same(await runAdminCommand(deps, ['listener-windows']), checkedAll('no drift'), 'the track is folded again');
});

t.test('npm run admin -- day-sets: finds every track-day, artist-day and partner-day a read would count wrong, and puts it back to rows', async (t) => {
  const { deps, schema } = await identityApp(t);
  const listeners = [await createUser(deps), await createUser(deps)];
  const artist = await createArtist(deps.db, 'Sets', ['One', 'Two']);
  const DAY_MS = 86_400_000;
  const noon = (daysAgo: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - daysAgo * DAY_MS + 12 * 3600_000);
  // The listens come through a car maker's app: the partner has audience cells too.
  const { partner, app } = await registerPartnerApp(deps.db, { kind: 'automotive', device_class: 'car' });
  const through = { partner_id: partner.id, app_id: app.id, partner_kind: partner.kind };
  for (const listener of listeners) {
    const batch = { id: uuidv7(), user_id: listener.id, source: 'native' as const };
    const rows = artist.tracks.flatMap((track) =>
      [5, 3].map((d) => listenRow({ user_id: listener.id, listened_at: noon(d), track_id: track.id, artist_id: artist.id, ...through })),
    );
    await listeningQueries.insertBatch(deps.db, batch, rows);
    await listeningQueries.applyBatch(deps.db, batch.id);
  }
  await daySetQueries.compactPending(deps.db, 100);
  const clean = await cli(schema, ['day-sets']);
  t.equal(clean.code, 0, clean.stderr);
  t.match(
    clean.stdout,
    /^day sets of 2 tracks checked: no drift\naudience cells of 1 artists checked: no drift\naudience cells of 1 partners checked: no drift\n$/,
  );

  const [one, two] = artist.tracks.map((track) => track.id).sort() as [string, string];
  const day = noon(5).toISOString().slice(0, 10);
  await sql`UPDATE track_day_sets SET users = users[1:1] WHERE track_id = ${one} AND day = ${day}::date`.execute(deps.db);
  await sql`DELETE FROM track_day_sets WHERE track_id = ${two} AND day = ${day}::date`.execute(deps.db);
  await sql`UPDATE artist_cell_sets SET users = users[1:1] WHERE artist_id = ${artist.id} AND day = ${day}::date AND dimension = 'gender'`.execute(deps.db);
  await sql`UPDATE partner_cell_sets SET users = users[1:1] WHERE partner_id = ${partner.id} AND day = ${day}::date AND dimension = 'age'`.execute(deps.db);
  const drifted = [
    `drifted: track ${one} on ${day}`,
    `drifted: track ${two} on ${day}`,
    `drifted: artist ${artist.id} on ${day}`,
    `drifted: partner ${partner.id} on ${day}`,
  ];
  t.same(
    await runAdminCommand(deps, ['day-sets']),
    [
      ...drifted,
      'day sets of 2 tracks checked: 2 track-days drifted; run again with --repair to rebuild them',
      'audience cells of 1 artists checked: 1 artist-days drifted; run again with --repair to rebuild them',
      'audience cells of 1 partners checked: 1 partner-days drifted; run again with --repair to rebuild them',
    ],
    'a stale set, a day left with neither a set nor a pending mark, a stale audience cell of the artist and of the partner; a check changes nothing',
  );
  t.same(await runAdminCommand(deps, ['day-sets', '--repair']), [
    ...drifted,
    'day sets of 2 tracks checked: 2 track-days drifted, read from their listener rows until the compaction job rebuilds them',
    'audience cells of 1 artists checked: 1 artist-days drifted, read from their listener rows until the compaction job rebuilds them',
    'audience cells of 1 partners checked: 1 partner-days drifted, read from their listener rows until the compaction job rebuilds them',
  ]);
  const fine = ['day sets of 2 tracks checked: no drift', 'audience cells of 1 artists checked: no drift', 'audience cells of 1 partners checked: no drift'];
  t.same(await runAdminCommand(deps, ['day-sets']), fine, 'repaired');
  t.equal(await daySetQueries.compactTrackDays(deps.db, 100), 2, 'and the job rebuilds the track-days');
  t.equal(await daySetQueries.compactArtistDays(deps.db, 100), 1, 'and the artist-day');
  t.equal(await daySetQueries.compactPartnerDays(deps.db, 100), 1, 'and the partner-day');
  t.same(await runAdminCommand(deps, ['day-sets']), fine);
});
