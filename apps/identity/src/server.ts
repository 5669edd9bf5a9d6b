import { loadConfig, runProcess } from '@chorus/service-kit';
import { identityService } from './index.js';

await runProcess(loadConfig(), [identityService], { title: 'Chorus identity' });
