/**
 * ListenBrainz-compatible validation and normalisation of a `POST /1/submit-listens` body.
 *
 * Pure: no I/O, no clock (the caller passes `nowSeconds`), no dependencies beyond node built-ins.
 * The checks, their order and their messages follow listenbrainz-server
 * (`webserver/views/api.py::submit_listen`, `webserver/views/api_tools.py::validate_listen`);
 * see /work/shared/reference/listenbrainz.md. Deliberate differences are marked "Chorus:" below.
 */
import { Buffer } from 'node:buffer';
import { longerThan, pyInt, pyStrip } from './python.rules.js';

/** Whole request body limit (`MAX_LISTEN_PAYLOAD_SIZE`). */
export const LB_MAX_BODY_BYTES = 10_240_000;
/** Per-listen budget (`MAX_LISTEN_SIZE`), applied as body bytes > listens × budget. */
export const LB_MAX_LISTEN_BYTES = 10_240;
/** Listens per request (`MAX_LISTENS_PER_REQUEST`). */
export const LB_MAX_LISTENS_PER_IMPORT = 1000;
/** `LISTEN_MINIMUM_TS`: 2002-10-01T00:00:00Z. */
export const LB_LISTEN_MIN_TS = 1033430400; // 2002-10-01T00:00:00Z
/** How far ahead of the server clock a listened_at may be (`API_LISTENED_AT_ALLOWED_SKEW`). */
export const LB_LISTENED_AT_MAX_SKEW_SECONDS = 3600;
/** `MAX_TAGS_PER_LISTEN`. */
export const LB_MAX_TAGS_PER_LISTEN = 50;
/** `MAX_TAG_SIZE`, in characters (Unicode code points, like Python's `len`). */
export const LB_MAX_TAG_CHARS = 64;
/** `MAX_DURATION_LIMIT`: 24 days in seconds. */
export const LB_MAX_DURATION_SECONDS = 2_073_600;
/** `MAX_DURATION_MS_LIMIT`. */
export const LB_MAX_DURATION_MS = 2_073_600_000;
/** orjson refuses documents nested deeper than this. */
export const LB_MAX_JSON_DEPTH = 1024;
/** Chorus: artist, track and release names, at most (the native API's bound; ListenBrainz has none). */
export const LB_MAX_NAME_CHARS = 512;
/** Chorus: the client names Chorus reads from additional_info (submission_client, media_player, music_service), at most. */
export const LB_MAX_CLIENT_CHARS = 128;
/**
 * Chorus: characters of flattened additional_info keys per listen, at most. Flattening repeats every parent key in
 * each child's key, so a deep document of long keys would otherwise multiply into gigabytes of key text.
 */
export const LB_MAX_FLAT_KEY_CHARS = 1_048_576;

export type LbListenType = 'single' | 'playing_now' | 'import';

export interface LbNormalizedListen {
  listened_at: number | null; // unix seconds; null for playing_now
  artist_name: string; // trimmed
  track_name: string; // trimmed
  release_name: string | null;
  isrc: string | null; // additional_info.isrc, uppercased, only if it is a well-formed ISRC
  duration_ms: number | null; // additional_info.duration_ms, or duration * 1000
  recording_mbid: string | null;
  artist_mbids: string[];
  release_mbid: string | null;
  submission_client: string | null;
  media_player: string | null;
  music_service: string | null;
  tags: string[];
  additional_info: Record<string, unknown>; // the cleaned additional_info as stored
}

export type LbResult = { ok: true; listenType: LbListenType; listens: LbNormalizedListen[] } | { ok: false; code: 400 | 413; error: string };

const LISTEN_TYPES: readonly LbListenType[] = ['single', 'playing_now', 'import'];
const SINGLE_MBID_KEYS = ['release_mbid', 'recording_mbid', 'release_group_mbid', 'track_mbid'] as const;
const MULTI_MBID_KEYS = ['artist_mbids', 'work_mbids'] as const;
const CLIENT_KEYS = ['submission_client', 'media_player', 'music_service'] as const;
const ISRC_RE = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;
/** Longer than any spelling of an ISRC worth reading (with hyphens and spaces). */
const MAX_ISRC_CHARS = 32;
const LONE_SURROGATE_RE = /\p{Cs}/u;
const MAX_PARSE_MESSAGE_CHARS = 200;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

type JsonObject = Record<string, unknown>;

