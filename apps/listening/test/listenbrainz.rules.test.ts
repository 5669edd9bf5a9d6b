import { Buffer } from 'node:buffer';
import t from 'tap';
import {
  LB_LISTEN_MIN_TS,
  LB_MAX_BODY_BYTES,
  LB_MAX_LISTEN_BYTES,
  LB_MAX_LISTENS_PER_IMPORT,
  type LbNormalizedListen,
  type LbResult,
  parseSubmission,
} from '../src/listenbrainz.rules.js';

const NOW = 1_750_000_000; // 2025-06-15T15:06:40Z
const TS = NOW - 300;
const MBID = '8f3471b5-7e6a-48da-86a9-c1c07a0f47ae';
const MBID2 = 'a74b1b7f-71a5-4011-9441-d0b5e4122711';

type Json = Record<string, unknown>;
type Ok = Extract<LbResult, { ok: true }>;

const tm = (extra: Json = {}): Json => ({ artist_name: 'Portishead', track_name: 'Roads', ...extra });
const listen = (extra: Json = {}): Json => ({ listened_at: TS, track_metadata: tm(), ...extra });
const submit = (listenType: unknown, payload: unknown, extra: Json = {}): string => JSON.stringify({ listen_type: listenType, payload, ...extra });
const single = (l: unknown): string => submit('single', [l]);
const withTm = (trackMetadata: unknown): string => single({ listened_at: TS, track_metadata: trackMetadata });
const withInfo = (info: unknown): string => withTm(tm({ additional_info: info }));
const first = (r: Ok): LbNormalizedListen => {
  const l = r.listens[0];
  if (l === undefined) throw new Error('no listen');
  return l;
};

/** The assertions the per-case checks use (a tap subtest satisfies it). */
interface Asserts {
  equal(found: unknown, wanted: unknown, ...message: [] | [string]): boolean;
  same(found: unknown, wanted: unknown, ...message: [] | [string]): boolean;
  match(found: unknown, pattern: unknown, ...message: [] | [string]): boolean;
  ok(value: unknown, ...message: [] | [string]): boolean;
  notOk(value: unknown, ...message: [] | [string]): boolean;
}
type Case = { name: string; body: string | Buffer; now?: number } & ({ ok: true; check?: (t: Asserts, r: Ok) => void } | { ok: false; error: string | RegExp });

function runCase(c: Case): void {
  t.test(`${c.ok ? 'accepts' : 'rejects'}: ${c.name}`, async (t) => {
    const r = parseSubmission(c.body, c.now ?? NOW);
    if (c.ok) {
      if (!r.ok) {
        t.fail(`expected acceptance, got ${r.code} ${r.error}`);
        return;
      }
      t.equal(r.ok, true);
      c.check?.(t, r);
    } else {
      if (r.ok) {
        t.fail('expected a rejection, got ok');
        return;
      }
      t.equal(r.code, 400, 'answers 400');
      if (typeof c.error === 'string') t.equal(r.error, c.error);
      else t.match(r.error, c.error);
    }
  });
}

