/**
 * One owner at a time for an embedded data folder: `${dataDir}/chorus.lock` holds the owner's pid, its
 * process identity (boot id and start time, so a recycled pid is not mistaken for it), what it runs and the
 * address it serves. Taking it is atomic (a hard link of a complete file); a lock whose owner is gone is
 * taken over. Tools that only need the database share the owner's cluster without taking the lock.
 */
import { readFileSync, unlinkSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { StartupError } from './startup.js';

export interface DataDirOwner {
  pid: number;
  /** `<boot id>/<start time>` on Linux: tells a live owner from a recycled pid. */
  identity: string | undefined;
  /** What holds it: "Chorus API", "npm run db:migrate". */
  command: string;
  /** The HTTP address the owner serves, when it serves one. */
  url: string | undefined;
  since: string;
}

export interface DataDirLock {
  readonly file: string;
  /** Rewrites the owner's details (e.g. the address once listening). */
  update(fields: Pick<DataDirOwner, 'url'>): Promise<void>;
  /** Removes the lock when it is still ours; idempotent. */
  release(): Promise<void>;
}

export const LOCK_FILE = 'chorus.lock';

/** Refusal to start because another live process owns the data folder. */
export class DataDirBusyError extends StartupError {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner,
  ) {
    const serving = owner.url ? `, serving ${owner.url}` : '';
    super(
      `the data folder ${dataDir} is in use by ${owner.command} (pid ${owner.pid}${serving}): ` + 'stop it first, or set CHORUS_DATA_DIR to another folder.',
    );
  }
}

async function identityOf(pid: number): Promise<string | undefined> {
  try {
    const [bootId, stat] = await Promise.all([fs.readFile('/proc/sys/kernel/random/boot_id', 'utf8'), fs.readFile(`/proc/${pid}/stat`, 'utf8')]);
    // Field 22 (start time) counted after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
    return `${bootId.trim()}/${fields[19]}`;
  } catch {
    return undefined;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the recorded owner is still the process that wrote the lock. */
async function isLive(owner: DataDirOwner): Promise<boolean> {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0 || !pidExists(owner.pid)) return false;
  const now = await identityOf(owner.pid);
  // Without procfs (not Linux) a live pid is all we can know.
  if (now === undefined || owner.identity === undefined) return now !== undefined || !(await procfs());
  return now === owner.identity;
}

async function procfs(): Promise<boolean> {
  try {
    await fs.access('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
}

function parse(text: string): DataDirOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<DataDirOwner>;
    if (typeof value.pid !== 'number') return undefined;
    return {
      pid: value.pid,
      identity: typeof value.identity === 'string' ? value.identity : undefined,
      command: typeof value.command === 'string' ? value.command.slice(0, 200) : 'another process',
      url: typeof value.url === 'string' ? value.url.slice(0, 200) : undefined,
      since: typeof value.since === 'string' ? value.since : '',
    };
  } catch {
    return undefined;
  }
}

async function readLock(file: string): Promise<{ text: string; owner: DataDirOwner | undefined } | undefined> {
  try {
    const text = await fs.readFile(file, 'utf8');
    return { text, owner: parse(text) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The live owner of the data folder, if any. */
export async function dataDirOwner(dataDir: string): Promise<DataDirOwner | undefined> {
  const found = await readLock(path.join(path.resolve(dataDir), LOCK_FILE));
  return found?.owner && (await isLive(found.owner)) ? found.owner : undefined;
}

/** Writes content to a private temporary file and hard-links it to `file`: fails with EEXIST, never half-written. */
async function linkNew(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, content, { mode: 0o644 });
  try {
    await fs.link(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/**
 * Takes the data folder for this process. Throws DataDirBusyError when a live process holds it; takes over
 * a lock whose owner is gone (killed, or the machine restarted).
 */
export async function lockDataDir(dataDir: string, details: { command: string; url?: string }): Promise<DataDirLock> {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE);
  await fs.mkdir(dir, { recursive: true });
  let owner: DataDirOwner = {
    pid: process.pid,
    identity: await identityOf(process.pid),
    command: details.command,
    url: details.url,
    since: new Date().toISOString(),
  };
  const content = () => `${JSON.stringify(owner, null, 2)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      await linkNew(file, content());
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw err;
    }
    const found = await readLock(file);
    if (!found) continue;
    if (found.owner && (await isLive(found.owner))) throw new DataDirBusyError(dir, found.owner);
    // Stale: move it aside under a private name, and delete it only if it is still the stale one we judged
    // (another starter may have taken over in between; then put theirs back and look again).
    const aside = `${file}.${process.pid}.stale`;
    try {
      await fs.rename(file, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    const moved = await fs.readFile(aside, 'utf8');
    if (moved !== found.text) await fs.link(aside, file).catch(() => undefined);
    await fs.rm(aside, { force: true });
  }

  const ours = (text: string | undefined) => {
    const current = text === undefined ? undefined : parse(text);
    return current?.pid === owner.pid && current.identity === owner.identity;
  };
  // A crash that skips release() (an uncaught exception) still frees the folder for the next start.
  const onExit = () => {
    try {
      if (ours(readFileSync(file, 'utf8'))) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', onExit);
  let released = false;
  return {
    file,
    async update(fields) {
      if (released) return;
      owner = { ...owner, ...fields };
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, content(), { mode: 0o644 });
      await fs.rename(tmp, file);
    },
    async release() {
      if (released) return;
      released = true;
      process.removeListener('exit', onExit);
      const found = await readLock(file);
      if (found && ours(found.text)) await fs.rm(file, { force: true });
    },
  };
}
