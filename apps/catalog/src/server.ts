import { bootTelemetry } from '@chorus/service-kit/telemetry';

// Tracing first: what it instruments is loaded by the imports below.
bootTelemetry('chorus-catalog');
const { loadConfig, runProcess } = await import('@chorus/service-kit');
const { catalogService } = await import('./index.js');

await runProcess(loadConfig(), [catalogService], { title: 'Chorus catalog' });