const cases: Case[] = [
  // ── JSON parsing ──────────────────────────────────────────────────────────
  { name: 'a minimal valid single listen', body: single(listen()), ok: true },
  { name: 'a body that is not JSON', body: '{"listen_type": "single", "payload": [', ok: false, error: /^Cannot parse JSON document: / },
  { name: 'an empty body', body: '', ok: false, error: /^Cannot parse JSON document: / },
  { name: 'a NaN literal', body: withInfo({ x: 1 }).replace('1', 'NaN'), ok: false, error: /^Cannot parse JSON document: / },
  { name: 'an Infinity literal', body: withInfo({ x: 1 }).replace('1}', 'Infinity}'), ok: false, error: /^Cannot parse JSON document: / },
  { name: 'a -Infinity literal', body: withInfo({ x: 1 }).replace('1}', '-Infinity}'), ok: false, error: /^Cannot parse JSON document: / },
  {
    name: 'exponent and fractional numbers in additional_info (valid JSON)',
    body: withInfo({ x: 1 }).replace('"x":1', '"x":1e3,"y":-0.25'),
    ok: true,
    check: (t, r) => t.same(first(r).additional_info, { x: 1000, y: -0.25 }),
  },
  {
    name: 'a Buffer body with multi-byte UTF-8',
    body: Buffer.from(withTm(tm({ artist_name: 'Björk', track_name: 'Jóga 🎵' }))),
    ok: true,
    check: (t, r) => {
      t.equal(first(r).artist_name, 'Björk');
      t.equal(first(r).track_name, 'Jóga 🎵');
    },
  },
  {
    name: 'a Buffer body that is not valid UTF-8',
    body: Buffer.concat([Buffer.from(single(listen()).slice(0, 60)), Buffer.from([0xff, 0xfe]), Buffer.from('"}]}')]),
    ok: false,
    error: 'Cannot parse JSON document: the body is not valid UTF-8',
  },
  {
    name: 'an escaped unpaired surrogate',
    body: withTm(tm({ artist_name: 'A\ud800B' })),
    ok: false,
    error: 'Cannot parse JSON document: unpaired surrogate in string',
  },
  {
    name: 'an escaped surrogate pair (emoji)',
    body: withTm(tm({ artist_name: 'A' })).replace('"A"', '"\\ud83c\\udfb5"'),
    ok: true,
    check: (t, r) => t.equal(first(r).artist_name, '🎵'),
  },
  {
    name: 'nesting deeper than 1024 levels',
    body: withInfo({ deep: 0 }).replace('"deep":0', `"deep":${'['.repeat(1030)}${']'.repeat(1030)}`),
    ok: false,
    error: 'Cannot parse JSON document: nesting is deeper than 1024 levels',
  },
  {
    name: 'nesting of 100 levels inside additional_info',
    body: withInfo({ deep: 0 }).replace('"deep":0', `"deep":${'['.repeat(100)}${']'.repeat(100)}`),
    ok: true,
  },

  // ── top level ─────────────────────────────────────────────────────────────
  {
    name: 'a top level that is an array',
    body: JSON.stringify([listen()]),
    ok: false,
    error: 'Invalid JSON document submitted. Top level of JSON document should be a json object.',
  },
  {
    name: 'a top level that is a string',
    body: '"single"',
    ok: false,
    error: 'Invalid JSON document submitted. Top level of JSON document should be a json object.',
  },
  {
    name: 'a missing payload',
    body: JSON.stringify({ listen_type: 'single' }),
    ok: false,
    error: 'Invalid JSON document submitted. It must contain the key payload.',
  },
  {
    name: 'a payload that is an object',
    body: JSON.stringify({ listen_type: 'single', payload: listen() }),
    ok: false,
    error: 'The payload in the JSON document should be a list of listens.',
  },
  { name: 'an empty payload', body: submit('import', []), ok: false, error: 'JSON document does not contain any listens' },
  {
    name: 'a missing listen_type',
    body: JSON.stringify({ payload: [listen()] }),
    ok: false,
    error: 'Invalid JSON document submitted. It must contain the key listen_type.',
  },
  {
    name: 'an unknown listen_type',
    body: submit('scrobble', [listen()]),
    ok: false,
    error: 'JSON document requires a valid listen_type key (single, playing_now or import).',
  },
  { name: 'a listen_type that is not a string', body: submit(['single'], [listen()]), ok: false, error: /valid listen_type/ },
  { name: 'a listen_type of different case', body: submit('Single', [listen()]), ok: false, error: /valid listen_type/ },
  {
    name: 'extra top-level keys next to listen_type and payload',
    body: submit('single', [listen()], { client: 'foo', version: 2 }),
    ok: true,
    check: (t, r) => t.equal(r.listenType, 'single'),
  },
  {
    name: 'an import of 2 listens',
    body: submit('import', [listen(), listen({ listened_at: TS - 400 })]),
    ok: true,
    check: (t, r) => {
      t.equal(r.listenType, 'import');
      t.same(
        r.listens.map((l) => l.listened_at),
        [TS, TS - 400],
      );
    },
  },
  {
    name: 'a single with 2 listens',
    body: submit('single', [listen(), listen()]),
    ok: false,
    error: 'JSON document contains more than one listen for a single. It should contain only one.',
  },
  {
    name: 'a playing_now with 2 listens',
    body: submit('playing_now', [{ track_metadata: tm() }, { track_metadata: tm() }]),
    ok: false,
    error: 'JSON document contains more than one listen for a playing_now. It should contain only one.',
  },

  // ── listen shape ──────────────────────────────────────────────────────────
  { name: 'a null listen', body: single(null), ok: false, error: 'Listen is empty and cannot be validated.' },
  { name: 'a listen that is a string', body: single('Roads'), ok: false, error: 'Each listen in the payload should be a json object.' },
  {
    name: 'an extra key on a single listen',
    body: single(listen({ recording_msid: MBID })),
    ok: false,
    error: 'JSON document may only contain listened_at and track_metadata top level keys (found "recording_msid").',
  },
  {
    name: 'an extra key on the third listen of an import (index named)',
    body: submit('import', [listen(), listen(), listen({ user_name: 'x' })]),
    ok: false,
    error: 'JSON document may only contain listened_at and track_metadata top level keys (found "user_name"). (payload[2])',
  },
  {
    name: 'an extra key on a playing_now listen',
    body: submit('playing_now', [{ track_metadata: tm(), extra: 1 }]),
    ok: false,
    error: 'JSON document may only contain track_metadata as top level key when submitting playing_now (found "extra").',
  },

  // ── listened_at ───────────────────────────────────────────────────────────
  {
    name: 'a missing listened_at on single',
    body: single({ track_metadata: tm() }),
    ok: false,
    error: 'JSON document must contain the key listened_at at the top level.',
  },
  {
    name: 'a missing listened_at on import',
    body: submit('import', [listen(), { track_metadata: tm() }]),
    ok: false,
    error: 'JSON document must contain the key listened_at at the top level. (payload[1])',
  },
  // listened_at is read with Python's int(), as ListenBrainz does.
  { name: 'a float listened_at (truncated)', body: single(listen({ listened_at: TS + 0.7 })), ok: true, check: (t, r) => t.equal(first(r).listened_at, TS) },
  { name: 'a numeric-string listened_at', body: single(listen({ listened_at: String(TS) })), ok: true, check: (t, r) => t.equal(first(r).listened_at, TS) },
  {
    name: 'a numeric-string listened_at with spaces, sign and underscores',
    body: submit('import', [listen({ listened_at: ` +${TS}\n` }), listen({ listened_at: String(TS - 1).replace(/(\d{3})(?=\d)/g, '$1_') })]),
    ok: true,
    check: (t, r) =>
      t.same(
        r.listens.map((l) => l.listened_at),
        [TS, TS - 1],
      ),
  },
  {
    name: 'a decimal-string listened_at',
    body: single(listen({ listened_at: '1700000000.5' })),
    ok: false,
    error: 'JSON document must contain an int value for listened_at.',
  },
  {
    name: 'a hex-string listened_at',
    body: single(listen({ listened_at: '0x6553f100' })),
    ok: false,
    error: 'JSON document must contain an int value for listened_at.',
  },
  {
    name: 'an empty-string listened_at',
    body: single(listen({ listened_at: ' ' })),
    ok: false,
    error: 'JSON document must contain an int value for listened_at.',
  },
  {
    name: 'a listened_at that is an object',
    body: single(listen({ listened_at: { ts: TS } })),
    ok: false,
    error: 'JSON document must contain an int value for listened_at.',
  },
  { name: 'a boolean listened_at', body: single(listen({ listened_at: true })), ok: false, error: 'JSON document must contain an int value for listened_at.' },
  { name: 'a null listened_at', body: single(listen({ listened_at: null })), ok: false, error: 'JSON document must contain an int value for listened_at.' },
  {
    name: 'an integer listened_at written as 1.0e9 style JSON',
    body: single(listen()).replace(String(TS), `${TS}.0`),
    ok: true,
    check: (t, r) => t.equal(first(r).listened_at, TS),
  },
  {
    name: 'a listened_at in nanoseconds',
    body: single(listen({ listened_at: TS * 1_000_000_000 })),
    ok: false,
    error: /^Value for key listened_at is too high\./,
  },
  {
    name: 'a negative listened_at',
    body: single(listen({ listened_at: -1 })),
    ok: false,
    error: /^Value for key listened_at is too low\..*1033430400/,
  },
  {
    name: 'a playing_now with listened_at',
    body: submit('playing_now', [listen()]),
    ok: false,
    error: 'JSON document must not contain listened_at while submitting playing_now.',
  },
  {
    name: 'a playing_now without listened_at',
    body: submit('playing_now', [{ track_metadata: tm({ additional_info: { duration_ms: 241000 } }) }]),
    ok: true,
    check: (t, r) => {
      t.equal(r.listenType, 'playing_now');
      t.equal(first(r).listened_at, null);
      t.equal(first(r).duration_ms, 241000);
    },
  },

  // ── track_metadata ────────────────────────────────────────────────────────
  {
    name: 'a missing track_metadata',
    body: single({ listened_at: TS }),
    ok: false,
    error: 'JSON document must contain the key track_metadata at the top level.',
  },
  {
    name: 'a missing track_metadata on playing_now',
    body: submit('playing_now', [{}]),
    ok: false,
    error: 'JSON document must contain the key track_metadata at the top level.',
  },
  { name: 'a null track_metadata', body: withTm(null), ok: false, error: 'JSON document may not have track_metadata with null value.' },
  { name: 'a track_metadata that is an array', body: withTm([tm()]), ok: false, error: 'track_metadata must be a json object.' },
  {
    name: 'a missing artist_name',
    body: withTm({ track_name: 'Roads' }),
    ok: false,
    error: 'JSON document does not contain required field track_metadata.artist_name.',
  },
  {
    name: 'a missing track_name',
    body: withTm({ artist_name: 'Portishead' }),
    ok: false,
    error: 'JSON document does not contain required field track_metadata.track_name.',
  },
  { name: 'an empty artist_name', body: withTm(tm({ artist_name: '' })), ok: false, error: 'field track_metadata.artist_name is empty.' },
  { name: 'a whitespace-only track_name', body: withTm(tm({ track_name: ' \t\n\u3000' })), ok: false, error: 'field track_metadata.track_name is empty.' },
  {
    name: 'an artist_name that is a list',
    body: withTm(tm({ artist_name: ['Portishead', 'Beth Gibbons'] })),
    ok: false,
    error: 'track_metadata.artist_name must be a single string.',
  },
  { name: 'a null track_name', body: withTm(tm({ track_name: null })), ok: false, error: 'track_metadata.track_name must be a single string.' },
  {
    name: 'names with surrounding whitespace (trimmed)',
    body: withTm(tm({ artist_name: '  Portishead\n', track_name: '\u00a0Roads ', release_name: ' Dummy ' })),
    ok: true,
    check: (t, r) => {
      t.equal(first(r).artist_name, 'Portishead');
      t.equal(first(r).track_name, 'Roads');
      t.equal(first(r).release_name, 'Dummy');
    },
  },
  {
    name: 'an empty release_name (becomes null)',
    body: withTm(tm({ release_name: '   ' })),
    ok: true,
    check: (t, r) => t.equal(first(r).release_name, null),
  },
  { name: 'a null release_name', body: withTm(tm({ release_name: null })), ok: false, error: 'track_metadata.release_name must be a single string.' },
  // Chorus: names are bounded (the native API's 512 characters, counted as Python's len does, after stripping).
  {
    name: 'a 512-character track_name',
    body: withTm(tm({ track_name: `  ${'é'.repeat(512)}  ` })),
    ok: true,
    check: (t, r) => t.equal(first(r).track_name.length, 512),
  },
  {
    name: 'a 513-character track_name',
    body: withTm(tm({ track_name: 'x'.repeat(513) })),
    ok: false,
    error: 'track_metadata.track_name is too long (at most 512 characters).',
  },
  {
    name: 'a 513-character artist_name',
    body: withTm(tm({ artist_name: '🎵'.repeat(513) })),
    ok: false,
    error: 'track_metadata.artist_name is too long (at most 512 characters).',
  },
  { name: 'a 512-character artist_name of astral characters', body: withTm(tm({ artist_name: '🎵'.repeat(512) })), ok: true },
  {
    name: 'a 513-character release_name',
    body: withTm(tm({ release_name: 'x'.repeat(513) })),
    ok: false,
    error: 'track_metadata.release_name is too long (at most 512 characters).',
  },
  { name: 'a 128-character submission_client', body: withInfo({ submission_client: 'c'.repeat(128) }), ok: true },
  {
    name: 'a 129-character submission_client',
    body: withInfo({ submission_client: 'c'.repeat(129) }),
    ok: false,
    error: 'track_metadata.additional_info.submission_client is too long (at most 128 characters).',
  },
  {
    name: 'a 129-character media_player',
    body: withInfo({ media_player: 'm'.repeat(129) }),
    ok: false,
    error: 'track_metadata.additional_info.media_player is too long (at most 128 characters).',
  },
  {
    name: 'a 129-character music_service',
    body: withInfo({ music_service: 's'.repeat(129) }),
    ok: false,
    error: 'track_metadata.additional_info.music_service is too long (at most 128 characters).',
  },
  { name: 'a long other additional_info value (kept: the byte budget bounds it)', body: withInfo({ comment: 'x'.repeat(5000) }), ok: true },
  { name: 'a numeric release_name', body: withTm(tm({ release_name: 1994 })), ok: false, error: 'track_metadata.release_name must be a single string.' },

  // ── additional_info ───────────────────────────────────────────────────────
  { name: 'an additional_info that is a list', body: withInfo(['rock']), ok: false, error: 'track_metadata.additional_info must be a json object.' },
  { name: 'an additional_info that is null', body: withInfo(null), ok: true, check: (t, r) => t.same(first(r).additional_info, {}) },
  {
    name: '50 tags',
    body: withInfo({ tags: Array.from({ length: 50 }, (_, i) => `tag${i}`) }),
    ok: true,
    check: (t, r) => t.equal(first(r).tags.length, 50),
  },
  {
    name: '51 tags',
    body: withInfo({ tags: Array.from({ length: 51 }, (_, i) => `tag${i}`) }),
    ok: false,
    error: 'JSON document may not contain more than 50 items in track_metadata.additional_info.tags.',
  },
  {
    name: 'a tag of 64 characters (64 emoji = 128 UTF-16 units)',
    body: withInfo({ tags: ['x'.repeat(64), '🎵'.repeat(64)] }),
    ok: true,
  },
  {
    name: 'a tag of 65 characters',
    body: withInfo({ tags: ['trip-hop', 'x'.repeat(65)] }),
    ok: false,
    error: 'JSON document may not contain track_metadata.additional_info.tags longer than 64 characters.',
  },
  { name: 'tags that are a string', body: withInfo({ tags: 'trip-hop' }), ok: false, error: 'track_metadata.additional_info.tags must be a list of strings.' },
  {
    name: 'a tag that is a number',
    body: withInfo({ tags: ['trip-hop', 7] }),
    ok: false,
    error: 'track_metadata.additional_info.tags must be a list of strings.',
  },
  {
    name: 'tags are trimmed and empty ones left out of the normalised list',
    body: withInfo({ tags: [' trip-hop ', '', 'bristol'] }),
    ok: true,
    check: (t, r) => {
      t.same(first(r).tags, ['trip-hop', 'bristol']);
      t.same(first(r).additional_info.tags, [' trip-hop ', '', 'bristol'], 'stored as sent');
    },
  },
  {
    name: 'both duration and duration_ms',
    body: withInfo({ duration: 241, duration_ms: 241000 }),
    ok: false,
    error: 'JSON document should not contain both duration and duration_ms.',
  },
  {
    name: 'duration at its maximum 2,073,600',
    body: withInfo({ duration: 2_073_600 }),
    ok: true,
    check: (t, r) => t.equal(first(r).duration_ms, 2_073_600_000),
  },
  {
    name: 'duration of 2,073,601',
    body: withInfo({ duration: 2_073_601 }),
    ok: false,
    error: 'Value for duration is too large, max permitted value is 2073600',
  },
  { name: 'duration of 0', body: withInfo({ duration: 0 }), ok: false, error: 'Value for duration is invalid, should be a positive integer.' },
  { name: 'a negative duration', body: withInfo({ duration: -5 }), ok: false, error: 'Value for duration is invalid, should be a positive integer.' },
  {
    name: 'a non-numeric duration string',
    body: withInfo({ duration: '4:01' }),
    ok: false,
    error: 'Value for duration is invalid, should be a positive integer.',
  },
  { name: 'a null duration', body: withInfo({ duration: null }), ok: false, error: 'Value for duration is invalid, should be a positive integer.' },
  {
    name: 'an integer-string duration (coerced like int())',
    body: withInfo({ duration: '241' }),
    ok: true,
    check: (t, r) => {
      t.equal(first(r).duration_ms, 241_000);
      t.equal(first(r).additional_info.duration, 241, 'stored as an integer');
    },
  },
  {
    name: 'a float duration_ms (truncated, the valid_duration fixture)',
    body: withInfo({ duration_ms: 241_000.7 }),
    ok: true,
    check: (t, r) => {
      t.equal(first(r).duration_ms, 241_000);
      t.equal(first(r).additional_info.duration_ms, 241_000);
    },
  },
  {
    name: 'duration_ms of 0.5 (truncates to 0)',
    body: withInfo({ duration_ms: 0.5 }),
    ok: false,
    error: 'Value for duration_ms is invalid, should be a positive integer.',
  },
  { name: 'a boolean duration_ms', body: withInfo({ duration_ms: true }), ok: false, error: 'Value for duration_ms is invalid, should be a positive integer.' },
  {
    name: 'duration_ms above 2,073,600,000',
    body: withInfo({ duration_ms: 2_073_600_001 }),
    ok: false,
    error: 'Value for duration_ms is too large, max permitted value is 2073600000',
  },

  // ── MBIDs ─────────────────────────────────────────────────────────────────
  ...(['recording_mbid', 'release_mbid', 'release_group_mbid', 'track_mbid'] as const).map(
    (key): Case => ({ name: `an invalid ${key}`, body: withInfo({ [key]: 'not-a-uuid' }), ok: false, error: `${key} MBID format invalid.` }),
  ),
  ...(['artist_mbids', 'work_mbids'] as const).map(
    (key): Case => ({ name: `an invalid entry in ${key}`, body: withInfo({ [key]: [MBID, 'nope'] }), ok: false, error: `${key} MBID format invalid.` }),
  ),
  { name: 'a recording_mbid that is a number', body: withInfo({ recording_mbid: 42 }), ok: false, error: 'recording_mbid MBID format invalid.' },
  { name: 'a UUID that is one hex digit short', body: withInfo({ release_mbid: MBID.slice(0, -1) }), ok: false, error: 'release_mbid MBID format invalid.' },
  {
    name: 'artist_mbids given as a single string',
    body: withInfo({ artist_mbids: MBID }),
    ok: false,
    error: 'artist_mbids MBID format invalid. It should be a list of MBIDs.',
  },
  {
    name: 'valid MBIDs in every field',
    body: withInfo({
      recording_mbid: MBID,
      release_mbid: MBID2,
      release_group_mbid: MBID,
      track_mbid: MBID2,
      artist_mbids: [MBID, MBID2],
      work_mbids: [MBID],
    }),
    ok: true,
    check: (t, r) => {
      const l = first(r);
      t.equal(l.recording_mbid, MBID);
      t.equal(l.release_mbid, MBID2);
      t.same(l.artist_mbids, [MBID, MBID2]);
      t.same(l.additional_info.work_mbids, [MBID]);
      t.equal(l.additional_info.release_group_mbid, MBID);
    },
  },
  {
    name: 'MBIDs in the other forms uuid.UUID accepts (upper case, braces, urn, no hyphens)',
    body: withInfo({
      recording_mbid: MBID.toUpperCase(),
      release_mbid: `{${MBID2}}`,
      track_mbid: `urn:uuid:${MBID}`,
      artist_mbids: [MBID2.replaceAll('-', '')],
    }),
    ok: true,
    check: (t, r) => {
      const l = first(r);
      t.equal(l.recording_mbid, MBID);
      t.equal(l.release_mbid, MBID2);
      t.equal(l.additional_info.track_mbid, MBID);
      t.same(l.artist_mbids, [MBID2]);
    },
  },
  {
    name: 'empty MBIDs (dropped silently, the invalid_mbid_listens fixture)',
    body: withInfo({
      recording_mbid: '',
      release_mbid: null,
      release_group_mbid: '',
      artist_mbids: ['', MBID, null],
      work_mbids: [],
      track_mbid: null,
    }),
    ok: true,
    check: (t, r) => {
      const l = first(r);
      t.equal(l.recording_mbid, null);
      t.equal(l.release_mbid, null);
      t.same(l.artist_mbids, [MBID]);
      t.same(l.additional_info, { artist_mbids: [MBID] });
    },
  },
  {
    name: 'an artist_mbids list of only empty strings (key dropped)',
    body: withInfo({ artist_mbids: ['', ''] }),
    ok: true,
    check: (t, r) => {
      t.same(first(r).artist_mbids, []);
      t.notOk(Object.hasOwn(first(r).additional_info, 'artist_mbids'));
    },
  },

  // ── U+0000 ────────────────────────────────────────────────────────────────
  {
    name: 'U+0000 in artist_name',
    body: withTm(tm({ artist_name: 'Porti\u0000shead' })),
    ok: false,
    error: 'track_metadata.artist_name contains a unicode null',
  },
  {
    name: 'U+0000 deep in additional_info',
    body: withInfo({ player: { build: { notes: ['ok', 'bad\u0000'] } } }),
    ok: false,
    error: 'track_metadata.additional_info.player.build.notes[1] contains a unicode null',
  },
  { name: 'U+0000 in a tag', body: withInfo({ tags: ['a', '\u0000'] }), ok: false, error: 'track_metadata.additional_info.tags[1] contains a unicode null' },
  { name: 'U+0000 in a key', body: withInfo({ 'bad\u0000key': 1 }), ok: false, error: 'a key in track_metadata.additional_info contains a unicode null' },
  {
    name: 'U+0000 in an unknown track_metadata key',
    body: withTm(tm({ comment: { text: '\u0000' } })),
    ok: false,
    error: 'track_metadata.comment.text contains a unicode null',
  },
  {
    name: 'U+0000 in a playing_now listen',
    body: submit('playing_now', [{ track_metadata: tm({ release_name: '\u0000' }) }]),
    ok: false,
    error: 'track_metadata.release_name contains a unicode null',
  },
  {
    name: 'other control characters (U+0001, escaped \\u0000 text)',
    body: withInfo({ note: 'a\u0001b', literal: '\\u0000' }),
    ok: true,
    check: (t, r) => t.equal(first(r).additional_info.literal, '\\u0000'),
  },

  // ── normalised fields ─────────────────────────────────────────────────────
  {
    name: 'a full listen (normalised fields)',
    body: withTm(
      tm({
        release_name: 'Dummy',
        additional_info: {
          isrc: 'gbaap9400021',
          duration_ms: 305000,
          recording_mbid: MBID,
          artist_mbids: [MBID2],
          release_mbid: MBID2,
          submission_client: ' Web Scrobbler ',
          submission_client_version: '3.4.0',
          media_player: 'Firefox',
          music_service: 'youtube.com',
          tags: ['trip-hop'],
          origin_url: 'https://www.youtube.com/watch?v=x',
        },
      }),
    ),
    ok: true,
    check: (t, r) => {
      t.same(first(r), {
        listened_at: TS,
        artist_name: 'Portishead',
        track_name: 'Roads',
        release_name: 'Dummy',
        isrc: 'GBAAP9400021',
        duration_ms: 305000,
        recording_mbid: MBID,
        artist_mbids: [MBID2],
        release_mbid: MBID2,
        submission_client: 'Web Scrobbler',
        media_player: 'Firefox',
        music_service: 'youtube.com',
        tags: ['trip-hop'],
        additional_info: {
          isrc: 'gbaap9400021',
          duration_ms: 305000,
          recording_mbid: MBID,
          artist_mbids: [MBID2],
          release_mbid: MBID2,
          submission_client: ' Web Scrobbler ',
          submission_client_version: '3.4.0',
          media_player: 'Firefox',
          music_service: 'youtube.com',
          tags: ['trip-hop'],
          origin_url: 'https://www.youtube.com/watch?v=x',
        },
      });
    },
  },
  { name: 'an ISRC in display form', body: withInfo({ isrc: 'gb-aap-94-00021' }), ok: true, check: (t, r) => t.equal(first(r).isrc, 'GBAAP9400021') },
  {
    name: 'a malformed ISRC (kept in additional_info, isrc null)',
    body: withInfo({ isrc: 'GBAAP94000211' }),
    ok: true,
    check: (t, r) => {
      t.equal(first(r).isrc, null);
      t.equal(first(r).additional_info.isrc, 'GBAAP94000211');
    },
  },
  { name: 'a numeric ISRC (isrc null)', body: withInfo({ isrc: 940002 }), ok: true, check: (t, r) => t.equal(first(r).isrc, null) },
  {
    name: 'nested additional_info (flattened to dotted keys, arrays kept)',
    body: withInfo({ spotify: { album: { id: 'abc' }, popularity: 40 }, list: [{ a: 1 }] }),
    ok: true,
    check: (t, r) => t.same(first(r).additional_info, { 'spotify.album.id': 'abc', 'spotify.popularity': 40, list: [{ a: 1 }] }),
  },
  {
    name: 'a "__proto__" key in additional_info (kept as data, no prototype change)',
    body: withInfo({ x: 1 }).replace('"x":1', '"__proto__":"p","y":{"__proto__":{"z":2}}'),
    ok: true,
    check: (t, r) => {
      const info = first(r).additional_info;
      t.ok(Object.hasOwn(info, '__proto__'));
      t.equal(Object.getPrototypeOf(info), Object.prototype);
      t.equal(info['y.__proto__.z'], 2);
    },
  },
];

