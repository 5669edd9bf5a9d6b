import { catalogQueries, type Db, foldText, uuidv7 } from '@chorus/db';
import { problems } from '@chorus/service-kit';
import { type Caller, requireArtistRole } from './access.service.js';
import { artistRef } from './artists.service.js';
import type { CreateReleaseInput, Release } from './catalog.schemas.js';
import { clean } from './input.js';

/** Adds a release to an artist's catalog (editors and admins). */
export async function createRelease(db: Db, caller: Caller, artistId: string, input: CreateReleaseInput): Promise<Release> {
  await requireArtistRole(db, caller, artistId, 'editor');
  const title = clean(input.title);
  const row = await catalogQueries.insertRelease(db, {
    id: uuidv7(),
    artist_id: artistId,
    title,
    title_folded: foldText(title),
    type: input.type,
    release_date: input.release_date ?? null,
  });
  return getRelease(db, row.id);
}

/** A public release with its artist and its tracks in track_number order. */
export async function getRelease(db: Db, id: string): Promise<Release> {
  const row = await catalogQueries.releaseById(db, id);
  if (!row) throw problems.notFound('release', 'release_not_found');
  const tracks = await catalogQueries.tracksOfRelease(db, id);
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    release_date: row.release_date,
    artist: artistRef(row.artist_id, row.artist_name, row.artist_verified_at),
    tracks,
    created_at: row.created_at.toISOString(),
  };
}
