import { uuidv7 } from '@chorus/db';
import { ProblemError } from '@chorus/service-kit';
import { createTestApp, createUser } from '@chorus/service-kit/testing';
import { sql } from 'kysely';
import t from 'tap';
import { type Caller, requireTeamVisible, teamVisibleWithin } from '../src/access.service.js';
import { catalogService } from '../src/index.js';
import { addToTeam, makeArtist, testEnv } from './support.js';

// The team rule exists twice: requireTeamVisible in JS for a check of its own, teamVisibleWithin in SQL for reads
// that check it inside their statement. Every kind of caller, on an existing and a missing artist, must get the
// same verdict from both, by id and by column.
t.test('requireTeamVisible and teamVisibleWithin give the same verdict for every kind of caller', async (t) => {
  const { deps } = await createTestApp(t, [catalogService], testEnv);
  const owner = await createUser(deps);
  const artist = await makeArtist(deps, owner);
  const people = { reader: await createUser(deps), editor: await createUser(deps), outsider: await createUser(deps), adminMember: await createUser(deps) };
  await addToTeam(deps.db, artist.id, people.reader, 'reader');
  await addToTeam(deps.db, artist.id, people.editor, 'editor');
  await addToTeam(deps.db, artist.id, people.adminMember, 'admin');
  const other = await makeArtist(deps, people.outsider);
  const callers: Array<[string, Caller, boolean]> = [
    ['the team admin who created it', { userId: owner.id, roles: [] }, true],
    ['an editor', { userId: people.editor.id, roles: [] }, true],
    ['a reader', { userId: people.reader.id, roles: [] }, true],
    ["another team's admin", { userId: people.outsider.id, roles: [] }, false],
    ['a platform admin off the team', { userId: people.outsider.id, roles: ['platform_admin'] }, true],
    ['a platform admin on the team', { userId: people.adminMember.id, roles: ['platform_admin'] }, true],
    ['a user that does not exist', { userId: uuidv7(), roles: [] }, false],
  ];
  const missing = uuidv7();
  for (const [who, caller, expected] of callers) {
    for (const [which, artistId, exists] of [
      ['its artist', artist.id, true],
      ['a missing artist', missing, false],
    ] as const) {
      const js = await requireTeamVisible(deps.db, caller, artistId).then(
        () => true,
        (error: unknown) => {
          if (error instanceof ProblemError && error.status === 404) return false;
          throw error;
        },
      );
      const byId = await deps.db.selectNoFrom(teamVisibleWithin(caller, artistId).as('v')).executeTakeFirstOrThrow();
      // By column: the rule read per row of a statement over artists (a missing artist has no row: nothing visible).
      const byColumn = await deps.db
        .selectFrom('artists')
        .select(['id', teamVisibleWithin(caller, sql<string>`artists.id`).as('v')])
        .where('id', 'in', [artistId, other.id])
        .execute();
      const column = byColumn.find((r) => r.id === artistId)?.v ?? false;
      t.equal(js, expected && exists, `${who}, ${which}: requireTeamVisible says ${js}`);
      t.equal(byId.v, js, `${who}, ${which}: the condition by id agrees`);
      t.equal(column, js, `${who}, ${which}: the condition by column agrees`);
    }
  }
  // The column form judges each row by its own artist.
  const rows = await deps.db
    .selectFrom('artists')
    .select(['id', teamVisibleWithin({ userId: people.outsider.id, roles: [] }, sql<string>`artists.id`).as('v')])
    .where('id', 'in', [artist.id, other.id])
    .execute();
  t.same(Object.fromEntries(rows.map((r) => [r.id, r.v])), { [artist.id]: false, [other.id]: true }, 'per row: visible on their own team only');
});
