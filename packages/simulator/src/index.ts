export * from './random.js';
export * from './world.js';
export * from './traffic.js';
export * from './bulk.js';
export * from './background.js';
export {
  Accounts,
  accountOf,
  type CatalogSetup,
  ensureCatalog,
  HttpTarget,
  type HttpTargetOptions,
  type ListensResult,
  type LoadOptions,
  type LoadStats,
  MANAGER_ACCOUNT,
  retryAfterMs,
  runHttpLoad,
  type SimAccount,
} from './http-target.js';
export { parseDuration } from './simulate.args.js';
export { CONTEXT_TYPES, GENDERS, type Gender, MARKETS, type Market, PLATFORMS } from './vocabulary.js';
