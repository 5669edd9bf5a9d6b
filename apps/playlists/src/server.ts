import { bootTelemetry } from '@chorus/service-kit/telemetry';

// Tracing first: what it instruments is loaded by the imports below.
bootTelemetry('chorus-playlists');
const { loadConfig, runProcess } = await import('@chorus/service-kit');
const { playlistsService } = await import('./index.js');

await runProcess(loadConfig(), [playlistsService], { title: 'Chorus playlists' });
