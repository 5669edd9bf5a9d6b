import { randomInt } from 'node:crypto';
import { type Db, foldText, uuidv7 } from '@chorus/db';

/** A track as the fixtures insert it, with what tests match listens by (id, ISRC, names). */
export interface CatalogTrack {
  id: string;
  artist_id: string;
  artist_name: string;
  title: string;
  isrc: string;
  duration_ms: number;
  release_title: string;
}

/** A fresh, valid ISRC in a registrant code no real label uses. */
export function isrc(): string {
  return `QZ${randomInt(0, 36 ** 3)
    .toString(36)
    .toUpperCase()
    .padStart(3, '0')}${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

/** An artist with one release ("<name> LP") and the given tracks, inserted straight into the catalog. */
export async function createArtist(db: Db, name: string, titles: string[] = []): Promise<{ id: string; name: string; tracks: CatalogTrack[] }> {
  const id = uuidv7();
  await db
    .insertInto('artists')
    .values({ id, name, name_folded: foldText(name), bio: null, country: null, genres: [] })
    .execute();
  const releaseId = uuidv7();
  const releaseTitle = `${name} LP`;
  await db
    .insertInto('releases')
    .values({ id: releaseId, artist_id: id, title: releaseTitle, title_folded: foldText(releaseTitle), type: 'album', release_date: '2026-01-01' })
    .execute();
  const tracks: CatalogTrack[] = [];
  for (const [i, title] of titles.entries()) {
    const track = { id: uuidv7(), artist_id: id, artist_name: name, title, isrc: isrc(), duration_ms: 200_000, release_title: releaseTitle };
    await db
      .insertInto('tracks')
      .values({
        id: track.id,
        release_id: releaseId,
        artist_id: id,
        title,
        title_folded: foldText(title),
        isrc: track.isrc,
        duration_ms: track.duration_ms,
        release_date: '2026-01-01',
        track_number: i + 1,
      })
      .execute();
    tracks.push(track);
  }
  return { id, name, tracks };
}

/** Several artists (see createArtist); their tracks in order. */
export async function createCatalog(db: Db, artists: Array<{ name: string; tracks: string[] }>): Promise<CatalogTrack[]> {
  const out: CatalogTrack[] = [];
  for (const a of artists) out.push(...(await createArtist(db, a.name, a.tracks)).tracks);
  return out;
}
