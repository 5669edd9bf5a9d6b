import { createHash } from 'node:crypto';
import { ProblemError, problems } from '@chorus/service-kit';

/** The snapshot id of a playlist version: `<version>-<short hash>`, different after every change. */
export function snapshotId(playlistId: string, version: number): string {
  const hash = createHash('sha256').update(`${playlistId}:${version}`).digest('base64url').slice(0, 10);
  return `${version}-${hash}`;
}

/** The ETag for a snapshot (a strong validator). */
export function etag(snapshot: string): string {
  return `"${snapshot}"`;
}

/** What a snapshot id looks like (`snapshotId`): a version, a dash and ten base64url characters. */
export const SNAPSHOT_PATTERN = '^[0-9]{1,19}-[A-Za-z0-9_-]{10}$';
const SNAPSHOT = new RegExp(SNAPSHOT_PATTERN);
const CONTENT_HASH = /^[A-Za-z0-9_-]{1,43}$/;

/**
 * What a change asks of the playlist's current snapshot: nothing (no If-Match, no snapshot_id), any snapshot
 * (`*`), or one of these. Both If-Match and a body's snapshot_id (Spotify's way) may be given: each must hold.
 */
export interface Precondition {
  /** Each set lists snapshots of which one must be current; empty: no condition. */
  readonly sets: ReadonlyArray<ReadonlySet<string> | '*'>;
}

const invalidIfMatch = (detail: string) =>
  new ProblemError(
    400,
    'invalid_if_match',
    `The If-Match header is not valid: ${detail}. Send "*" or the snapshot_id as an entity tag, e.g. "12-AbCdEfGhIj".`,
    {
      errors: [{ pointer: '/if-match', detail, in: 'headers' }],
    },
  );

/**
 * Reads If-Match (RFC 9110: `*`, or a comma-separated list of entity tags, weak or strong; a bare snapshot id is
 * taken too) and a body's snapshot_id into one precondition. A header that is not such a list, or names
 * something that is not a snapshot id, is a 400 `invalid_if_match`: it says nothing about whether the playlist
 * changed, so it must not be answered 412. A linear scan, no regular expression over the whole header.
 */
export function preconditionOf(ifMatch: string | undefined, snapshotIdInBody?: string): Precondition {
  const sets: Array<ReadonlySet<string> | '*'> = [];
  if (ifMatch !== undefined && ifMatch.trim() !== '') {
    const parts = ifMatch.split(',').map((part) => part.trim());
    if (parts.length === 1 && parts[0] === '*') sets.push('*');
    else {
      const tags = new Set<string>();
      for (const part of parts) {
        if (part === '') throw invalidIfMatch('an empty entry in the list');
        if (part === '*') throw invalidIfMatch('"*" must stand alone');
        const tag = part.startsWith('W/') ? part.slice(2) : part;
        const quoted = tag.length >= 2 && tag.startsWith('"') && tag.endsWith('"');
        const opaque = quoted ? tag.slice(1, -1) : tag;
        // A GET's ETag is the snapshot id and a hash of what was sent (`<snapshot>.<hash>`): the snapshot part is what counts.
        const dot = opaque.indexOf('.');
        const snapshot = dot < 0 ? opaque : opaque.slice(0, dot);
        if (!SNAPSHOT.test(snapshot) || (dot >= 0 && !CONTENT_HASH.test(opaque.slice(dot + 1)))) {
          throw invalidIfMatch(`${JSON.stringify(part.slice(0, 40))} is not a snapshot id`);
        }
        tags.add(snapshot);
      }
      sets.push(tags);
    }
  }
  if (snapshotIdInBody !== undefined) sets.push(new Set([snapshotIdInBody]));
  return { sets };
}

/** True when every condition holds on the current snapshot (always, without conditions). */
export function preconditionHolds(precondition: Precondition, current: string): boolean {
  return precondition.sets.every((set) => set === '*' || set.has(current));
}

/** Refuses a change with 412 (and the current snapshot) unless the snapshot the client named, if any, is current. */
export function requireSnapshot(precondition: Precondition, current: string): void {
  if (preconditionHolds(precondition, current)) return;
  throw problems.preconditionFailed(
    'The playlist changed since the snapshot you named (If-Match or snapshot_id): read it again, then retry on the current snapshot.',
    {
      current_snapshot_id: current,
      headers: { etag: etag(current) },
    },
  );
}