/** A validation failure: always a 400 with a ListenBrainz-style message. */
class Rejection extends Error {}

/** Validates a raw request body (the exact bytes as a string or Buffer) as ListenBrainz would; `nowSeconds` is the server clock. */
export function parseSubmission(raw: string | Buffer, nowSeconds: number): LbResult {
  if (!Number.isFinite(nowSeconds)) throw new TypeError('nowSeconds must be a finite number of seconds');
  try {
    return parseOrThrow(raw, Math.floor(nowSeconds));
  } catch (err) {
    if (err instanceof Rejection) return { ok: false, code: 400, error: err.message };
    throw err;
  }
}

function reject(message: string): never {
  throw new Rejection(message);
}

function parseOrThrow(raw: string | Buffer, now: number): LbResult {
  // 1. Size of the body as received. ListenBrainz answers 400 (not 413) here.
  const bytes = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : raw.byteLength;
  if (bytes > LB_MAX_BODY_BYTES) reject(`Payload too large. Payload cannot exceed ${LB_MAX_BODY_BYTES} bytes`);

  // 2. JSON. JSON.parse already refuses NaN / Infinity / -Infinity, like orjson.
  let text: string;
  if (typeof raw === 'string') {
    text = raw;
  } else {
    try {
      text = utf8.decode(raw);
    } catch {
      reject('Cannot parse JSON document: the body is not valid UTF-8');
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    reject(`Cannot parse JSON document: ${truncate(detail, MAX_PARSE_MESSAGE_CHARS)}`);
  }
  // orjson also refuses over-deep nesting and unpaired surrogate escapes, which JSON.parse lets through.
  const parseProblem = scanDocument(data);
  if (parseProblem !== null) reject(`Cannot parse JSON document: ${parseProblem}`);

  // 3-9. Request-level shape, in ListenBrainz's order. Extra top-level keys are ignored.
  if (!isObject(data)) {
    reject('Invalid JSON document submitted. Top level of JSON document should be a json object.');
  }
  if (!Object.hasOwn(data, 'payload')) reject('Invalid JSON document submitted. It must contain the key payload.');
  const payload = data.payload;
  if (!Array.isArray(payload)) reject('The payload in the JSON document should be a list of listens.');
  if (payload.length === 0) reject('JSON document does not contain any listens');
  if (payload.length > LB_MAX_LISTENS_PER_IMPORT) {
    reject(`Too many listens. You may not submit more than ${LB_MAX_LISTENS_PER_IMPORT} listens at once.`);
  }
  if (bytes > payload.length * LB_MAX_LISTEN_BYTES) {
    reject(
      `JSON document is too large. Each listen may not be larger than ${LB_MAX_LISTEN_BYTES} bytes ` +
        `(${bytes} bytes for ${payload.length} listen${payload.length === 1 ? '' : 's'}).`,
    );
  }
  if (!Object.hasOwn(data, 'listen_type')) {
    reject('Invalid JSON document submitted. It must contain the key listen_type.');
  }
  const listenType = data.listen_type;
  if (!isListenType(listenType)) {
    reject('JSON document requires a valid listen_type key (single, playing_now or import).');
  }
  if (listenType !== 'import' && payload.length > 1) {
    reject(`JSON document contains more than one listen for a ${listenType}. It should contain only one.`);
  }

  const listens: LbNormalizedListen[] = [];
  for (let i = 0; i < payload.length; i++) {
    try {
      listens.push(validateListen(payload[i], listenType, now));
    } catch (err) {
      // Name the listen in an import so a client can find the bad one among 1,000.
      if (err instanceof Rejection && listenType === 'import') reject(`${err.message} (payload[${i}])`);
      throw err;
    }
  }
  return { ok: true, listenType, listens };
}

function validateListen(listen: unknown, listenType: LbListenType, now: number): LbNormalizedListen {
  if (listen === null) reject('Listen is empty and cannot be validated.');
  // Chorus: ListenBrainz has no message for a non-object listen (it errors or misbehaves); we answer 400.
  if (!isObject(listen)) reject('Each listen in the payload should be a json object.');

  let listenedAt: number | null = null;
  if (listenType === 'playing_now') {
    if (Object.hasOwn(listen, 'listened_at')) {
      reject('JSON document must not contain listened_at while submitting playing_now.');
    }
    requireTrackMetadataKey(listen);
    const extra = Object.keys(listen).find((k) => k !== 'track_metadata');
    if (extra !== undefined) {
      reject(`JSON document may only contain track_metadata as top level key when submitting playing_now ` + `(found ${quoteKey(extra)}).`);
    }
  } else {
    if (!Object.hasOwn(listen, 'listened_at')) {
      reject('JSON document must contain the key listened_at at the top level.');
    }
    // As ListenBrainz's int(): 1700000000.7 and " 1700000000 " are read as 1700000000; "1.5" is refused.
    const ts = pyInt(listen.listened_at);
    if (ts === null) reject('JSON document must contain an int value for listened_at.');
    if (ts >= now + LB_LISTENED_AT_MAX_SKEW_SECONDS) {
      reject(`Value for key listened_at is too high. It must be less than ${LB_LISTENED_AT_MAX_SKEW_SECONDS} ` + `seconds ahead of the server clock.`);
    }
    if (ts < LB_LISTEN_MIN_TS) {
      // ListenBrainz's text says 1033410600 by mistake; the value it enforces is 1033430400.
      reject(`Value for key listened_at is too low. listened_at timestamp should be at least ${LB_LISTEN_MIN_TS} ` + `(2002-10-01 00:00:00 UTC).`);
    }
    requireTrackMetadataKey(listen);
    const extra = Object.keys(listen).find((k) => k !== 'listened_at' && k !== 'track_metadata');
    if (extra !== undefined) {
      reject(`JSON document may only contain listened_at and track_metadata top level keys (found ${quoteKey(extra)}).`);
    }
    listenedAt = ts;
  }

  const tm = listen.track_metadata;
  if (tm === null) reject('JSON document may not have track_metadata with null value.');
  if (!isObject(tm)) reject('track_metadata must be a json object.');

  // ListenBrainz validates track_name before artist_name.
  const trackName = requiredName(tm, 'track_name');
  const artistName = requiredName(tm, 'artist_name');
  let releaseName: string | null = null;
  // A null release_name is refused, as ListenBrainz does; a blank one is dropped.
  if (Object.hasOwn(tm, 'release_name')) {
    if (typeof tm.release_name !== 'string') reject('track_metadata.release_name must be a single string.');
    const stripped = pyStrip(tm.release_name);
    if (longerThan(stripped, LB_MAX_NAME_CHARS)) reject(tooLong('track_metadata.release_name', LB_MAX_NAME_CHARS));
    releaseName = stripped === '' ? null : stripped;
  }

  let info: Map<string, unknown> = new Map();
  // Chorus: a null additional_info is treated as absent (ListenBrainz fails with a 500).
  if (Object.hasOwn(tm, 'additional_info') && tm.additional_info !== null) {
    if (!isObject(tm.additional_info)) reject('track_metadata.additional_info must be a json object.');
    info = cleanAdditionalInfo(tm.additional_info);
  }

  // Last, as in ListenBrainz: Postgres cannot store U+0000 anywhere.
  const nullAt = findUnicodeNull(listen);
  if (nullAt !== null) reject(`${nullAt} contains a unicode null`);

  const durationMs = info.get('duration_ms');
  const duration = info.get('duration');
  const tags = info.get('tags');
  const artistMbids = info.get('artist_mbids');
  return {
    listened_at: listenedAt,
    artist_name: artistName,
    track_name: trackName,
    release_name: releaseName,
    isrc: normaliseIsrc(info.get('isrc')),
    duration_ms: typeof durationMs === 'number' ? durationMs : typeof duration === 'number' ? duration * 1000 : null,
    recording_mbid: stringOrNull(info.get('recording_mbid')),
    artist_mbids: Array.isArray(artistMbids) ? artistMbids.filter((m): m is string => typeof m === 'string') : [],
    release_mbid: stringOrNull(info.get('release_mbid')),
    submission_client: optionalText(info.get('submission_client')),
    media_player: optionalText(info.get('media_player')),
    music_service: optionalText(info.get('music_service')),
    tags: Array.isArray(tags)
      ? tags
          .filter((t): t is string => typeof t === 'string')
          .map(pyStrip)
          .filter((t) => t !== '')
      : [],
    additional_info: flattenInfo(info),
  };
}

function requireTrackMetadataKey(listen: JsonObject): void {
  if (!Object.hasOwn(listen, 'track_metadata')) {
    reject('JSON document must contain the key track_metadata at the top level.');
  }
}

function requiredName(tm: JsonObject, key: 'track_name' | 'artist_name'): string {
  if (!Object.hasOwn(tm, key)) reject(`JSON document does not contain required field track_metadata.${key}.`);
  const value = tm[key];
  if (typeof value !== 'string') reject(`track_metadata.${key} must be a single string.`);
  const stripped = pyStrip(value);
  if (stripped === '') reject(`field track_metadata.${key} is empty.`);
  if (longerThan(stripped, LB_MAX_NAME_CHARS)) reject(tooLong(`track_metadata.${key}`, LB_MAX_NAME_CHARS));
  return stripped;
}

function tooLong(field: string, max: number): string {
  return `${field} is too long (at most ${max} characters).`;
}

/** Validates additional_info and returns its cleaned top-level entries (before flattening). */
function cleanAdditionalInfo(ai: JsonObject): Map<string, unknown> {
  const out = new Map<string, unknown>(Object.entries(ai));

  if (out.has('tags')) {
    const tags = out.get('tags');
    if (tags === null) {
      out.delete('tags'); // Chorus: ListenBrainz fails with a 500 on null tags.
    } else {
      if (!Array.isArray(tags)) reject('track_metadata.additional_info.tags must be a list of strings.');
      if (tags.length > LB_MAX_TAGS_PER_LISTEN) {
        reject(`JSON document may not contain more than ${LB_MAX_TAGS_PER_LISTEN} items in ` + `track_metadata.additional_info.tags.`);
      }
      for (const tag of tags) {
        if (typeof tag !== 'string') reject('track_metadata.additional_info.tags must be a list of strings.');
        if (longerThan(tag, LB_MAX_TAG_CHARS)) {
          reject(`JSON document may not contain track_metadata.additional_info.tags longer than ` + `${LB_MAX_TAG_CHARS} characters.`);
        }
      }
    }
  }

  for (const key of CLIENT_KEYS) {
    const value = out.get(key);
    if (typeof value === 'string' && longerThan(pyStrip(value), LB_MAX_CLIENT_CHARS)) {
      reject(tooLong(`track_metadata.additional_info.${key}`, LB_MAX_CLIENT_CHARS));
    }
  }

  if (out.has('duration') && out.has('duration_ms')) {
    reject('JSON document should not contain both duration and duration_ms.');
  }
  if (out.has('duration')) out.set('duration', coerceDuration(out.get('duration'), 'duration', LB_MAX_DURATION_SECONDS));
  if (out.has('duration_ms')) {
    out.set('duration_ms', coerceDuration(out.get('duration_ms'), 'duration_ms', LB_MAX_DURATION_MS));
  }

  for (const key of SINGLE_MBID_KEYS) {
    if (!out.has(key)) continue;
    const value = out.get(key);
    if (isPyFalsy(value)) {
      out.delete(key); // null and "" are dropped silently
      continue;
    }
    const mbid = canonicalUuid(value);
    if (mbid === null) reject(`${key} MBID format invalid.`);
    out.set(key, mbid);
  }
  for (const key of MULTI_MBID_KEYS) {
    if (!out.has(key)) continue;
    const value = out.get(key);
    if (isPyFalsy(value)) {
      out.delete(key); // null and [] are dropped silently
      continue;
    }
    if (!Array.isArray(value)) reject(`${key} MBID format invalid. It should be a list of MBIDs.`);
    const mbids: string[] = [];
    for (const item of value) {
      if (isPyFalsy(item)) continue; // null and "" entries are dropped silently
      const mbid = canonicalUuid(item);
      if (mbid === null) reject(`${key} MBID format invalid.`);
      mbids.push(mbid);
    }
    if (mbids.length === 0) out.delete(key);
    else out.set(key, mbids);
  }
  return out;
}

/**
 * ListenBrainz's `int(value)` with `value > 0` and `value <= max`: JSON numbers are truncated
 * (a float duration_ms is accepted), integer strings such as "240" are accepted.
 */
function coerceDuration(value: unknown, key: 'duration' | 'duration_ms', max: number): number {
  const n = pyInt(value);
  if (n === null || !(n > 0)) reject(`Value for ${key} is invalid, should be a positive integer.`);
  if (n > max) reject(`Value for ${key} is too large, max permitted value is ${max}`);
  return n;
}

/**
 * Python's `uuid.UUID(value)` acceptance (braces, `urn:uuid:` prefix, any hyphens, any case),
 * returned in canonical lower-case 8-4-4-4-12 form; null when not a UUID.
 */
function canonicalUuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const unprefixed = value.replaceAll('urn:', '').replaceAll('uuid:', '');
  // Python's strip('{}'), as two indexes: a regular expression for it backtracks quadratically on a run of braces.
  let start = 0;
  let end = unprefixed.length;
  while (start < end && isBrace(unprefixed.charCodeAt(start))) start++;
  while (end > start && isBrace(unprefixed.charCodeAt(end - 1))) end--;
  const hex = unprefixed.slice(start, end).replaceAll('-', '');
  if (hex.length !== 32 || !/^[0-9a-fA-F]{32}$/.test(hex)) return null;
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function isBrace(c: number): boolean {
  return c === 0x7b || c === 0x7d;
}

function normaliseIsrc(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_ISRC_CHARS) return null;
  // Chorus: hyphens of the display form (US-RC1-76-07839) are removed before matching.
  const isrc = pyStrip(value).toUpperCase().replaceAll('-', '');
  return ISRC_RE.test(isrc) ? isrc : null;
}

