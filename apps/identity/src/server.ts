import { bootTelemetry } from '@chorus/service-kit/telemetry';

// Tracing first: what it instruments is loaded by the imports below.
bootTelemetry('chorus-identity');
const { loadConfig, runProcess } = await import('@chorus/service-kit');
const { identityService, prepareSigningKeys } = await import('./index.js');

await runProcess(loadConfig(), [identityService], {
  title: 'Chorus identity',
  beforeListen: async (deps) => {
    await prepareSigningKeys(deps);
    return undefined;
  },
});
