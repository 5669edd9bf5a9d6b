import net from 'node:net';
import { ConfigError } from './config.js';

/** A start-up refusal whose message is the whole story: printed as one line, exit code 1, no stack. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** The address a process serves, for messages and the data folder's lock. */
export function httpAddress(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export function portBusyMessage(host: string, port: number): string {
  return `${httpAddress(host, port)} is already in use by another process: stop it, or set PORT to a free port.`;
}

/** Throws a StartupError when host:port cannot be bound, so a clash is found before anything is started. */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
  if (!error) return;
  if (error.code === 'EADDRINUSE') throw new StartupError(portBusyMessage(host, port));
  throw new StartupError(`cannot listen on ${httpAddress(host, port)}: ${error.code ?? error.message}`);
}

/**
 * Runs a process's start-up; a StartupError or ConfigError ends the process with its one line on stderr and
 * exit code 1, anything else with its stack. The start-up has already stopped whatever it started.
 */
export async function startOrExit<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof StartupError || error instanceof ConfigError) process.stderr.write(`chorus: ${error.message}\n`);
    else process.stderr.write(`chorus: start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    // Writes to stderr are synchronous on Linux (file, pipe, terminal): nothing is lost by exiting now.
    process.exit(1);
  }
}
