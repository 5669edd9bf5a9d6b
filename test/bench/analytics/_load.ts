import { DATASETS, ensureDataset } from './dataset.js';
for (const spec of DATASETS) await ensureDataset(spec, (l) => console.log(new Date().toISOString(), l));
