import type { ComponentChildren } from 'preact';
import { useMyArtists } from '../../api.js';
import { hasRole, useSession } from '../../session.js';
import { ArtistLayout } from './ArtistLayout.js';

/** An artist page in ArtistLayout, its content under `.artist-page`, to which this folder's styles are scoped. */
export function ArtistPage(props: { id: string; title: string; actions?: ComponentChildren; children: ComponentChildren }) {
  return (
    <ArtistLayout {...props}>
      <div class="artist-page">{props.children}</div>
    </ArtistLayout>
  );
}

export type TeamRole = 'admin' | 'editor' | 'reader';

export const ROLES: Array<{ value: TeamRole; label: string; can: string }> = [
  { value: 'admin', label: 'Admin', can: 'manages the team, its webhooks and everything editors do' },
  { value: 'editor', label: 'Editor', can: "edits the artist's profile and catalog" },
  { value: 'reader', label: 'Reader', can: "reads the team's statistics and insights" },
];

export function roleLabel(role: TeamRole): string {
  return ROLES.find((r) => r.value === role)?.label ?? role;
}

/**
 * The caller's standing on an artist's team (GET /v1/me/artists, cached under the same key as the home page):
 * team admins and platform admins manage the team and its webhooks.
 */
export function useTeamRole(id: string): { role: TeamRole | null; canManage: boolean; known: boolean; platformAdmin: boolean } {
  const { user } = useSession();
  const mine = useMyArtists();
  const role = mine.data?.items.find((a) => a.id === id)?.role ?? null;
  const platformAdmin = hasRole(user, 'platform_admin');
  return { role, canManage: platformAdmin || role === 'admin', known: mine.data !== undefined, platformAdmin };
}
