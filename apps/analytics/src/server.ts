import { loadConfig, runProcess } from '@chorus/service-kit';
import { analyticsService } from './index.js';

await runProcess(loadConfig(), [analyticsService], { title: 'Chorus analytics' });
