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
  HttpError,
  type HttpResponse,
  HttpTarget,
  type HttpTargetOptions,
  type LoadOptions,
  type LoadStats,
  MANAGER_ACCOUNT,
  retryAfterMs,
  runHttpLoad,
  type SimAccount,
} from './http-target.js';
export { parseDuration } from './simulate.args.js';
export { CONTEXT_TYPES, GENDERS, type Gender, MARKETS, type Market, PLATFORMS } from './vocabulary.js';
