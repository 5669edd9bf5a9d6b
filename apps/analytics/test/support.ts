import type { InternalRole } from '@chorus/db';
import type { ServiceDeps } from '@chorus/service-kit';
import { createUser, type TestUser } from '@chorus/service-kit/testing';
import { utcDay } from '@chorus/test-kit';

export const DAY_MS = 86_400_000;
export const today = () => utcDay(new Date());
export const addDays = (day: string, n: number) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
export const at = (day: string, time: string) => new Date(`${day}T${time}Z`);

export { drained, startTestWorkers } from '@chorus/workers/testing';

export type Role = 'admin' | 'editor' | 'reader';

/** A user on the artist's team with the given role. */
export async function teamMember(deps: ServiceDeps, artistId: string, role: Role, roles: InternalRole[] = []): Promise<TestUser> {
  const user = await createUser(deps, { roles });
  await deps.db.insertInto('artist_members').values({ artist_id: artistId, user_id: user.id, role }).execute();
  return user;
}

/** Reads an SSE stream from a node:http response into parsed events. */
export function sseReader(stream: NodeJS.ReadableStream) {
  const events: Array<{ event: string; data: unknown }> = [];
  const comments: string[] = [];
  let retry: number | undefined;
  let buffer = '';
  const waiters: Array<() => void> = [];
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) comments.push(line);
        else if (line.startsWith('retry:')) retry = Number(line.slice(6));
        else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trim());
      }
      if (data.length) events.push({ event, data: JSON.parse(data.join('\n')) });
      for (const w of waiters.splice(0)) w();
    }
  });
  return {
    events,
    comments,
    get retry() {
      return retry;
    },
    /** Resolves when an event satisfying `match` has arrived (or rejects after timeoutMs). */
    async waitFor(match: (e: { event: string; data: unknown }) => boolean, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms (got ${events.length})`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}
