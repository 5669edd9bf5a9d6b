import { loadConfig, runProcess } from '@chorus/service-kit';
import { catalogService } from './index.js';

await runProcess(loadConfig(), [catalogService], { title: 'Chorus catalog' });
