import { loadSigningKey, type ServiceDeps, type ServiceModule } from '@chorus/service-kit';
import { identityPlugin } from './identity.plugin.js';

export { hashPassword } from './passwords.js';

/** Accounts, sessions (access and refresh tokens), the JWKS, personal API tokens and internal roles. */
export const identityService: ServiceModule = {
  name: 'identity',
  description: 'Accounts, log-in and tokens: access and refresh tokens, the public signing keys (JWKS), personal API tokens and internal roles.',
  plugin: identityPlugin,
};

/**
 * A boot step for processes that run identity: encrypts private keys still stored in clear and loads the signer,
 * so a wrong CHORUS_KEY_ENCRYPTION_KEY stops the boot with one clear line instead of failing every log-in.
 */
export async function prepareSigningKeys(deps: Pick<ServiceDeps, 'db' | 'config'>): Promise<void> {
  const { auth } = deps.config;
  await loadSigningKey(deps.db, auth.keyEncryptionKey, auth.signingKeyPem);
}