for (const c of cases) runCase(c);

// ── timing boundaries ───────────────────────────────────────────────────────
t.test('listened_at boundaries', async (t) => {
  const at = (ts: number, now = NOW) => parseSubmission(single(listen({ listened_at: ts })), now);
  t.match(at(NOW + 3599), { ok: true }, 'now + 3599 is accepted');
  t.match(
    at(NOW + 3600),
    { ok: false, code: 400, error: /^Value for key listened_at is too high\./ },
    'now + 3600 is refused, as ListenBrainz does (>= now + skew)',
  );
  t.match(at(NOW + 3599, NOW + 0.999), { ok: true }, 'the server clock is floored to whole seconds');
  t.match(at(NOW + 3600, NOW + 0.999), { ok: false, code: 400 });
  t.match(at(LB_LISTEN_MIN_TS), { ok: true }, 'exactly 2002-10-01T00:00:00Z is accepted');
  t.match(at(LB_LISTEN_MIN_TS - 1), { ok: false, code: 400, error: /^Value for key listened_at is too low\./ }, 'one second earlier is rejected');
  t.equal(LB_LISTEN_MIN_TS, Date.UTC(2002, 9, 1) / 1000);
  const imported = parseSubmission(submit('import', [listen(), listen({ listened_at: LB_LISTEN_MIN_TS - 1 })]), NOW);
  t.match(imported, { ok: false, code: 400, error: /too low.*\(payload\[1\]\)$/ });
  t.throws(() => parseSubmission(single(listen()), Number.NaN), TypeError);
});

