import { sql } from 'kysely';
import type { Db } from '../connection.js';

/** Loves (1) and hates (-1) of tracks, and the saves rollup a love counts in. Writers pass their transaction as `db`. */
export const feedbackQueries = {
  /** The track's artist, or undefined when there is no such track. */
  trackArtist: (db: Db, trackId: string) => db.selectFrom('tracks').select(['id', 'artist_id']).where('id', '=', trackId).executeTakeFirst(),

  /** The listener's feedback on a track, its row locked until the transaction ends, so two changes take turns. */
  feedbackForUpdate: (db: Db, userId: string, trackId: string) =>
    db.selectFrom('listen_feedback').select(['score', 'day']).where('user_id', '=', userId).where('track_id', '=', trackId).forUpdate().executeTakeFirst(),

  /** Records a love or hate, replacing the listener's earlier one on the track. */
  saveFeedback: (db: Db, row: { user_id: string; track_id: string; score: 1 | -1; day: string }, now: Date) =>
    db
      .insertInto('listen_feedback')
      .values(row)
      .onConflict((oc) => oc.columns(['user_id', 'track_id']).doUpdateSet({ score: row.score, day: row.day, updated_at: now }))
      .execute(),

  clearFeedback: (db: Db, userId: string, trackId: string) =>
    db.deleteFrom('listen_feedback').where('user_id', '=', userId).where('track_id', '=', trackId).execute(),

  /** Every feedback of a listener, for their data export. */
  feedbackOf: (db: Db, userId: string) => db.selectFrom('listen_feedback').select(['track_id', 'score', 'updated_at']).where('user_id', '=', userId).execute(),

  /** The tracks a listener loves, with their artist and the day each love counts a save on. */
  lovedTracks: (db: Db, userId: string) =>
    db
      .selectFrom('listen_feedback as f')
      .innerJoin('tracks as t', 't.id', 'f.track_id')
      .select(['f.track_id', 't.artist_id', 'f.day'])
      .where('f.user_id', '=', userId)
      .where('f.score', '=', 1)
      .execute(),

  /** Adds `delta` saves to a track's and its artist's day. */
  async adjustSaves(db: Db, trackId: string, artistId: string, day: string, delta: number): Promise<void> {
    await sql`
      INSERT INTO track_daily AS r (track_id, day, artist_id, saves) VALUES (${trackId}, ${day}, ${artistId}, ${delta})
      ON CONFLICT (track_id, day) DO UPDATE SET saves = r.saves + excluded.saves`.execute(db);
    await sql`
      INSERT INTO artist_daily AS r (artist_id, day, saves) VALUES (${artistId}, ${day}, ${delta})
      ON CONFLICT (artist_id, day) DO UPDATE SET saves = r.saves + excluded.saves`.execute(db);
  },
};
