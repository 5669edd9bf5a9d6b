import { type Selectable, sql } from 'kysely';
import type { Db } from '../connection.js';
import { uuidv7 } from '../ids.js';
import { webhooksQueries } from './webhooks.queries.js';
import type { ArtistForecastsTable, InsightKind, InsightSeverity, InsightsTable, InsightSubjectKind, StoredForecastPoint } from '../tables/insights.tables.js';

export type InsightRow = Selectable<InsightsTable>;
export type ForecastRow = Selectable<ArtistForecastsTable>;

/** An insight as a detector proposes it, before it is stored: a row without what storing adds. */
export type NewInsight = Omit<InsightRow, 'id' | 'artist_id' | 'created_at'>;

/** A milestone watermark: the last total seen for one subject and metric. */
export interface Watermark {
  subject_kind: InsightSubjectKind;
  subject_id: string;
  metric: string;
  value: number;
}

/** A stored insight as the API shows it: in the feed, and on the live channel when it is stored. */
export interface InsightView {
  id: string;
  artist_id: string;
  subject: { kind: InsightSubjectKind; id: string };
  type: InsightKind;
  severity: InsightSeverity;
  title: string;
  body: string;
  evidence: Record<string, unknown>;
  created_at: string;
}

export function insightView(row: InsightRow): InsightView {
  return {
    id: row.id,
    artist_id: row.artist_id,
    subject: { kind: row.subject_kind, id: row.subject_id },
    type: row.type,
    severity: row.severity,
    title: row.title,
    body: row.body,
    evidence: row.evidence,
    created_at: row.created_at.toISOString(),
  };
}

/** A feed entry with the caller's read state and the exact keyset position (microseconds survive as text). */
export interface FeedRow extends InsightRow {
  read: boolean;
  position_at: string;
}

export interface NewForecast {
  artist_id: string;
  as_of: string;
  method: string;
  level: number;
  points: StoredForecastPoint[];
  total: { value: number; lower: number; upper: number };
}

export interface RelatedRow {
  artist_id: string;
  related_artist_id: string;
  score: number;
  overlap: number;
}