// ── size boundaries ─────────────────────────────────────────────────────────
/** A submission of n listens whose UTF-8 encoding is exactly `bytes` long, padded inside listen 0's additional_info (names are bounded). */
function sizedBody(n: number, bytes: number, padChar: 'x' | 'é' = 'x'): string {
  const make = (pad: string) =>
    submit(
      n === 1 ? 'single' : 'import',
      Array.from({ length: n }, (_, i) => ({
        listened_at: TS - i * 240,
        track_metadata: {
          artist_name: 'Massive Attack',
          track_name: `Track ${i}`,
          release_name: 'Mezzanine',
          ...(i === 0 ? { additional_info: { comment: pad } } : {}),
        },
      })),
    );
  const missing = bytes - Buffer.byteLength(make(''));
  if (missing < 0) throw new Error(`cannot build a body of ${bytes} bytes for ${n} listens`);
  const width = Buffer.byteLength(padChar);
  const body = make(padChar.repeat(Math.floor(missing / width)) + 'x'.repeat(missing % width));
  if (Buffer.byteLength(body) !== bytes) throw new Error('sizedBody is off');
  return body;
}

t.test('per-listen size budget (body bytes vs 10,240 × listens)', async (t) => {
  t.equal(LB_MAX_LISTEN_BYTES, 10_240);
  t.match(parseSubmission(sizedBody(1, 10_240), NOW), { ok: true }, '1 listen, 10,240 bytes: accepted');
  t.match(
    parseSubmission(sizedBody(1, 10_241), NOW),
    { ok: false, code: 400, error: 'JSON document is too large. Each listen may not be larger than 10240 bytes (10241 bytes for 1 listen).' },
    '1 listen, 10,241 bytes: rejected',
  );
  t.match(parseSubmission(sizedBody(2, 20_480), NOW), { ok: true }, '2 listens, 20,480 bytes: accepted (one of them ~20 KB: the budget is shared)');
  t.match(parseSubmission(sizedBody(2, 20_481), NOW), { ok: false, code: 400, error: /^JSON document is too large\./ }, '2 listens, 20,481 bytes: rejected');
  // Bytes, not characters: é is 2 bytes in UTF-8.
  const multi = sizedBody(1, 10_240, 'é');
  t.ok(multi.length < 10_240, 'fewer characters than bytes');
  t.match(parseSubmission(multi, NOW), { ok: true }, 'multi-byte body at exactly 10,240 bytes (string): accepted');
  t.match(parseSubmission(Buffer.from(multi), NOW), { ok: true }, 'same body as a Buffer: accepted');
  const over = sizedBody(1, 10_241, 'é');
  t.ok(over.length < 10_240, 'under 10,240 characters but over 10,240 bytes');
  t.match(parseSubmission(over, NOW), { ok: false, code: 400, error: /^JSON document is too large\./ });
  t.match(parseSubmission(Buffer.from(over), NOW), { ok: false, code: 400, error: /^JSON document is too large\./ });
});

