import type { Db } from '../connection.js';

const HISTORY_COLUMNS = [
  'l.listened_at',
  'l.track_key',
  'l.ms_played',
  'l.is_stream',
  'l.track_id',
  'l.artist_name',
  'l.track_name',
  'l.release_name',
  'l.isrc',
  'l.context_type',
  'l.context_id',
  'l.platform',
  'l.client',
  't.title as track_title',
  'a.id as track_artist_id',
  'a.name as track_artist_name',
] as const;

function historyQuery(db: Db, userId: string) {
  return db
    .selectFrom('listens as l')
    .leftJoin('tracks as t', 't.id', 'l.track_id')
    .leftJoin('artists as a', 'a.id', 't.artist_id')
    .select(HISTORY_COLUMNS)
    .where('l.user_id', '=', userId);
}

/** One listen of a listener's history, with the catalog track and artist it matched (null while unmatched). */
export type HistoryRow = Awaited<ReturnType<ReturnType<typeof historyQuery>['execute']>>[number];

/** What a listener holds, as they read, export and delete it themselves. */
export const listenerQueries = {
  /** The profile fields ingestion stamps on each listen; undefined when the account is gone. */
  listenerProfile: (db: Db, userId: string) => db.selectFrom('users').select(['country', 'birth_year', 'gender']).where('id', '=', userId).executeTakeFirst(),

  /**
   * Up to `limit` of a listener's listens, newest first, by keyset on (listened_at, track_key): those before
   * `before` when given, only the unmatched ones when asked.
   */
  history: (db: Db, userId: string, page: { limit: number; before?: readonly [Date, string] | undefined; unmatchedOnly?: boolean | undefined }) => {
    let q = historyQuery(db, userId);
    if (page.unmatchedOnly) q = q.where('l.track_id', 'is', null);
    const before = page.before;
    if (before) q = q.where((eb) => eb(eb.refTuple('l.listened_at', 'l.track_key'), '<', eb.tuple(before[0], before[1])));
    return q.orderBy('l.listened_at', 'desc').orderBy('l.track_key', 'desc').limit(page.limit).execute();
  },

  /** The account as a data export shows it. */
  exportProfile: (db: Db, userId: string) =>
    db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'country', 'birth_year', 'gender', 'roles', 'created_at'])
      .where('id', '=', userId)
      .executeTakeFirst(),

  /** Every personal token of a listener, revoked ones too, for their data export. */
  personalTokensOf: (db: Db, userId: string) =>
    db.selectFrom('personal_tokens').select(['id', 'name', 'prefix', 'created_at', 'revoked_at']).where('user_id', '=', userId).execute(),

  /** Deletes the account; the foreign keys delete what is the account's and unlink what others keep. */
  deleteUser: (db: Db, userId: string) => db.deleteFrom('users').where('id', '=', userId).execute(),
};
