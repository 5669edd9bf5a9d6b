import { type Kysely, sql } from 'kysely';

/**
 * Verified attribution of listens to partner apps, and the rollups partner analytics and the artists' partner
 * breakdowns read.
 *
 * - ingest_batches and listens carry the app, its partner, the partner's kind and the app's device class, as the
 *   access token's client id named them at ingestion (looked up in the app registry, never taken from the body).
 *   All null for first-party clients. No foreign keys: a deleted app or partner leaves history as it was.
 * - artist_partner_kind_daily: an artist's streams by partner kind: automotive, telecom, device, app (verified:
 *   a partner app's token) and unverified (a client that claims a partner context or a device platform without
 *   one). Streams through no partner at all are not written: they are artist_daily.streams minus these, so the
 *   common case costs aggregation nothing more.
 * - artist_partner_day_listeners: exact listener sets of an artist's verified streams per named partner (the
 *   named-partner breakdown, shown only under k-anonymity).
 * - partner_app_daily: per partner, app and device class per day: streams, skips, time played.
 * - partner_day_listeners: exact listener sets per partner, app and day, with the listener's profile (audience).
 * - partner_artist_daily, partner_track_daily: per partner per day, streams by artist and by track (top lists).
 * Like every rollup they change only by whole batches, in the transaction that flips a batch to applied, and
 * lose a listener's contribution in the transaction that deletes their listens.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE ingest_batches ADD COLUMN app_id uuid, ADD COLUMN partner_id uuid;
    ALTER TABLE listens ADD COLUMN app_id uuid, ADD COLUMN partner_id uuid, ADD COLUMN partner_kind text, ADD COLUMN device_class text;

    CREATE TABLE artist_partner_kind_daily (
      artist_id uuid NOT NULL,
      day date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('automotive', 'telecom', 'device', 'app', 'unverified')),
      streams bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (artist_id, day, kind)
    ) WITH (fillfactor = 70);

    CREATE TABLE artist_partner_day_listeners (
      artist_id uuid NOT NULL,
      day date NOT NULL,
      partner_id uuid NOT NULL,
      user_id uuid NOT NULL,
      streams integer NOT NULL,
      partner_kind text NOT NULL,
      PRIMARY KEY (artist_id, day, partner_id, user_id)
    );

    CREATE TABLE partner_app_daily (
      partner_id uuid NOT NULL,
      day date NOT NULL,
      app_id uuid NOT NULL,
      -- 'unspecified' when the app declares no device class.
      device_class text NOT NULL,
      streams bigint NOT NULL DEFAULT 0,
      skips bigint NOT NULL DEFAULT 0,
      ms_played bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (partner_id, day, app_id, device_class)
    ) WITH (fillfactor = 70);

    CREATE TABLE partner_day_listeners (
      partner_id uuid NOT NULL,
      day date NOT NULL,
      app_id uuid NOT NULL,
      user_id uuid NOT NULL,
      streams integer NOT NULL,
      device_class text NOT NULL,
      country char(2) NOT NULL,
      age_bracket text NOT NULL,
      gender text NOT NULL,
      PRIMARY KEY (partner_id, day, app_id, user_id)
    );

    CREATE TABLE partner_artist_daily (
      partner_id uuid NOT NULL,
      day date NOT NULL,
      artist_id uuid NOT NULL,
      streams bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (partner_id, day, artist_id)
    ) WITH (fillfactor = 70);

    CREATE TABLE partner_track_daily (
      partner_id uuid NOT NULL,
      day date NOT NULL,
      track_id uuid NOT NULL,
      artist_id uuid NOT NULL,
      streams bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (partner_id, day, track_id)
    ) WITH (fillfactor = 70);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE partner_track_daily, partner_artist_daily, partner_day_listeners, partner_app_daily, artist_partner_day_listeners, artist_partner_kind_daily;
    ALTER TABLE listens DROP COLUMN app_id, DROP COLUMN partner_id, DROP COLUMN partner_kind, DROP COLUMN device_class;
    ALTER TABLE ingest_batches DROP COLUMN app_id, DROP COLUMN partner_id;
  `.execute(db);
}
