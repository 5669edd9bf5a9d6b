import type { FieldError } from '@chorus/service-kit';
import type { IncomingListen } from './ingest.service.js';

/** Earliest accepted listen (as ListenBrainz) and how far ahead of the server clock a listen may be. */
export const MIN_LISTENED_AT = Date.UTC(2002, 9, 1);
export const MAX_AHEAD_MS = 3600_000;

/** Checks what a schema cannot: how the track is named and when it was played. Pointers are into the batch. */
export function checkListens(listens: Array<Partial<IncomingListen> & { listened_at: Date }>, now: number, pointerBase = '/listens'): FieldError[] {
  const errors: FieldError[] = [];
  listens.forEach((l, i) => {
    const at = `${pointerBase}/${i}`;
    const hasNames = Boolean(l.artist_name?.trim()) && Boolean(l.track_name?.trim());
    if (!l.track_id && !l.isrc && !hasNames) {
      errors.push({ pointer: at, detail: 'name the track by track_id, isrc, or artist_name and track_name', in: 'body' });
    }
    if (
      (l.artist_name !== undefined && l.artist_name !== null && !l.artist_name.trim()) ||
      (l.track_name !== undefined && l.track_name !== null && !l.track_name.trim())
    ) {
      errors.push({ pointer: `${at}/${l.artist_name?.trim() === '' ? 'artist_name' : 'track_name'}`, detail: 'must not be blank', in: 'body' });
    }
    const t = l.listened_at.getTime();
    if (Number.isNaN(t)) errors.push({ pointer: `${at}/listened_at`, detail: 'is not a valid time', in: 'body' });
    else if (t < MIN_LISTENED_AT) errors.push({ pointer: `${at}/listened_at`, detail: 'must not be before 2002-10-01T00:00:00Z', in: 'body' });
    else if (t > now + MAX_AHEAD_MS) errors.push({ pointer: `${at}/listened_at`, detail: 'must not be more than one hour in the future', in: 'body' });
  });
  return errors;
}
