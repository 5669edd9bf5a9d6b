import { createHash } from 'node:crypto';

/** The snapshot id of a playlist version: `<version>-<short hash>`, different after every change. */
export function snapshotId(playlistId: string, version: number): string {
  const hash = createHash('sha256').update(`${playlistId}:${version}`).digest('base64url').slice(0, 10);
  return `${version}-${hash}`;
}

/** The ETag for a snapshot (a strong validator). */
export function etag(snapshot: string): string {
  return `"${snapshot}"`;
}

/**
 * True when an If-Match header names the current snapshot (quoted or bare, weak or strong, in a list, or `*`).
 * An absent header matches: a client that sends none asks for the change on the current state.
 */
export function ifMatchAccepts(header: string | undefined, current: string): boolean {
  if (header === undefined || header.trim() === '') return true;
  return header.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
    return tag === '*' || tag === current;
  });
}