t.test('whole-body limit (10,240,000 bytes)', async (t) => {
  t.equal(LB_MAX_BODY_BYTES, 10_240_000);
  const atLimit = sizedBody(1000, LB_MAX_BODY_BYTES);
  const ok = parseSubmission(atLimit, NOW);
  t.match(ok, { ok: true, listenType: 'import' }, '1,000 listens in exactly 10,240,000 bytes: accepted');
  if (ok.ok) t.equal(ok.listens.length, 1000);
  const overLimit = sizedBody(1000, LB_MAX_BODY_BYTES + 1);
  t.same(
    parseSubmission(overLimit, NOW),
    { ok: false, code: 400, error: 'Payload too large. Payload cannot exceed 10240000 bytes' },
    '10,240,001 bytes: rejected before parsing',
  );
  t.same(parseSubmission(Buffer.from(overLimit), NOW), { ok: false, code: 400, error: 'Payload too large. Payload cannot exceed 10240000 bytes' });
  // The size check comes first: even garbage over the limit gets the size message.
  t.match(parseSubmission('x'.repeat(LB_MAX_BODY_BYTES + 1), NOW), { ok: false, error: /^Payload too large/ });
});

// ── realistic imports ───────────────────────────────────────────────────────
function realisticListen(i: number): Json {
  const artists = ['Massive Attack', 'Portishead', 'Tricky', 'Björk', 'Burial', 'Boards of Canada', '坂本龍一'];
  const hex = (n: number) => n.toString(16).padStart(12, '0');
  const info: Json = {
    submission_client: 'Pano Scrobbler',
    submission_client_version: '3.9.2',
    media_player: i % 2 === 0 ? 'Spotify' : 'foobar2000',
    music_service: i % 2 === 0 ? 'spotify.com' : '',
    recording_mbid: `00000000-0000-4000-8000-${hex(i)}`,
    artist_mbids: [`11111111-1111-4111-8111-${hex(i % 7)}`],
    release_mbid: i % 3 === 0 ? '' : `22222222-2222-4222-8222-${hex(i % 50)}`,
    tracknumber: String((i % 12) + 1),
    isrc: `GBAAA${String(9_000_000 + i).padStart(7, '0')}`,
    tags: i % 5 === 0 ? ['trip-hop', 'bristol'] : [],
    spotify_id: `https://open.spotify.com/track/${i.toString(36)}`,
  };
  if (i % 4 === 0) info.duration = 180 + (i % 120);
  else info.duration_ms = (180 + (i % 120)) * 1000;
  return {
    listened_at: TS - i * 213,
    track_metadata: {
      artist_name: artists[i % artists.length],
      track_name: `Track ${i} ${i % 10 === 0 ? '(Live)' : ''}`,
      release_name: i % 6 === 0 ? '' : `Album ${i % 40}`,
      additional_info: info,
    },
  };
}