/**
 * ListenBrainz stores additional_info with nested objects flattened to dotted keys
 * (`listen.py::flatten_dict`); arrays are kept as they are. Object.fromEntries keeps a
 * "__proto__" key as a plain own property.
 */
function flattenInfo(info: Map<string, unknown>): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  let keyChars = 0;
  const walk = (key: string, value: unknown): void => {
    if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) walk(`${key}.${k}`, v);
    } else {
      keyChars += key.length;
      if (keyChars > LB_MAX_FLAT_KEY_CHARS) {
        reject(`track_metadata.additional_info is nested too deeply: its flattened keys exceed ${LB_MAX_FLAT_KEY_CHARS} characters.`);
      }
      entries.push([key, value]);
    }
  };
  for (const [k, v] of info) walk(k, v);
  return Object.fromEntries(entries);
}

/**
 * Depth and unpaired-surrogate check over the whole parsed document, iteratively
 * (JSON.parse accepts nesting far deeper than a recursive walk could follow).
 */
function scanDocument(doc: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: doc, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, depth } = item;
    if (typeof value === 'string') {
      if (LONE_SURROGATE_RE.test(value)) return 'unpaired surrogate in string';
    } else if (value !== null && typeof value === 'object') {
      if (depth + 1 > LB_MAX_JSON_DEPTH) return `nesting is deeper than ${LB_MAX_JSON_DEPTH} levels`;
      if (Array.isArray(value)) {
        for (const v of value) stack.push({ value: v, depth: depth + 1 });
      } else {
        for (const [k, v] of Object.entries(value)) {
          if (LONE_SURROGATE_RE.test(k)) return 'unpaired surrogate in string';
          stack.push({ value: v, depth: depth + 1 });
        }
      }
    }
  }
  return null;
}

