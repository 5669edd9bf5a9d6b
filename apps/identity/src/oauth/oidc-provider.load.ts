/// <reference path="./oidc-provider.d.ts" />
import type * as OidcProvider from 'oidc-provider';

const RUNTIME_WARNING = 'oidc-provider WARNING: Unsupported runtime';

/**
 * Loads oidc-provider. Version 9 warns on stderr at load on Node 20 ("Unsupported runtime"), though it runs and is
 * tested here (see the toolchain notes); that one line, and only it, is dropped while the module loads, so that
 * Chorus's own start-up and refusal messages stay one line. Every other warning still goes through.
 */
export async function loadOidcProvider(): Promise<typeof OidcProvider> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes(RUNTIME_WARNING)) return;
    warn(...args);
  };
  try {
    return await import('oidc-provider');
  } finally {
    console.warn = warn;
  }
}
