import { bootTelemetry } from '@chorus/service-kit/telemetry';

// Tracing first: what it instruments is loaded by the imports below.
bootTelemetry('chorus-listening');
const { loadConfig, runProcess } = await import('@chorus/service-kit');
const { listeningService } = await import('./index.js');

await runProcess(loadConfig(), [listeningService], { title: 'Chorus listening' });
