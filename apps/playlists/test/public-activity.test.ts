import { createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { api, createPlaylist, createTracks, playlistsApp } from './factories.js';
import { subscribe } from './sse-client.js';

const INVITE_FIELDS = /invite|token|expires/;

t.test("a public playlist's activity shows strangers no invitations and no user ids; collaborators see it all", async (t) => {
  const { app, deps } = await playlistsApp(t, { eventHeartbeatMs: 200 });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const call = api(app);
  const owner = await createUser(deps, { display_name: 'Olive Owner' });
  const editor = await createUser(deps, { display_name: 'Eddie Editor' });
  const joiner = await createUser(deps);
  const stranger = await createUser(deps);
  const handleOf = async (id: string) => (await deps.db.selectFrom('users').select('handle').where('id', '=', id).executeTakeFirstOrThrow()).handle;
  const tracks = await createTracks(deps.db, 2);
  const id = await createPlaylist(call, owner, { visibility: 'public' });

  // Watching live from before the changes: anonymously, and as a collaborator.
  const anonymousLive = await subscribe(`${address}/v1/playlists/${id}/events`);
  const ownerLive = await subscribe(`${address}/v1/playlists/${id}/events`, owner.auth);

  await call('POST', `/v1/playlists/${id}/collaborators`, owner, { user_id: editor.id, role: 'editor' });
  const invite = await call('POST', `/v1/playlists/${id}/invites`, owner, { role: 'contributor', max_uses: 3 });
  t.equal(invite.status, 201);
  await call('POST', `/v1/playlist-invites/${invite.body.token}/accept`, joiner);
  await call('POST', `/v1/playlists/${id}/items`, editor, { track_ids: tracks });
  await call('DELETE', `/v1/playlists/${id}/invites/${invite.body.id}`, owner);
  await call('PATCH', `/v1/playlists/${id}/collaborators/${editor.id}`, owner, { role: 'owner' });

  const full = await call('GET', `/v1/playlists/${id}/activity?limit=100`, editor);
  t.same(
    full.body.items.map((a: { type: string }) => a.type),
    ['playlist_created', 'collaborator_added', 'invite_created', 'collaborator_added', 'items_added', 'invite_revoked', 'ownership_transferred'],
    'a collaborator sees every change',
  );
  t.equal(full.body.items[2].payload.invite_id, invite.body.id, 'with invitation details');
  t.equal(full.body.items[3].payload.invite_id, invite.body.id);
  t.equal(full.body.items[4].actor_id, editor.id, 'and user ids');

  for (const [who, user] of [
    ['anonymous', null],
    ['a stranger', stranger],
  ] as const) {
    const seen = await call('GET', `/v1/playlists/${id}/activity?limit=100`, user);
    t.equal(seen.status, 200);
    const items = seen.body.items as Array<{ type: string; actor_id: string | null; actor: unknown; payload: Record<string, unknown> }>;
    t.same(
      items.map((a) => a.type),
      ['playlist_created', 'collaborator_added', 'collaborator_added', 'items_added', 'ownership_transferred'],
      `${who}: no invitation events`,
    );
    const text = JSON.stringify(items);
    for (const person of [owner, editor, joiner]) t.notOk(text.includes(person.id), `${who}: no user id of theirs`);
    t.notOk(text.includes(invite.body.id), `${who}: no invitation id`);
    t.notOk(
      items.some((a) => Object.keys(a.payload).some((k) => INVITE_FIELDS.test(k))),
      `${who}: no invitation fields`,
    );
    t.ok(
      items.every((a) => a.actor_id === null),
      `${who}: actors are not ids`,
    );
    t.same(items[0]!.actor, { handle: await handleOf(owner.id), display_name: 'Olive Owner' }, `${who}: actors by handle and display name`);
    t.same(items[1]!.payload, { user: { handle: await handleOf(editor.id), display_name: 'Eddie Editor' }, role: 'editor' }, `${who}: who joined, by handle`);
    t.same(items[2]!.payload, {
      user: {
        handle: await handleOf(joiner.id),
        display_name: (await deps.db.selectFrom('users').select('display_name').where('id', '=', joiner.id).executeTakeFirstOrThrow()).display_name,
      },
      role: 'contributor',
    });
    t.match(items[4]!.payload, { from: { handle: await handleOf(owner.id) }, to: { handle: await handleOf(editor.id) } });
  }

  // Live: the same split.
  await anonymousLive.waitFor(() => anonymousLive.events.length >= 4);
  await ownerLive.waitFor(() => ownerLive.events.length >= 6);
  t.same(
    anonymousLive.events.map((e) => e.event),
    ['collaborator_added', 'collaborator_added', 'items_added', 'ownership_transferred'],
    'the live stream leaves invitations out for visitors',
  );
  const liveText = JSON.stringify(anonymousLive.events);
  for (const person of [owner, editor, joiner]) t.notOk(liveText.includes(person.id), 'no user ids live either');
  t.notOk(liveText.includes(invite.body.id), 'no invitation id live');
  t.notOk(liveText.includes('people'), 'nor the lookup the writer attached');
  t.same(
    ownerLive.events.map((e) => e.event),
    ['collaborator_added', 'invite_created', 'collaborator_added', 'items_added', 'invite_revoked', 'ownership_transferred'],
    'a collaborator watching sees it all',
  );
  t.equal(ownerLive.events[0]!.data.payload.user_id, editor.id);

  // Catching up by Last-Event-ID gives the same public view.
  const replay = await subscribe(`${address}/v1/playlists/${id}/events`, { 'last-event-id': '1' });
  await replay.waitFor(() => replay.events.length >= 4);
  t.same(
    replay.events.map((e) => e.event),
    ['collaborator_added', 'collaborator_added', 'items_added', 'ownership_transferred'],
  );
  t.notOk(JSON.stringify(replay.events).includes(owner.id));
  for (const s of [anonymousLive, ownerLive, replay]) s.close();
});
