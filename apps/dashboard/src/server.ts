import { bootTelemetry } from '@chorus/service-kit/telemetry';

// The web app as its own process (the production topology's `web`): the built app and nothing else; the gateway
// sends it every path that is not the API's. Tracing first: what it instruments is loaded by the imports below.
bootTelemetry('chorus-web');
const { loadConfig, runProcess } = await import('@chorus/service-kit');
const { webService } = await import('./index.js');

await runProcess(loadConfig(), [webService()], { title: 'Chorus web app' });
