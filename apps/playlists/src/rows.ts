import type { playlistsQueries } from '@chorus/db';

// Row shapes as the data layer answers them, named once for the service code.
type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export type LockedPlaylist = NonNullable<Answer<typeof playlistsQueries.lockPlaylist>>;
export type PlaylistViewRow = NonNullable<Answer<typeof playlistsQueries.playlistView>>;
export type ItemRow = Answer<typeof playlistsQueries.itemsInOrder>[number];
export type InviteRow = NonNullable<Answer<typeof playlistsQueries.invite>>;
export type ActivityRow = Answer<typeof playlistsQueries.activity>[number];
export type CollaboratorRow = Answer<typeof playlistsQueries.collaborators>[number];
