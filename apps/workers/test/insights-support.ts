import type { Db } from '@chorus/db';

/** Stored insights of an artist, oldest first. */
export function insightsOf(db: Db, artistId: string) {
  return db.selectFrom('insights').selectAll().where('artist_id', '=', artistId).orderBy('created_at').orderBy('id').execute();
}
