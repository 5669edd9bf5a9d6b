/**
 * The ListenBrainz read API's rules and shapes (`webserver/views/api.py`: get_listens, get_listen_count,
 * get_playing_now, latest_import; `listen.py::Listen.to_api`), pure: no I/O.
 */
import { createHash } from 'node:crypto';
import type { LbListenRow } from '@chorus/db';
import { LbError } from './listenbrainz.errors.js';
import type { NowPlaying } from './now-playing.store.js';
import { pyInt } from './python.rules.js';

/** `DEFAULT_ITEMS_PER_GET` and `MAX_ITEMS_PER_GET`. */
export const LB_DEFAULT_ITEMS_PER_GET = 25;
export const LB_MAX_ITEMS_PER_GET = 1000;
/** The services a latest-import mark can be kept for (`ExternalServiceType` names); `lastfm` when none is named. */
export const LB_IMPORT_SERVICES = [
  'spotify',
  'critiquebrainz',
  'musicbrainz',
  'lastfm',
  'librefm',
  'soundcloud',
  'apple',
  'musicbrainz_prod',
  'musicbrainz_beta',
  'musicbrainz_test',
] as const;
export const LB_DEFAULT_IMPORT_SERVICE = 'lastfm';
/** The latest latest-import mark that is still a date (9999-12-31T23:59:59Z). */
export const MAX_IMPORT_TS = 253_402_300_799;

/** ListenBrainz's `_parse_int_arg`: an absent or empty argument is the fallback; anything else is read by Python's int() or refused. */
export function intArg(name: string, raw: string | undefined, fallback: number | null): number | null {
  if (raw === undefined || raw === '') return fallback;
  const n = pyInt(raw);
  if (n === null) throw new LbError(400, `Invalid ${name} argument: ${raw}`);
  return n;
}

export interface ListensWindow {
  /** Listens strictly after this second, when given. */
  after: Date | null;
  /** Listens strictly before this second, when given. */
  before: Date | null;
  limit: number;
}

/**
 * `min_ts`, `max_ts` and `count` as ListenBrainz reads them (`_validate_get_endpoint_params`, `get_listens`):
 * both bounds exclusive, in unix seconds; 0 counts as absent (Python truthiness); both together only with
 * min_ts < max_ts; count 25 by default, capped at 1,000, never negative.
 */
export function listensWindow(query: { min_ts?: string | undefined; max_ts?: string | undefined; count?: string | undefined }): ListensWindow {
  const maxTs = intArg('max_ts', query.max_ts, null) || null;
  const minTs = intArg('min_ts', query.min_ts, null) || null;
  if (maxTs !== null && minTs !== null && maxTs < minTs) throw new LbError(400, 'max_ts should be greater than min_ts');
  const count = Math.min(intArg('count', query.count, LB_DEFAULT_ITEMS_PER_GET) ?? LB_DEFAULT_ITEMS_PER_GET, LB_MAX_ITEMS_PER_GET);
  if (count < 0) throw new LbError(400, 'Number of items requested should be positive');
  if (maxTs !== null && minTs !== null && minTs >= maxTs) throw new LbError(400, 'min_ts should be less than max_ts');
  // Listens are stored to the millisecond and shown to the second: after second s means from s + 1 on.
  return { after: minTs === null ? null : secondsToDate(minTs + 1, -1), before: maxTs === null ? null : secondsToDate(maxTs, 0), limit: count };
}

/** The Date of unix second `s`, moved by `nudgeMs`; out-of-range seconds are clamped to the representable range. */
function secondsToDate(s: number, nudgeMs: number): Date {
  const ms = Math.max(-8.64e15, Math.min(8.64e15, s * 1000 + nudgeMs));
  return new Date(ms);
}

/**
 * A recording's stable id in ListenBrainz's place of a MessyBrainz id: a name-based UUID (version 5 layout, SHA-1)
 * of the lower-cased artist, track and release names, so the same recording as the client named it always gets
 * the same id, whoever listened.
 */
export function recordingMsid(artist: string, track: string, release: string | null): string {
  const hash = createHash('sha1')
    .update(`chorus-msid\u001f${artist.toLowerCase()}\u001f${track.toLowerCase()}\u001f${(release ?? '').toLowerCase()}`)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface LbTrackMetadata {
  artist_name: string;
  track_name: string;
  release_name?: string;
  additional_info: Record<string, string | number>;
}

export interface LbListen {
  listened_at: number;
  track_metadata: LbTrackMetadata;
  recording_msid: string;
  user_name: string;
  inserted_at: number;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** One stored listen as `Listen.to_api()` shapes it. */
export function toLbListen(row: LbListenRow, userName: string): LbListen {
  const artist = row.artist_name ?? '';
  const track = row.track_name ?? '';
  const msid = recordingMsid(artist, track, row.release_name);
  const info: Record<string, string | number> = { recording_msid: msid };
  if (row.isrc) info.isrc = row.isrc;
  if (row.duration_ms !== null) info.duration_ms = row.duration_ms;
  if (row.client) info.submission_client = row.client;
  return {
    listened_at: seconds(row.listened_at),
    track_metadata: { artist_name: artist, track_name: track, ...(row.release_name ? { release_name: row.release_name } : {}), additional_info: info },
    recording_msid: msid,
    user_name: userName,
    inserted_at: seconds(row.received_at),
  };
}

/** What is playing, as `NowPlayingListen.to_api()` shapes it (no listened_at). */
export function toLbPlayingNow(value: NowPlaying): { track_metadata: LbTrackMetadata; playing_now: true } {
  const info: Record<string, string | number> = {};
  if (value.client) info.submission_client = value.client;
  return {
    track_metadata: {
      artist_name: value.artist_name ?? '',
      track_name: value.track_name ?? '',
      ...(value.release_name ? { release_name: value.release_name } : {}),
      additional_info: info,
    },
    playing_now: true,
  };
}

/** The service named by `service` (ListenBrainz looks it up by its upper-cased name), or null when there is none. */
export function importService(name: string): string | null {
  if (name.length > 32) return null;
  const key = name.toUpperCase().toLowerCase();
  return (LB_IMPORT_SERVICES as readonly string[]).includes(key) ? key : null;
}

/**
 * A POST /1/latest-import body as ListenBrainz reads it: `{"ts": <int()>, "service": "lastfm"}`, both optional.
 * Chorus: a body that is not a JSON object, a service that is not a string, or a ts that is no date answer 400
 * (ListenBrainz fails with a 500 there).
 */
export function latestImportBody(raw: Buffer): { ts: number; service: string } {
  const invalid = () => new LbError(400, 'Invalid data sent');
  let data: unknown;
  try {
    data = JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalid();
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw invalid();
  const body = data as Record<string, unknown>;
  const ts = Object.hasOwn(body, 'ts') ? pyInt(body.ts) : 0;
  if (ts === null || ts > MAX_IMPORT_TS) throw invalid();
  const serviceName = Object.hasOwn(body, 'service') ? body.service : LB_DEFAULT_IMPORT_SERVICE;
  if (typeof serviceName !== 'string') throw invalid();
  const service = importService(serviceName);
  if (service === null) throw invalid();
  return { ts, service };
}
