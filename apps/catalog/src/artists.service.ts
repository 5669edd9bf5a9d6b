import { type ArtistRow, catalogQueries, type Db, foldText, uuidv7 } from '@chorus/db';
import { problems } from '@chorus/service-kit';
import { type Caller, requireArtistRole } from './access.service.js';
import type { Artist, ArtistDetail, CreateArtistInput, UpdateArtistInput } from './catalog.schemas.js';
import { clean, cleanGenres } from './input.js';

/** How releases, tracks and search results name their artist. */
export const artistRef = (id: string, name: string, verifiedAt: Date | null) => ({ id, name, verified: verifiedAt !== null });

export function toArtist(row: ArtistRow): Artist {
  return {
    id: row.id,
    name: row.name,
    verified: row.verified_at !== null,
    bio: row.bio,
    country: row.country,
    genres: row.genres,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** Creates an artist; its creator becomes the team's first admin in the same transaction. */
export async function createArtist(db: Db, caller: Caller, input: CreateArtistInput): Promise<Artist> {
  const name = clean(input.name);
  return db.transaction().execute(async (trx) => {
    const row = await catalogQueries.insertArtist(trx, {
      id: uuidv7(),
      name,
      name_folded: foldText(name),
      bio: clean(input.bio) ?? null,
      country: input.country ?? null,
      genres: cleanGenres(input.genres ?? []),
    });
    await catalogQueries.insertMember(trx, { artist_id: row.id, user_id: caller.userId, role: 'admin' });
    return toArtist(row);
  });
}

/** A public artist profile with a summary of its releases, newest first. */
export async function getArtist(db: Db, id: string): Promise<ArtistDetail> {
  const row = await catalogQueries.artistById(db, id);
  if (!row) throw problems.notFound('artist', 'artist_not_found');
  const releases = await catalogQueries.releasesOfArtist(db, id);
  return { ...toArtist(row), releases };
}

/** Edits the profile (editors and admins). */
export async function updateArtist(db: Db, caller: Caller, id: string, input: UpdateArtistInput): Promise<ArtistDetail> {
  await requireArtistRole(db, caller, id, 'editor');
  const patch: Parameters<typeof catalogQueries.updateArtist>[2] = {};
  if (input.name !== undefined) {
    patch.name = clean(input.name);
    patch.name_folded = foldText(patch.name);
  }
  if (input.bio !== undefined) patch.bio = clean(input.bio);
  if (input.country !== undefined) patch.country = input.country;
  if (input.genres !== undefined) patch.genres = cleanGenres(input.genres);
  const row = await catalogQueries.updateArtist(db, id, patch);
  if (!row) throw problems.notFound('artist', 'artist_not_found');
  return getArtist(db, id);
}

/** Marks an artist verified or not (platform admins; the route guards the role). */
export async function setArtistVerified(db: Db, id: string, verified: boolean): Promise<Artist> {
  const row = await catalogQueries.setVerified(db, id, verified);
  if (!row) throw problems.notFound('artist', 'artist_not_found');
  return toArtist(row);
}