t.test('a realistic import of 1,000 listens is accepted', async (t) => {
  const body = submit(
    'import',
    Array.from({ length: LB_MAX_LISTENS_PER_IMPORT }, (_, i) => realisticListen(i)),
  );
  const r = parseSubmission(body, NOW);
  if (!r.ok) {
    t.fail(`rejected: ${r.error}`);
    return;
  }
  t.equal(r.listenType, 'import');
  t.equal(r.listens.length, 1000);
  const l0 = r.listens[0];
  const l999 = r.listens[999];
  t.match(l0, {
    listened_at: TS,
    artist_name: 'Massive Attack',
    track_name: 'Track 0 (Live)',
    release_name: null,
    release_mbid: null,
    duration_ms: 180_000,
    music_service: 'spotify.com',
    tags: ['trip-hop', 'bristol'],
    isrc: 'GBAAA9000000',
  });
  t.match(l999, {
    listened_at: TS - 999 * 213,
    track_name: 'Track 999',
    release_name: 'Album 39',
    music_service: null,
    media_player: 'foobar2000',
    duration_ms: (180 + (999 % 120)) * 1000,
    recording_mbid: '00000000-0000-4000-8000-0000000003e7',
  });
  t.equal(l999?.additional_info.tracknumber, '4', 'unknown additional_info keys are kept');
});

t.test('an import of 1,001 listens is rejected', async (t) => {
  const body = submit(
    'import',
    Array.from({ length: LB_MAX_LISTENS_PER_IMPORT + 1 }, (_, i) => realisticListen(i)),
  );
  t.ok(Buffer.byteLength(body) < LB_MAX_BODY_BYTES, 'well inside the byte limits');
  t.same(parseSubmission(body, NOW), {
    ok: false,
    code: 400,
    error: 'Too many listens. You may not submit more than 1000 listens at once.',
  });
});
