export * from './connection.js';
export * from './ids.js';
export * from './migrate.js';
export * from './text.js';
export type * from './tables/index.js';
export { keysQueries } from './queries/keys.queries.js';
