import { bootTelemetry } from '@chorus/service-kit/telemetry';

// Tracing first: what it instruments is loaded by the imports below.
bootTelemetry('chorus-analytics');
const { loadConfig, runProcess } = await import('@chorus/service-kit');
const { analyticsService } = await import('./index.js');

await runProcess(loadConfig(), [analyticsService], { title: 'Chorus analytics' });
