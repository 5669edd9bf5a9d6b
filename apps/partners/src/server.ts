import { bootTelemetry } from '@chorus/service-kit/telemetry';

// Tracing first: what it instruments is loaded by the imports below.
bootTelemetry('chorus-partners');
const { loadConfig, runProcess } = await import('@chorus/service-kit');
const { partnersService } = await import('./index.js');

await runProcess(loadConfig(), [partnersService], { title: 'Chorus partners' });
