import { createUser, type TestUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { allActivity, allItemIds, api, createPlaylist, createTracks, playlistsApp } from './factories.js';
import { replayActivity } from './model.js';
import { seeded } from './random.js';

const CLIENTS = 20;
const EDITS = 50;

interface Client {
  user: TestUser;
  role: 'owner' | 'editor' | 'contributor';
  /** Items this client added and has not seen removed. */
  mine: string[];
}

t.test('20 clients, 50 random edits each, at the same time', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const tracks = await createTracks(deps.db, 30);
  const id = await createPlaylist(call, owner, { collaborative: true });
  const items = `/v1/playlists/${id}/items`;
  const clients: Client[] = [{ user: owner, role: 'owner', mine: [] }];
  for (let i = 1; i < CLIENTS; i++) {
    const user = await createUser(deps);
    const role = i % 2 ? 'editor' : 'contributor';
    await call('POST', `/v1/playlists/${id}/collaborators`, owner, { user_id: user.id, role });
    clients.push({ user, role, mine: [] });
  }
  const seed = await call('POST', items, owner, { track_ids: tracks });
  clients[0]!.mine.push(...seed.body.items.map((i: { item_id: string }) => i.item_id));
  // What every client believes is in the playlist: stale by design.
  const known: string[] = [...clients[0]!.mine];

  const added = new Set<string>(known);
  const removed = new Set<string>();
  const statuses = new Map<string, number>();
  const snapshots: string[] = [];
  let accepted = 0;
  let stale = 0;
  const count = (label: string) => statuses.set(label, (statuses.get(label) ?? 0) + 1);

  async function run(client: Client, n: number) {
    const random = seeded(1000 + n);
    for (let edit = 0; edit < EDITS; edit++) {
      const roll = random.next();
      const any = () => random.pick(known.length ? known : ['00000000-0000-7000-8000-000000000000']);
      let res: Awaited<ReturnType<typeof call>>;
      let kind: string;
      if (roll < 0.35) {
        kind = 'add';
        const body =
          random.next() < 0.5 ? { track_ids: [random.pick(tracks)] } : { track_ids: [random.pick(tracks), random.pick(tracks)], after_item_id: any() };
        res = await call('POST', items, client.user, body);
        if (res.status === 201) {
          for (const item of res.body.items) {
            added.add(item.item_id);
            known.push(item.item_id);
            client.mine.push(item.item_id);
          }
        }
      } else if (roll < 0.6) {
        kind = 'remove';
        // Contributors mostly remove their own; now and then someone else's (refused with 403).
        const target = client.role === 'contributor' && client.mine.length && random.next() < 0.85 ? random.pick(client.mine) : any();
        res = await call('DELETE', items, client.user, { item_ids: [target] });
        if (res.status === 200) for (const gone of res.body.removed) removed.add(gone);
      } else if (roll < 0.9) {
        kind = 'move';
        const side = random.next() < 0.5 ? 'before_item_id' : 'after_item_id';
        const item = any();
        let anchor = any();
        if (anchor === item) anchor = known[0]!;
        res = await call('POST', `${items}/${item}/move`, client.user, { [side]: anchor });
      } else {
        kind = 'positional';
        // Read, then edit by position on the snapshot read: applied only if nobody changed it in between.
        const page = await call('GET', `${items}?limit=1`, client.user);
        const snapshot = page.body.snapshot_id as string;
        const total = page.body.total as number;
        res =
          random.next() < 0.5 || client.role === 'contributor'
            ? await call('POST', items, client.user, { track_ids: [random.pick(tracks)], position: random.int(0, total) }, { 'if-match': `"${snapshot}"` })
            : await call(
                'PUT',
                items,
                client.user,
                { range_start: random.int(0, Math.max(total - 1, 0)), insert_before: random.int(0, total) },
                { 'if-match': `"${snapshot}"` },
              );
        if (res.status === 412) {
          stale++;
          if (typeof res.body.current_snapshot_id !== 'string' || res.body.current_snapshot_id === snapshot) t.fail('a 412 names the current snapshot');
        }
        if (res.status === 201) {
          for (const item of res.body.items) {
            added.add(item.item_id);
            known.push(item.item_id);
            client.mine.push(item.item_id);
          }
        }
      }
      count(`${kind} ${client.role} ${res.status}`);
      if (res.status >= 500) t.fail(`${kind}: ${res.status} ${JSON.stringify(res.body)}`);
      // A remove of items already gone is accepted but changes nothing: no activity, no snapshot.
      if (res.status < 300 && !(kind === 'remove' && res.body.removed.length === 0)) {
        accepted++;
        snapshots.push(res.body.snapshot_id);
      }
    }
  }

  const before = (await allActivity(call, id, owner)).length;
  await Promise.all(clients.map((client, n) => run(client, n)));
  // Quiet again: position-based edits on a fresh snapshot are applied, and must replay like the rest.
  for (let i = 0; i < 6; i++) {
    const page = await call('GET', `${items}?limit=1`, owner);
    const ifMatch = { 'if-match': `"${page.body.snapshot_id}"` };
    const res =
      i % 2
        ? await call('PUT', items, owner, { range_start: i, insert_before: page.body.total - i, range_length: 2 }, ifMatch)
        : await call('POST', items, owner, { track_ids: [tracks[i]], position: i * 3 }, ifMatch);
    t.ok(res.status === 200 || res.status === 201, `a position-based edit on the current snapshot is applied (${res.status})`);
    accepted++;
    snapshots.push(res.body.snapshot_id);
    for (const item of res.body.items ?? []) added.add(item.item_id);
  }

  const final = await allItemIds(call, id, owner);
  const log = await allActivity(call, id, owner);
  t.equal(new Set(final).size, final.length, 'no item twice');
  t.same(new Set(final), new Set([...added].filter((item) => !removed.has(item))), 'every accepted add is there unless an accepted remove took it');
  t.same(replayActivity(log), final, 'replaying the activity log in order gives the final order');
  const logged = log.slice(before);
  const changes = logged.filter((row) => row.type.startsWith('item'));
  t.equal(changes.length, accepted, `each of the ${accepted} accepted edits is logged once, and nothing else`);
  t.same(
    logged.map((row) => row.seq),
    logged.map((_, i) => before + i + 1),
    'seq is gapless',
  );
  const changedSnapshots = new Set(changes.map((row) => row.snapshot_id));
  t.equal(changedSnapshots.size, changes.length, 'every change made its own snapshot');
  t.same(new Set(snapshots), changedSnapshots, 'and answered it');
  const playlist = await call('GET', `/v1/playlists/${id}`, owner);
  t.equal(playlist.body.item_count, final.length, 'the item count kept up');
  t.equal(playlist.body.snapshot_id, log.at(-1)!.snapshot_id, 'the playlist is at the snapshot of its last change');
  t.ok(stale > 0, `${stale} position-based edits on a stale snapshot were refused with 412`);
  const unexpected = [...statuses.keys()].filter((label) => !/ (200|201|403|404|409|412)$/.test(label));
  t.same(unexpected, [], 'only expected answers');
  t.ok(
    [...statuses.keys()].some((label) => label.startsWith('remove contributor 403')),
    'contributors were refused removing others',
  );
  t.comment(JSON.stringify(Object.fromEntries([...statuses.entries()].sort())));
});
