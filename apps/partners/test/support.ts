export const testEnv = { env: { CHORUS_RATE_LIMITS: 'off' } };

export const deviceApp = {
  name: 'In-car player',
  client_type: 'public',
  grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
  scopes: ['listens:write', 'listens:read', 'playlists:read'],
  device_class: 'car',
};
