import { named, Page, PageQuery, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, type TProperties, type TSchema, Type } from 'typebox';
import { SNAPSHOT_PATTERN } from './snapshot.js';

export const MAX_ITEMS = 10_000;
export const MAX_TRACKS_PER_CALL = 100;
export const MAX_COLLABORATORS = 100;

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const closed = <T extends TProperties>(properties: T, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });

export const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Trimmed; 1 to 200 characters.' });
export const Description = Type.String({ maxLength: 2000, description: 'Up to 2000 characters; empty clears it.' });
export const Visibility = Type.Enum(['private', 'public'], {
  description: 'private: only collaborators see it (everyone else gets 404); public: anyone can read it, even without a token.',
});
export const Role = Type.Enum(['owner', 'editor', 'contributor', 'viewer'], {
  description: 'owner: everything; editor: add, remove, reorder, vote; contributor: add and vote, remove only what they added; viewer: read and vote.',
});
export const MemberRole = Type.Enum(['editor', 'contributor', 'viewer']);
export const PersonSchema = Type.Object(
  { handle: Type.String({ description: 'The public, URL-safe handle.' }), display_name: Type.String() },
  { description: 'A person as shown to those who may not see user ids.' },
);
export type Person = Static<typeof PersonSchema>;
export const SnapshotId = Type.String({ description: 'The playlist version; also sent as the ETag. Send it back in If-Match on position-based changes.' });
const SnapshotInput = Type.String({
  pattern: SNAPSHOT_PATTERN,
  maxLength: 40,
  description: 'The snapshot the change is meant for (as Spotify takes it; or send If-Match): another one answers 412.',
});
const Position = Type.Integer({ minimum: 0, maximum: MAX_ITEMS, description: '0-based index in the playlist.' });
const TrackIds = Type.Array(Uuid, { minItems: 1, maxItems: MAX_TRACKS_PER_CALL, description: 'Catalog track ids, at most 100.' });
const ItemIds = Type.Array(Uuid, { minItems: 1, maxItems: MAX_TRACKS_PER_CALL, description: 'Item ids, at most 100.' });

export const NotModified = Type.Null({ description: 'Not Modified: the If-None-Match named the current ETag; no body.' });

// Params ------------------------------------------------------------------------------------------------------

export const PlaylistParams = closed({ id: Uuid });
export const ItemParams = closed({ id: Uuid, item_id: Uuid });
export const CollaboratorParams = closed({ id: Uuid, user_id: Uuid });
export const InviteParams = closed({ id: Uuid, invite_id: Uuid });
export const TokenParams = closed({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', description: 'The token from the invitation link.' }) });

// Headers are open objects: every other header is allowed.
export const CreateHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 255, description: 'The same key from the same user within 24 h answers the first result again.' }),
  ),
});
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      maxLength: 1024,
      description:
        'The snapshot the client saw ("*" or entity tags: the snapshot_id, or an ETag this API gave); a change on another snapshot answers 412, a header that names no snapshot 400 invalid_if_match.',
    }),
  ),
});
export const LastEventHeaders = Type.Object({
  'last-event-id': Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'The activity seq of the last event received.' })),
});

// Playlists ---------------------------------------------------------------------------------------------------

export const CreatePlaylistBody = named(
  'CreatePlaylist',
  closed({
    name: Name,
    description: Type.Optional(Description),
    visibility: Type.Optional(Visibility),
    collaborative: Type.Optional(Type.Boolean({ description: 'Marks a co-curated playlist; default false.' })),
  }),
);

export const UpdatePlaylistBody = named(
  'UpdatePlaylist',
  Type.Object(
    {
      name: Type.Optional(Name),
      description: Type.Optional(Description),
      visibility: Type.Optional(Visibility),
      collaborative: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false, minProperties: 1 },
  ),
);

