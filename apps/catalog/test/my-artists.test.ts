import { sql } from 'kysely';
import { createTestApp, createUser, type TestUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { catalogService } from '../src/index.js';
import { addToTeam, makeArtist, testEnv } from './support.js';

t.test('GET /v1/me/artists', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  const all = async (user: TestUser, limit: number) => {
    const items: Array<Record<string, unknown>> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof app.inject>> = await app.inject({
        url: `/v1/me/artists?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        headers: user.auth,
      });
      t.equal(res.statusCode, 200, res.body);
      items.push(...res.json().items);
      cursor = res.json().next_cursor;
      pages++;
    } while (cursor && pages < 20);
    return { items, pages };
  };

  t.test('the teams the caller is on, with their role, newest first, a page at a time', async (t) => {
    const me = await createUser(deps);
    const someoneElse = await createUser(deps);
    const mine = await makeArtist(deps, me, { name: 'Mine' });
    const theirs = await makeArtist(deps, someoneElse, { name: 'Theirs' });
    const joined = await makeArtist(deps, someoneElse, { name: 'Joined' });
    await addToTeam(deps.db, joined.id, me, 'reader');
    await makeArtist(deps, someoneElse, { name: 'Not mine' });
    await deps.db.updateTable('artists').set({ verified_at: new Date() }).where('id', '=', joined.id).execute();

    const first = await app.inject({ url: '/v1/me/artists?limit=1', headers: me.auth });
    t.equal(first.statusCode, 200);
    t.equal(first.json().items.length, 1);
    t.type(first.json().next_cursor, 'string');
    const { items, pages } = await all(me, 1);
    t.equal(pages, 2);
    t.match(items, [
      { id: joined.id, name: 'Joined', verified: true, role: 'reader' },
      { id: mine.id, name: 'Mine', verified: false, role: 'admin' },
    ]);
    t.same(Object.keys(items[0]!).sort(), ['id', 'joined_at', 'name', 'role', 'verified']);
    t.ok(String(items[0]!.joined_at) >= String(items[1]!.joined_at), 'newest first');
    t.notOk(items.some((i) => i.id === theirs.id));

    const lonely = await createUser(deps);
    const none = await app.inject({ url: '/v1/me/artists', headers: lonely.auth });
    t.same(none.json(), { items: [], next_cursor: null });
  });

  t.test('memberships within one millisecond are neither skipped nor repeated across pages', async (t) => {
    const me = await createUser(deps);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const artist = await makeArtist(deps, me, { name: `Same ms ${i}` });
      ids.push(artist.id);
      // Microseconds apart within one millisecond: a cursor kept to the millisecond would lose some.
      await deps.db
        .updateTable('artist_members')
        .set({ created_at: sql<Date>`timestamptz '2026-11-01 12:00:00.123000+00' + ${i * 100} * interval '1 microsecond'` })
        .where('artist_id', '=', artist.id)
        .execute();
    }
    for (const limit of [1, 2, 3]) {
      const { items } = await all(me, limit);
      t.same(
        items.map((i) => i.id),
        [...ids].reverse(),
        `limit ${limit}`,
      );
    }
  });

  t.test('bad limits and cursors are 400', async (t) => {
    const me = await createUser(deps);
    for (const query of ['limit=0', 'limit=101', 'cursor=nope', `cursor=${Buffer.from('["1","x"]').toString('base64url')}`, `cursor=${'a'.repeat(600)}`]) {
      const res = await app.inject({ url: `/v1/me/artists?${query}`, headers: me.auth });
      t.equal(res.statusCode, 400, query);
    }
    t.equal((await app.inject({ url: '/v1/me/artists' })).statusCode, 401);
  });
});
