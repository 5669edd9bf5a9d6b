import { loadConfig, runProcess } from '@chorus/service-kit';
import { playlistsService } from './index.js';

await runProcess(loadConfig(), [playlistsService], { title: 'Chorus playlists' });