/** Where a U+0000 occurs in any key or string value of the listen, at any depth; null when none. */
function findUnicodeNull(listen: JsonObject): string | null {
  // Paths are built only for the one that is reported: building one per value costs the depth times over.
  interface Item {
    value: unknown;
    parent: Item | null;
    step: string | number;
  }
  const pathOf = (item: Item | null): string => {
    const steps: Array<string | number> = [];
    for (let at = item; at !== null && at.parent !== null; at = at.parent) steps.push(at.step);
    let path = '';
    for (let i = steps.length - 1; i >= 0; i--) {
      const step = steps[i]!;
      path += typeof step === 'number' ? `[${step}]` : path === '' ? step : `.${step}`;
    }
    return path;
  };
  const stack: Item[] = [{ value: listen, parent: null, step: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value } = item;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return pathOf(item);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], parent: item, step: i });
    } else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) return item.parent === null ? 'a top level key of the listen' : `a key in ${pathOf(item)}`;
        stack.push({ value: v, parent: item, step: k });
      }
    }
  }
  return null;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isListenType(value: unknown): value is LbListenType {
  return typeof value === 'string' && (LISTEN_TYPES as readonly string[]).includes(value);
}

/** Python truthiness of a JSON value: null, false, 0, "", [] and {} are falsy. */
function isPyFalsy(value: unknown): boolean {
  if (value === null || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  return false;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function optionalText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = pyStrip(value);
  return s === '' ? null : s;
}

function quoteKey(key: string): string {
  return JSON.stringify(truncate(key, 64));
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
