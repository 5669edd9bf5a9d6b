import { loadConfig, runProcess } from '@chorus/service-kit';
import { listeningService } from './index.js';

await runProcess(loadConfig(), [listeningService], { title: 'Chorus listening' });
