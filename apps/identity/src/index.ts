import type { ServiceModule } from '@chorus/service-kit';
import { identityPlugin } from './identity.plugin.js';

export { authenticatePersonalToken, type PersonalTokenCaller } from './tokens.service.js';
export { hashPassword } from './passwords.js';

/** Accounts, sessions (access and refresh tokens), the JWKS, personal API tokens and internal roles. */
export const identityService: ServiceModule = {
  name: 'identity',
  description: 'Accounts, log-in and tokens: access and refresh tokens, the public signing keys (JWKS), personal API tokens and internal roles.',
  plugin: identityPlugin,
};
