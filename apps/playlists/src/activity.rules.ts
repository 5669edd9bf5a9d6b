import type { Activity, Person } from './playlist.schemas.js';

// What of the change log a caller who is not a collaborator may see (anyone can read a public playlist's log).

/** Activity types about invitations: who was offered which role until when is the collaborators' business. */
const INVITE_TYPES = new Set(['invite_created', 'invite_revoked', 'invite_declined']);

/** Payload fields that hold a user id, by activity type. */
const USER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  collaborator_added: ['user_id'],
  collaborator_role_changed: ['user_id'],
  collaborator_removed: ['user_id'],
  collaborator_left: ['user_id'],
  ownership_transferred: ['from', 'to'],
};

const asRecord = (payload: unknown): Record<string, unknown> =>
  payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};

/** Every user an activity names (its actor and any in its payload): whose handles a public view needs. */
export function usersNamed(activity: { type: string; actor_id: string | null; payload: unknown }): string[] {
  const payload = asRecord(activity.payload);
  const ids = (USER_FIELDS[activity.type] ?? []).map((field) => payload[field]).filter((id): id is string => typeof id === 'string');
  return activity.actor_id ? [activity.actor_id, ...ids] : ids;
}

/**
 * An activity as a caller who is not a collaborator sees it: invitation events are left out (null), an
 * invitation's id is dropped from a join, and people are shown by handle and display name instead of user ids
 * (`actor`, and `user`, `from`, `to` in payloads); a person no longer known is null.
 */
export function publicActivity<T extends Activity>(activity: T, people: ReadonlyMap<string, Person>): (T & { actor: Person | null }) | null {
  if (INVITE_TYPES.has(activity.type)) return null;
  const personOf = (id: unknown) => (typeof id === 'string' ? (people.get(id) ?? null) : null);
  const fields = USER_FIELDS[activity.type];
  let payload = activity.payload;
  if (fields) {
    const { invite_id: _invite, ...rest } = asRecord(activity.payload);
    const shown: Record<string, unknown> = rest;
    for (const field of fields) {
      const person = personOf(shown[field]);
      delete shown[field];
      shown[field === 'user_id' ? 'user' : field] = person;
    }
    payload = shown;
  }
  return { ...activity, actor_id: null, actor: personOf(activity.actor_id), payload };
}