export const PlaylistSchema = named(
  'Playlist',
  Type.Object({
    id: Uuid,
    name: Type.String(),
    description: nullable(Type.String()),
    visibility: Visibility,
    collaborative: Type.Boolean(),
    owner_id: Uuid,
    snapshot_id: SnapshotId,
    item_count: Type.Integer(),
    collaborator_count: Type.Integer(),
    follower_count: Type.Integer(),
    your_role: nullable(Role),
    following: Type.Boolean({ description: 'Whether the caller follows it.' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  }),
);
export type Playlist = Static<typeof PlaylistSchema>;

export const Relation = Type.Enum(['owned', 'collaborating', 'followed']);
export const MyPlaylistSchema = named('MyPlaylist', Type.Object({ ...PlaylistSchema.properties, relation: Relation }));
export type MyPlaylist = Static<typeof MyPlaylistSchema>;
export const MyPlaylistsQuery = closed({ ...PageQuery.properties, relation: Type.Optional(Relation) });
export const MyPlaylistPage = named('MyPlaylistPage', Page(MyPlaylistSchema));

// Collaborators and invites -----------------------------------------------------------------------------------

export const CollaboratorSchema = named(
  'Collaborator',
  Type.Object({
    user_id: Uuid,
    display_name: Type.String(),
    role: Role,
    added_at: Timestamp,
    contributions: Type.Object({
      items_added: Type.Integer(),
      items_removed: Type.Integer(),
      moves: Type.Integer(),
      votes: Type.Integer(),
    }),
  }),
);
export type Collaborator = Static<typeof CollaboratorSchema>;
export const CollaboratorPage = named('CollaboratorPage', Page(CollaboratorSchema));

export const Handle = Type.String({
  minLength: 2,
  maxLength: 32,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$',
  description: "A person's public handle (letter case does not matter).",
});
export const AddCollaboratorBody = named(
  'AddCollaborator',
  closed(
    {
      user_id: Type.Optional(Uuid),
      handle: Type.Optional(Handle),
      role: MemberRole,
      expires_in_seconds: Type.Optional(
        Type.Integer({
          minimum: 60,
          maximum: 30 * 86_400,
          description: 'With handle: how long the invitation stands, from 1 minute to 30 days; default 7 days.',
        }),
      ),
    },
    'Exactly one of user_id (added at once, as before) and handle (invited: they join when they accept).',
  ),
);
export const ChangeCollaboratorBody = named('ChangeCollaborator', closed({ role: Role }));

export const CreateInviteBody = named(
  'CreatePlaylistInvite',
  closed({
    role: MemberRole,
    expires_in_seconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 30 * 86_400, description: 'From 1 minute to 30 days; default 7 days.' })),
    max_uses: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Default: no limit until it expires.' })),
  }),
);

export const InviteSchema = named(
  'PlaylistInvite',
  Type.Object({
    id: Uuid,
    kind: Type.Enum(['link', 'personal'], { description: 'link: anyone with its token may accept it; personal: only the person invited.' }),
    invitee: nullable(
      Type.Object({ user_id: Uuid, handle: Type.String(), display_name: Type.String() }, { description: 'The person a personal invitation is for.' }),
    ),
    role: MemberRole,
    max_uses: nullable(Type.Integer()),
    uses: Type.Integer(),
    expires_at: Timestamp,
    revoked_at: nullable(Timestamp),
    created_at: Timestamp,
    status: Type.Enum(['active', 'expired', 'revoked', 'used_up', 'accepted', 'declined']),
  }),
);
export type Invite = Static<typeof InviteSchema>;
export const CreatedInviteSchema = named(
  'PlaylistInviteCreated',
  Type.Object({
    ...InviteSchema.properties,
    token: Type.String({ description: 'Shown once; only a hash is kept.' }),
    accept_path: Type.String(),
  }),
);
export const InvitePage = named('PlaylistInvitePage', Page(InviteSchema));
export const AcceptedSchema = named('PlaylistInviteAccepted', Type.Object({ playlist_id: Uuid, role: Role, already_member: Type.Boolean() }));

export const InvitePreviewSchema = named(
  'PlaylistInvitePreview',
  Type.Object(
    {
      playlist: Type.Object({ id: Uuid, name: Type.String(), description: nullable(Type.String()), item_count: Type.Integer() }),
      owner: PersonSchema,
      role: MemberRole,
      expires_at: Timestamp,
    },
    { description: 'What accepting the invitation would give: the playlist, who owns it, the role offered, until when.' },
  ),
);

export const MyInvitationSchema = named(
  'MyPlaylistInvitation',
  Type.Object({
    id: Uuid,
    playlist: Type.Object({ id: Uuid, name: Type.String() }),
    owner: PersonSchema,
    invited_by: nullable(PersonSchema),
    role: MemberRole,
    expires_at: Timestamp,
    created_at: Timestamp,
  }),
);
export type MyInvitation = Static<typeof MyInvitationSchema>;
export const MyInvitationPage = named('MyPlaylistInvitationPage', Page(MyInvitationSchema));
export const MyInvitationParams = closed({ id: Uuid });

// Items -------------------------------------------------------------------------------------------------------

export const ItemSchema = named(
  'PlaylistItem',
  Type.Object({
    item_id: Uuid,
    track_id: Uuid,
    position: Type.Integer({ description: '0-based index in the playlist at this snapshot.' }),
    added_by: nullable(Uuid),
    added_at: Timestamp,
    net_votes: Type.Integer(),
    track: Type.Object(
      {
        title: Type.String(),
        artist_id: Uuid,
        artists: Type.Array(Type.Object({ id: Uuid, name: Type.String() }), { description: 'The main artist first, then artists credited as featured.' }),
        duration_ms: Type.Integer(),
        release: Type.Object({ id: Uuid, title: Type.String() }),
      },
      { description: 'What a client shows of the track, so a page of items renders without further calls.' },
    ),
  }),
);
export type Item = Static<typeof ItemSchema>;

