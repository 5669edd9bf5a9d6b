export * from './contracts.js';
export * from './error-log.js';
export * from './job.js';
export * from './job-system.js';
export { UnrecoverableError } from 'bullmq';
