import {
  ARTIST_WINDOWS,
  type Db,
  daySetQueries,
  type InternalRole,
  identityQueries,
  listenerWindowQueries,
  trackWindowQueries,
  PARTNER_WINDOW_SUBJECTS,
  type WindowSubject,
} from '@chorus/db';
import type { ChorusConfig } from '@chorus/service-kit';
import { CONFIGURED_KEY_MESSAGE, rotate } from './admin.service.js';
import { INTERNAL_ROLES } from './auth.schemas.js';

export const USAGE =
  'usage: npm run admin -- grant EMAIL ROLE | revoke EMAIL ROLE | list | rotate-keys [--new-encryption-key] | listener-windows [--repair] | day-sets [--repair]';

/** A command that cannot be done; its message is the one line the CLI prints, and it exits with `exitCode`. */
export class AdminCommandError extends Error {
  override name = 'AdminCommandError';
  constructor(
    message: string,
    /** 2 for a wrong command line, 1 for a command that failed. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export type AdminCommand =
  | { name: 'grant' | 'revoke'; email: string; role: InternalRole }
  | { name: 'list' }
  | { name: 'rotate-keys'; newEncryptionKey: boolean }
  | { name: 'listener-windows' | 'day-sets'; repair: boolean };

function isInternalRole(role: string): role is InternalRole {
  return (INTERNAL_ROLES as readonly string[]).includes(role);
}

/** Reads the command line, before anything touches the database. */
export function parseAdminCommand(args: readonly string[]): AdminCommand {
  const [name, ...rest] = args;
  if ((name === 'grant' || name === 'revoke') && rest.length === 2) {
    const [email, role] = rest as [string, string];
    if (!isInternalRole(role)) throw new AdminCommandError(`unknown role "${role}" (one of: ${INTERNAL_ROLES.join(', ')})`, 2);
    return { name, email, role };
  }
  if (name === 'list' && rest.length === 0) return { name };
  if (name === 'rotate-keys' && (rest.length === 0 || (rest.length === 1 && rest[0] === '--new-encryption-key'))) {
    return { name, newEncryptionKey: rest.length === 1 };
  }
  if ((name === 'listener-windows' || name === 'day-sets') && (rest.length === 0 || (rest.length === 1 && rest[0] === '--repair'))) {
    return { name, repair: rest.length === 1 };
  }
  throw new AdminCommandError(USAGE, 2);
}

/**
 * Runs one operator command against the database and answers the lines to print. This is how the first
 * platform admin is made: only someone who can reach the database can grant a role, so sign-up cannot race it.
 */
export async function runAdminCommand(deps: { db: Db; config: ChorusConfig }, args: readonly string[]): Promise<string[]> {
  const command = parseAdminCommand(args);
  const { db, config } = deps;
  switch (command.name) {
    case 'grant':
    case 'revoke': {
      const user = await identityQueries.userByEmail(db, command.email);
      if (!user) throw new AdminCommandError(`no account has the email ${command.email}`);
      if (command.name === 'grant') {
        await identityQueries.addRole(db, user.id, command.role);
        return [`granted ${command.role} to ${user.email}`];
      }
      await identityQueries.removeRole(db, user.id, command.role);
      return [`revoked ${command.role} from ${user.email}`];
    }
    case 'list': {
      const rows = await identityQueries.usersWithRoles(db);
      return rows.length ? rows.map((row) => `${row.email}\t${row.roles.join(',')}`) : ['no account holds an internal role'];
    }
    case 'rotate-keys': {
      if (config.auth.signingKeyPem) throw new AdminCommandError(CONFIGURED_KEY_MESSAGE);
      const rotation = await rotate(db, config.auth, { newEncryptionKey: command.newEncryptionKey });
      const seconds = Math.ceil(config.auth.keyCacheTtlMs / 1000);
      return [
        `new signing key ${rotation.kid}; identity instances sign with it within ${seconds} s`,
        ...rotation.retired.map((r) => `retired ${r.kid}: it still verifies its tokens until ${r.verifies_until}`),
      ];
    }
    case 'listener-windows':
      return checkListenerWindows(db, command.repair);
    case 'day-sets':
      return checkDaySets(db, command.repair);
  }
}

/**
 * Walks ids a page at a time (`page` answers the ids after the last one, none at the end), collects what `check`
 * finds in each page, and hands it to `repair` when given, page by page.
 */
async function checkInPages<T>(
  page: (after: string | undefined) => Promise<string[]>,
  check: (ids: string[]) => Promise<T[]>,
  repair: ((found: T[]) => Promise<void>) | undefined,
): Promise<{ checked: number; drifted: T[] }> {
  let checked = 0;
  const drifted: T[] = [];
  let after: string | undefined;
  for (let ids = await page(after); ids.length > 0; ids = await page(after)) {
    const found = await check(ids);
    if (repair) await repair(found);
    drifted.push(...found);
    checked += ids.length;
    after = ids.at(-1);
  }
  return { checked, drifted };
}

/** Artists checked (and repaired) per transaction: a page's rebuild holds the window lock for well under a second. */
const WINDOW_CHECK_PAGE = 500;
/** Drifted artists or days named in the output; the count is always whole. */
const NAMED_AT_MOST = 20;

/** The first NAMED_AT_MOST lines, and how many more there are. */
const namedAtMost = (lines: string[]) => [
  ...lines.slice(0, NAMED_AT_MOST),
  ...(lines.length > NAMED_AT_MOST ? [`and ${lines.length - NAMED_AT_MOST} more`] : []),
];

/**
 * Checks every artist's, partner's and track's kept window deltas (the distinct listeners of 7 to 365 days) against
 * their listener sets (a track's: its folded day sets), a page at a time beside a running platform, and with
 * `repair` rebuilds the drifted ones.
 */
async function checkListenerWindows(db: Db, repair: boolean): Promise<string[]> {
  // A partner has several kept subjects (its own, its apps', its device classes'): it drifted when any of them did,
  // and a repair rebuilds them all.
  const check = (noun: 'artist' | 'partner', page: (after: string | undefined) => Promise<string[]>, subjects: readonly WindowSubject[]) =>
    checkInPages(
      page,
      async (ids) => {
        const found = new Set<string>();
        for (const subject of subjects) for (const id of await listenerWindowQueries.drifted(db, ids, subject)) found.add(id);
        return [...found].sort();
      },
      repair
        ? async (found) => {
            for (const subject of subjects) await listenerWindowQueries.rebuild(db, found, subject);
          }
        : undefined,
    ).then(({ checked, drifted }) => ({ noun, checked, drifted }));
  const results = [
    await check('artist', (after) => listenerWindowQueries.artistPage(db, after, WINDOW_CHECK_PAGE), [ARTIST_WINDOWS]),
    await check('partner', (after) => daySetQueries.partnerPage(db, after, WINDOW_CHECK_PAGE), PARTNER_WINDOW_SUBJECTS),
    // A track's windows are folded from its day sets by the compaction job; a repair folds them again from the start.
    await checkInPages(
      (after) => daySetQueries.trackPage(db, after, WINDOW_CHECK_PAGE),
      (ids) => trackWindowQueries.drifted(db, ids),
      repair ? (found) => trackWindowQueries.refold(db, found) : undefined,
    ).then(({ checked, drifted }) => ({ noun: 'track', checked, drifted })),
  ];
  const verdict = (n: number) =>
    n === 0 ? 'no drift' : repair ? `${n} drifted, rebuilt from their listener sets` : `${n} drifted; run again with --repair to rebuild them`;
  return [
    ...namedAtMost(results.flatMap(({ noun, drifted }) => drifted.map((id) => `drifted: ${noun} ${id}`))),
    ...results.map(({ noun, checked, drifted }) => `listener windows of ${checked} ${noun}s checked: ${verdict(drifted.length)}`),
  ];
}

/** Tracks or artists checked per page: a page's check reads their listener rows once. */
const DAY_SET_CHECK_PAGE = 200;

/**
 * Checks the compact day sets against the listener rows beside a running platform: every track's sets, then every
 * artist's audience cells, then every partner's, a page at a time. With `repair` it puts the days a read would count wrong back to rows,
 * queued for the compaction job.
 */
async function checkDaySets(db: Db, repair: boolean): Promise<string[]> {
  const tracks = await checkInPages(
    (after) => daySetQueries.trackPage(db, after, DAY_SET_CHECK_PAGE),
    (page) => daySetQueries.driftedTrackDays(db, page),
    repair ? (found) => daySetQueries.repairTrackDays(db, found) : undefined,
  );
  const artists = await checkInPages(
    (after) => listenerWindowQueries.artistPage(db, after, DAY_SET_CHECK_PAGE),
    (page) => daySetQueries.driftedArtistDays(db, page),
    repair ? (found) => daySetQueries.repairArtistDays(db, found) : undefined,
  );
  const partners = await checkInPages(
    (after) => daySetQueries.partnerPage(db, after, DAY_SET_CHECK_PAGE),
    (page) => daySetQueries.driftedPartnerDays(db, page),
    repair ? (found) => daySetQueries.repairPartnerDays(db, found) : undefined,
  );
  const verdict = (n: number, noun: string) =>
    n === 0
      ? 'no drift'
      : repair
        ? `${n} ${noun}-days drifted, read from their listener rows until the compaction job rebuilds them`
        : `${n} ${noun}-days drifted; run again with --repair to rebuild them`;
  return [
    ...namedAtMost([
      ...tracks.drifted.map((d) => `drifted: track ${d.track_id} on ${d.day}`),
      ...artists.drifted.map((d) => `drifted: artist ${d.artist_id} on ${d.day}`),
      ...partners.drifted.map((d) => `drifted: partner ${d.partner_id} on ${d.day}`),
    ]),
    `day sets of ${tracks.checked} tracks checked: ${verdict(tracks.drifted.length, 'track')}`,
    `audience cells of ${artists.checked} artists checked: ${verdict(artists.drifted.length, 'artist')}`,
    `audience cells of ${partners.checked} partners checked: ${verdict(partners.drifted.length, 'partner')}`,
  ];
}