export const ItemsQuery = closed({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 512, description: 'Opaque; from a previous answer.' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ITEMS, description: 'Instead of a cursor: start at this position.' })),
  sort: Type.Optional(Type.Enum(['position', 'votes'], { description: 'position (default): playlist order; votes: by net votes.' })),
});
export const ItemPage = named(
  'PlaylistItemPage',
  Type.Object({
    items: Type.Array(ItemSchema),
    next_cursor: nullable(Type.String()),
    total: Type.Integer(),
    snapshot_id: SnapshotId,
  }),
);

export const AddItemsBody = named(
  'AddPlaylistItems',
  closed({
    track_ids: TrackIds,
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ITEMS, description: 'Insert at this index (position-based: honours If-Match).' })),
    after_item_id: Type.Optional(Uuid),
  }),
);
const PlacedItem = Type.Object({ item_id: Uuid, track_id: Uuid, position: Type.Integer() });
export const AddedSchema = named('PlaylistItemsAdded', Type.Object({ snapshot_id: SnapshotId, items: Type.Array(PlacedItem) }));

export const UpdateItemsBody = named(
  'ReplacePlaylistItems',
  closed(
    {
      range_start: Type.Optional(Position),
      insert_before: Type.Optional(Position),
      range_length: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ITEMS, description: 'Default 1.' })),
      track_ids: Type.Optional(Type.Array(Uuid, { maxItems: MAX_TRACKS_PER_CALL, description: 'Replace the whole list; [] clears it.' })),
      snapshot_id: Type.Optional(SnapshotInput),
    },
    'Either a reorder (range_start, insert_before, range_length) or a replace (track_ids).',
  ),
);
export const SnapshotSchema = named('PlaylistSnapshot', Type.Object({ snapshot_id: SnapshotId }));

export const MoveItemBody = named(
  'MovePlaylistItem',
  closed({ before_item_id: Type.Optional(Uuid), after_item_id: Type.Optional(Uuid) }, 'Exactly one of before_item_id and after_item_id.'),
);
export const MovedSchema = named('PlaylistItemMoved', Type.Object({ snapshot_id: SnapshotId, item_id: Uuid, position: Type.Integer() }));

export const RemoveItemsBody = named(
  'RemovePlaylistItems',
  closed(
    { item_ids: Type.Optional(ItemIds), track_ids: Type.Optional(TrackIds), snapshot_id: Type.Optional(SnapshotInput) },
    'Exactly one of item_ids (those items) and track_ids (every occurrence of those tracks); with snapshot_id (or If-Match) only if that snapshot is current.',
  ),
);
export const RemovedSchema = named('PlaylistItemsRemoved', Type.Object({ snapshot_id: SnapshotId, removed: Type.Array(Uuid) }));

export const VoteBody = named('Vote', closed({ direction: Type.Enum(['up', 'down']) }));
export const VoteSchema = named(
  'PlaylistItemVotes',
  Type.Object({
    snapshot_id: SnapshotId,
    item_id: Uuid,
    direction: nullable(Type.Enum(['up', 'down'])),
    net_votes: Type.Integer(),
  }),
);

// Activity, events, suggestions -------------------------------------------------------------------------------

export const ActivitySchema = named(
  'PlaylistActivity',
  Type.Object(
    {
      seq: Type.Integer(),
      type: Type.String(),
      actor_id: nullable(Uuid),
      actor: Type.Optional(nullable(PersonSchema)),
      snapshot_id: SnapshotId,
      payload: Type.Unknown({ description: 'The operation: item ids and the positions they ended at.' }),
      created_at: Timestamp,
    },
    {
      description:
        'Collaborators see every change with user ids. Anyone else (a public playlist) sees no invitation events and no invitation ids, and people by handle and display name: actor_id is null and `actor` names who acted; user ids in payloads become `user`, `from` and `to` persons (null when no longer known).',
    },
  ),
);
export type Activity = Static<typeof ActivitySchema>;
export const ActivityQuery = closed({ ...PageQuery.properties, order: Type.Optional(Type.Enum(['asc', 'desc'])) });
export const ActivityPage = named('PlaylistActivityPage', Page(ActivitySchema));

export const SuggestionsQuery = closed({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })) });
export const SuggestionSchema = named(
  'PlaylistSuggestion',
  Type.Object({
    track_id: Uuid,
    title: Type.String(),
    artist_id: Uuid,
    score: Type.Integer(),
    reason: Type.Enum(['co_listened', 'same_artist']),
  }),
);
export type Suggestion = Static<typeof SuggestionSchema>;
export const SuggestionList = named('PlaylistSuggestionList', Type.Object({ items: Type.Array(SuggestionSchema) }));
