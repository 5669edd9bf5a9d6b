import type { Route } from '../../routes.js';
import { Account } from './Account.js';
import { InvitePreview } from './InvitePreview.js';
import { PlaylistEditor } from './PlaylistEditor.js';
import { Playlists } from './Playlists.js';

export const listenerRoutes: Route[] = [
  { path: '/playlists', page: Playlists },
  { path: '/playlists/:id', page: PlaylistEditor },
  { path: '/invites/:token', page: InvitePreview },
  { path: '/account', page: Account },
];
