import { type JobSystem, rematchListensJob } from '@chorus/jobs';
import { type CreditRole, catalogQueries, type Db, foldText, uuidv7 } from '@chorus/db';
import { problems } from '@chorus/service-kit';
import { type Caller, requireArtistRole } from './access.service.js';
import { artistRef } from './artists.service.js';
import type { CreateTrackInput, Track, UpdateTrackInput } from './catalog.schemas.js';
import { bodyError, clean } from './input.js';

type Credit = { artist_id: string; role: CreditRole };

/** Adds a track to a release (editors and admins of the release's artist). */
export async function createTrack(db: Db, caller: Caller, releaseId: string, input: CreateTrackInput): Promise<Track> {
  const release = await catalogQueries.releaseById(db, releaseId);
  if (!release) throw problems.notFound('release', 'release_not_found');
  await requireArtistRole(db, caller, release.artist_id, 'editor');
  const credits = await checkCredits(db, input.credits ?? []);
  const title = clean(input.title);
  const id = uuidv7();
  const isrc = input.isrc?.toUpperCase() ?? null;
  await withIsrcConflict(db, isrc, () =>
    db.transaction().execute(async (trx) => {
      // Under the release's row lock, so concurrent creates take distinct default numbers.
      const locked = await catalogQueries.lockRelease(trx, releaseId);
      if (!locked) throw problems.notFound('release', 'release_not_found');
      let trackNumber = input.track_number;
      if (trackNumber === undefined) trackNumber = await catalogQueries.nextTrackNumber(trx, releaseId);
      else if (await catalogQueries.trackNumberTaken(trx, releaseId, trackNumber)) {
        throw problems.conflict('track_number_taken', `The release already has a track number ${trackNumber}.`);
      }
      await catalogQueries.insertTrack(trx, {
        id,
        release_id: releaseId,
        artist_id: locked.artist_id,
        title,
        title_folded: foldText(title),
        isrc,
        duration_ms: input.duration_ms,
        release_date: input.release_date ?? locked.release_date,
        track_number: trackNumber,
      });
      await catalogQueries.replaceCredits(trx, id, credits);
    }),
  );
  return getTrack(db, id);
}

/** A public track with its artist, release and credits. */
export async function getTrack(db: Db, id: string): Promise<Track> {
  const row = await catalogQueries.trackById(db, id);
  if (!row) throw problems.notFound('track', 'track_not_found');
  const credits = await catalogQueries.creditsOfTrack(db, id);
  return {
    id: row.id,
    title: row.title,
    isrc: row.isrc,
    duration_ms: row.duration_ms,
    release_date: row.release_date,
    track_number: row.track_number,
    artist: artistRef(row.artist_id, row.artist_name, row.artist_verified_at),
    release: { id: row.release_id, title: row.release_title },
    credits,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** Edits a track (editors and admins); given credits replace the whole list. */
export async function updateTrack(db: Db, caller: Caller, id: string, input: UpdateTrackInput): Promise<Track> {
  const track = await catalogQueries.trackById(db, id);
  if (!track) throw problems.notFound('track', 'track_not_found');
  await requireArtistRole(db, caller, track.artist_id, 'editor');
  const credits = input.credits === undefined ? undefined : await checkCredits(db, input.credits);
  const patch: Parameters<typeof catalogQueries.updateTrack>[2] = {};
  if (input.title !== undefined) {
    patch.title = clean(input.title);
    patch.title_folded = foldText(patch.title);
  }
  if (input.duration_ms !== undefined) patch.duration_ms = input.duration_ms;
  if (input.isrc !== undefined) patch.isrc = input.isrc?.toUpperCase() ?? null;
  if (input.release_date !== undefined) patch.release_date = input.release_date;
  await withIsrcConflict(db, patch.isrc ?? null, () =>
    db.transaction().execute(async (trx) => {
      const updated = await catalogQueries.updateTrack(trx, id, patch);
      if (updated.numUpdatedRows === 0n) throw problems.notFound('track', 'track_not_found');
      if (credits) await catalogQueries.replaceCredits(trx, id, credits);
    }),
  );
  return getTrack(db, id);
}

/** Refuses repeated credits and credits naming no artist, each with a pointer into the body. */
async function checkCredits(db: Db, credits: Credit[]): Promise<Credit[]> {
  const errors = [];
  const seen = new Set<string>();
  for (const [i, credit] of credits.entries()) {
    const key = `${credit.artist_id} ${credit.role}`;
    if (seen.has(key)) errors.push(bodyError(`/credits/${i}`, 'repeats an earlier credit (same artist and role)'));
    seen.add(key);
  }
  const known = await catalogQueries.existingArtistIds(db, [...new Set(credits.map((c) => c.artist_id))]);
  for (const [i, credit] of credits.entries()) {
    if (!known.has(credit.artist_id)) errors.push(bodyError(`/credits/${i}/artist_id`, 'names no artist'));
  }
  if (errors.length > 0) throw problems.validation(errors, 'Some credits are not valid.');
  return credits;
}

/**
 * Uniqueness is the index's job: checking first would race, so the violation itself is the answer. It says
 * what can be done: an ISRC held by a verified artist's track stays there (isrc_claimed); any other can be moved
 * by a platform admin to the track whose recording it really is.
 */
export async function withIsrcConflict<T>(db: Db, isrc: string | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const pg = error as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === 'tracks_isrc_key') {
      if (isrc !== null && (await catalogQueries.isrcHolderVerified(db, isrc))) throw isrcClaimed();
      throw problems.conflict(
        'isrc_taken',
        'Another track already has this ISRC; if the recording is yours, a platform admin can move the ISRC to your track.',
      );
    }
    throw error;
  }
}

export const isrcClaimed = () =>
  problems.conflict('isrc_claimed', "A verified artist's track holds this ISRC; only a platform admin can move it, and only to a verified artist's track.");

/**
 * Tells the workers a track is new or renamed, so listens kept unmatched under its name or ISRC start counting.
 * A failed enqueue is logged, not fatal: the track is committed and the next catalog change re-runs matching.
 */
export async function announceTracks(jobs: JobSystem, trackIds: string[], log: { warn(obj: object, msg: string): void }): Promise<void> {
  await jobs.enqueue(rematchListensJob, { trackIds }).catch((error: unknown) => log.warn({ err: error, trackIds }, 'could not queue re-matching'));
}
