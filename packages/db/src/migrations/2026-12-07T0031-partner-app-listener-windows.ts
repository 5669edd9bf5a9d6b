import { type Kysely, sql } from 'kysely';

/**
 * Distinct listeners of a partner's apps and device classes over any window of 7, 28, 90 or 365 days, kept as
 * deltas like a partner's own (2026-12-07T0029; 2026-12-06T0023 explains the pieces; issue 16). The partner's
 * per-app statistics counted them by hashing every listener row of the partner over the range on each request:
 * on the 10M set 28 days of a partner took 80 requests a second against 249 on the 1M set, growing with what is
 * stored instead of what is asked.
 *
 * - partner_app_listener_windows: per partner, app, device class and day. A listener row of a partner is of one
 *   app and one device class (the class it was first written with), so its listener-days are the rows.
 * - partner_class_listener_windows: per partner, device class and day. A listener of two apps of a class on a day
 *   is one listener-day of the class.
 * - Aggregation keeps both in the statement that changes partner_day_listeners, as it keeps the partner's, and
 *   `npm run admin -- listener-windows` checks and repairs them. A listener's neighbouring days are found by the
 *   partner's (partner_id, user_id, day) index, filtered by app and class: no new index on the listener rows.
 */
const PIECES = (keys: string) => `
  SELECT ${keys}, w.days, CASE WHEN prev IS NULL THEN day ELSE greatest(day, prev + w.days) END AS day, 1 AS delta
  FROM (SELECT ${keys}, day, lag(day) OVER (PARTITION BY ${keys}, user_id ORDER BY day) AS prev FROM listener_days) x
  CROSS JOIN (VALUES (7), (28), (90), (365)) w (days)
  UNION ALL
  SELECT ${keys}, w.days, day + w.days, -1 FROM listener_days CROSS JOIN (VALUES (7), (28), (90), (365)) w (days)`;

const SUMS = [7, 28, 90, 365].map((days) => `coalesce(sum(delta) FILTER (WHERE days = ${days}), 0)`);

const FILL = (table: string, keys: string, listenerDays: string) => `
  INSERT INTO ${table} (${keys}, day, d7, d28, d90, d365)
  SELECT ${keys}, day, ${SUMS.join(', ')}
  FROM (WITH listener_days AS (${listenerDays}) ${PIECES(keys)}) pieces
  GROUP BY ${keys}, day
  HAVING ${SUMS.map((sum) => `${sum} <> 0`).join(' OR ')}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE partner_app_listener_windows (
      partner_id uuid NOT NULL,
      app_id uuid NOT NULL,
      device_class text NOT NULL,
      day date NOT NULL,
      d7 integer NOT NULL DEFAULT 0,
      d28 integer NOT NULL DEFAULT 0,
      d90 integer NOT NULL DEFAULT 0,
      d365 integer NOT NULL DEFAULT 0,
      PRIMARY KEY (partner_id, app_id, device_class, day)
    ) WITH (fillfactor = 70);
    CREATE TABLE partner_class_listener_windows (
      partner_id uuid NOT NULL,
      device_class text NOT NULL,
      day date NOT NULL,
      d7 integer NOT NULL DEFAULT 0,
      d28 integer NOT NULL DEFAULT 0,
      d90 integer NOT NULL DEFAULT 0,
      d365 integer NOT NULL DEFAULT 0,
      PRIMARY KEY (partner_id, device_class, day)
    ) WITH (fillfactor = 70);
    SET LOCAL work_mem = '256MB';
  `.execute(db);
  await sql
    .raw(
      FILL(
        'partner_app_listener_windows',
        'partner_id, app_id, device_class',
        'SELECT partner_id, app_id, device_class, day, user_id FROM partner_day_listeners',
      ),
    )
    .execute(db);
  await sql
    .raw(
      FILL('partner_class_listener_windows', 'partner_id, device_class', 'SELECT DISTINCT partner_id, device_class, day, user_id FROM partner_day_listeners'),
    )
    .execute(db);
  await sql`ANALYZE partner_app_listener_windows; ANALYZE partner_class_listener_windows;`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS partner_app_listener_windows, partner_class_listener_windows;`.execute(db);
}