/** Insight storage and the rollup reads the insight jobs need; every read is bounded by one artist or a day range. */
export const insightsQueries = {
  artistName: (db: Db, artistId: string) => db.selectFrom('artists').select(['id', 'name']).where('id', '=', artistId).executeTakeFirst(),

  /** The artist's daily streams over [from, to], zero-filled by generate_series so every day is present. */
  async artistStreamSeries(db: Db, artistId: string, from: string, to: string): Promise<Array<{ day: string; value: number }>> {
    const { rows } = await sql<{ day: string; value: number }>`
      SELECT to_char(d, 'YYYY-MM-DD') AS day, coalesce(a.streams, 0)::int8 AS value
      FROM generate_series(${from}::date, ${to}::date, interval '1 day') d
      LEFT JOIN artist_daily a ON a.artist_id = ${artistId} AND a.day = d::date
      ORDER BY d`.execute(db);
    return rows;
  },

  /** Streams (from the daily rollup) and distinct listeners (from the exact listener sets) of an artist up to and including a day. */
  async artistTotals(db: Db, artistId: string, upTo: string): Promise<{ streams: number; listeners: number }> {
    const { rows } = await sql<{ streams: number; listeners: number }>`
      SELECT (SELECT coalesce(sum(streams), 0)::int8 FROM artist_daily WHERE artist_id = ${artistId} AND day <= ${upTo}::date) AS streams,
             (SELECT count(DISTINCT user_id)::int8 FROM artist_day_listeners WHERE artist_id = ${artistId} AND day <= ${upTo}::date) AS listeners`.execute(db);
    return rows[0] ?? { streams: 0, listeners: 0 };
  },

  /**
   * What each day up to `upTo` added to the totals milestones watch, oldest first: the artist's streams, its new
   * listeners (counted on their first day), and each track's streams. For backfilling milestones over a history.
   */
  async milestoneIncrements(db: Db, artistId: string, upTo: string) {
    const { rows } = await sql<{ kind: 'artist' | 'track'; id: string; name: string; metric: 'streams' | 'listeners'; day: string; value: number }>`
      SELECT 'artist' AS kind, a.id, a.name, 'streams' AS metric, d.day::text AS day, d.streams::int8 AS value
      FROM artist_daily d JOIN artists a ON a.id = d.artist_id
      WHERE d.artist_id = ${artistId} AND d.day <= ${upTo}::date AND d.streams > 0
      UNION ALL
      SELECT 'artist', a.id, a.name, 'listeners', f.first_day::text, count(*)::int8
      FROM (SELECT user_id, min(day) AS first_day FROM artist_day_listeners WHERE artist_id = ${artistId} AND day <= ${upTo}::date GROUP BY user_id) f
      JOIN artists a ON a.id = ${artistId}
      GROUP BY a.id, a.name, f.first_day
      UNION ALL
      SELECT 'track', t.id, t.title, 'streams', d.day::text, d.streams::int8
      FROM track_daily d JOIN tracks t ON t.id = d.track_id
      WHERE d.artist_id = ${artistId} AND d.day <= ${upTo}::date AND d.streams > 0
      ORDER BY day`.execute(db);
    return rows;
  },

  /** All-time streams of an artist: cheap (one row per day), so a run can tell whether a batch landed meanwhile. */
  async artistStreams(db: Db, artistId: string): Promise<number> {
    const row = await db
      .selectFrom('artist_daily')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('streams'), eb.lit(0)).as('streams'))
      .where('artist_id', '=', artistId)
      .executeTakeFirst();
    return Number(row?.streams ?? 0);
  },

  /** Streams of each of the artist's tracks that has any, up to and including a day. */
  async trackTotals(db: Db, artistId: string, upTo: string): Promise<Array<{ track_id: string; title: string; streams: number }>> {
    const { rows } = await sql<{ track_id: string; title: string; streams: number }>`
      SELECT td.track_id, t.title, sum(td.streams)::int8 AS streams
      FROM track_daily td JOIN tracks t ON t.id = td.track_id
      WHERE td.artist_id = ${artistId} AND td.day <= ${upTo}::date
      GROUP BY td.track_id, t.title
      HAVING sum(td.streams) > 0`.execute(db);
    return rows;
  },

  /**
   * Per track of the artist: distinct playlists it was added to in [currentFrom, to) and [previousFrom, currentFrom),
   * and how many of those are collaborative. Reads playlist_items through its (track_id, added_at) index.
   */
  async playlistAdds(db: Db, artistId: string, previousFrom: Date, currentFrom: Date, to: Date) {
    const { rows } = await sql<{
      track_id: string;
      title: string;
      current_total: number;
      current_collaborative: number;
      previous_total: number;
      previous_collaborative: number;
    }>`
      SELECT t.id AS track_id, t.title,
             count(DISTINCT pi.playlist_id) FILTER (WHERE pi.added_at >= ${currentFrom})::int AS current_total,
             count(DISTINCT pi.playlist_id) FILTER (WHERE pi.added_at >= ${currentFrom} AND p.collaborative)::int AS current_collaborative,
             count(DISTINCT pi.playlist_id) FILTER (WHERE pi.added_at < ${currentFrom})::int AS previous_total,
             count(DISTINCT pi.playlist_id) FILTER (WHERE pi.added_at < ${currentFrom} AND p.collaborative)::int AS previous_collaborative
      FROM tracks t
      JOIN playlist_items pi ON pi.track_id = t.id AND pi.added_at >= ${previousFrom} AND pi.added_at < ${to}
      JOIN playlists p ON p.id = pi.playlist_id
      WHERE t.artist_id = ${artistId}
      GROUP BY t.id, t.title`.execute(db);
    return rows;
  },

  watermarks: (db: Db, artistId: string): Promise<Watermark[]> =>
    db.selectFrom('insight_state').select(['subject_kind', 'subject_id', 'metric', 'value']).where('artist_id', '=', artistId).execute(),

  /**
   * Stores new insights and the new watermarks in one transaction, with their webhook events (insight.created,
   * milestone.reached) for the artist's listening endpoints. ON CONFLICT DO NOTHING on the dedupe key makes a
   * repeated (or concurrent) run harmless; only the rows actually inserted come back, with the webhook deliveries
   * to queue once committed.
   */
  async storeInsights(
    db: Db,
    artistId: string,
    insights: NewInsight[],
    watermarks: Watermark[] = [],
    createdAt?: Date,
  ): Promise<{ inserted: InsightRow[]; deliveries: string[] }> {
    if (insights.length === 0 && watermarks.length === 0) return { inserted: [], deliveries: [] };
    return db.transaction().execute(async (trx) => {
      let inserted: InsightRow[] = [];
      if (insights.length > 0) {
        inserted = await trx
          .insertInto('insights')
          .values(
            insights.map((i) => ({
              ...i,
              id: uuidv7(),
              artist_id: artistId,
              evidence: JSON.stringify(i.evidence),
              ...(createdAt ? { created_at: createdAt } : {}),
            })),
          )
          .onConflict((oc) => oc.columns(['subject_kind', 'subject_id', 'dedupe_key']).doNothing())
          .returningAll()
          .execute();
      }
      if (watermarks.length > 0) {
        await trx
          .insertInto('insight_state')
          .values(watermarks.map((w) => ({ ...w, artist_id: artistId })))
          .onConflict((oc) =>
            oc.columns(['subject_kind', 'subject_id', 'metric']).doUpdateSet({ value: (eb) => eb.ref('excluded.value'), updated_at: sql<Date>`now()` }),
          )
          .execute();
      }
      // Insertion order follows the candidates; ids are time-ordered, so sort to give them back oldest first.
      inserted.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { inserted, deliveries: await webhooksQueries.recordInsightEvents(trx, artistId, inserted) };
    });
  },

  /** storeInsights for callers that queue no webhooks themselves (the sweeper queues their deliveries). */
  async saveInsights(db: Db, artistId: string, insights: NewInsight[], watermarks: Watermark[] = [], createdAt?: Date): Promise<InsightRow[]> {
    return (await insightsQueries.storeInsights(db, artistId, insights, watermarks, createdAt)).inserted;
  },

  /** Artists with rollup data on or after `since`, in id order after `afterId` (keyset batches). */
  async activeArtists(db: Db, since: string, afterId: string | null, limit: number): Promise<string[]> {
    const { rows } = await sql<{ artist_id: string }>`
      SELECT DISTINCT artist_id FROM artist_daily
      WHERE day >= ${since}::date AND (${afterId}::uuid IS NULL OR artist_id > ${afterId}::uuid)
      ORDER BY artist_id LIMIT ${limit}`.execute(db);
    return rows.map((r) => r.artist_id);
  },

  /** Each (artist, listener) pair with a stream on or after `since`: the co-listening input of related artists. */
  async listenerPairs(db: Db, since: string): Promise<Array<{ artist_id: string; user_id: string }>> {
    const { rows } = await sql<{ artist_id: string; user_id: string }>`
      SELECT DISTINCT artist_id, user_id FROM artist_day_listeners WHERE day >= ${since}::date`.execute(db);
    return rows;
  },

  /** Replaces every related-artist row in one transaction, so readers see the old lists or the new, never a mix. */
  async replaceRelated(db: Db, rows: RelatedRow[], computedAt: Date): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('artist_related').execute();
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        // unnest binds four arrays per chunk instead of four parameters per row.
        await sql`
          INSERT INTO artist_related (artist_id, related_artist_id, score, overlap, computed_at)
          SELECT r.artist_id, r.related_artist_id, r.score, r.overlap, ${computedAt}
          FROM unnest(${chunk.map((r) => r.artist_id)}::uuid[], ${chunk.map((r) => r.related_artist_id)}::uuid[],
                      ${chunk.map((r) => r.score)}::float8[], ${chunk.map((r) => r.overlap)}::int[]) AS r (artist_id, related_artist_id, score, overlap)
          -- An artist deleted since the listener sets were read is skipped rather than failing the whole run.
          WHERE EXISTS (SELECT 1 FROM artists a WHERE a.id = r.artist_id) AND EXISTS (SELECT 1 FROM artists a WHERE a.id = r.related_artist_id)`.execute(trx);
      }
    });
  },

  /** Related artists with their names, best first. */
  related: (db: Db, artistId: string, limit: number) =>
    db
      .selectFrom('artist_related as r')
      .innerJoin('artists as a', 'a.id', 'r.related_artist_id')
      .select(['r.related_artist_id as id', 'a.name', 'r.score', 'r.overlap', 'r.computed_at'])
      .where('r.artist_id', '=', artistId)
      .orderBy('r.score', 'desc')
      .orderBy('r.related_artist_id')
      .limit(limit)
      .execute(),

  saveForecast: (db: Db, row: NewForecast) =>
    db
      .insertInto('artist_forecasts')
      .values({ ...row, computed_at: new Date(), points: JSON.stringify(row.points), total: JSON.stringify(row.total) })
      .onConflict((oc) =>
        oc.column('artist_id').doUpdateSet((eb) => ({
          computed_at: eb.ref('excluded.computed_at'),
          as_of: eb.ref('excluded.as_of'),
          method: eb.ref('excluded.method'),
          level: eb.ref('excluded.level'),
          points: eb.ref('excluded.points'),
          total: eb.ref('excluded.total'),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow(),

  forecast: (db: Db, artistId: string) => db.selectFrom('artist_forecasts').selectAll().where('artist_id', '=', artistId).executeTakeFirst(),

  /**
   * A page of an artist's feed, newest first, with whether `userId` has read each entry. `before` is the
   * (created_at text, id) position of the last entry of the previous page.
   */
  async feed(
    db: Db,
    artistId: string,
    userId: string,
    options: { limit: number; type?: InsightKind | undefined; before?: [string, string] | undefined },
  ): Promise<FeedRow[]> {
    const { limit, type, before } = options;
    const { rows } = await sql<FeedRow>`
      SELECT i.*, (r.user_id IS NOT NULL) AS read,
             to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position_at
      FROM insights i
      LEFT JOIN insight_reads r ON r.insight_id = i.id AND r.user_id = ${userId}
      WHERE i.artist_id = ${artistId}
        ${type ? sql`AND i.type = ${type}` : sql``}
        ${before ? sql`AND (i.created_at, i.id) < (${before[0]}::timestamptz, ${before[1]}::uuid)` : sql``}
      ORDER BY i.created_at DESC, i.id DESC
      LIMIT ${limit}`.execute(db);
    return rows;
  },

  insightOfArtist: (db: Db, artistId: string, insightId: string) =>
    db.selectFrom('insights').select(['id']).where('id', '=', insightId).where('artist_id', '=', artistId).executeTakeFirst(),

  /** Marks an insight read by a user; reading it again keeps the first read time. */
  markRead: (db: Db, insightId: string, userId: string) =>
    db
      .insertInto('insight_reads')
      .values({ insight_id: insightId, user_id: userId })
      .onConflict((oc) => oc.columns(['insight_id', 'user_id']).doNothing())
      .execute(),
};
