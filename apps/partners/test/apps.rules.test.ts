import { DEVICE_CODE_GRANT } from '@chorus/db';
import { scopesForGrant } from '@chorus/service-kit';
import t from 'tap';
import { type AppConfig, appConfigErrors, httpsUrlProblem, redirectUriProblem } from '../src/apps.rules.js';

t.test('redirect URIs: https, or loopback http for native apps; exact, no fragments', async (t) => {
  const accepted = [
    'https://app.example.com/callback',
    'https://app.example.com/callback?x=1',
    'http://127.0.0.1/callback',
    'http://127.0.0.1:51004/callback',
    'http://[::1]:8080/cb',
    'http://localhost:3000/cb',
    'http://localhost',
  ];
  for (const uri of accepted) t.equal(redirectUriProblem(uri), undefined, uri);
  const refused: Array<[string, RegExp]> = [
    ['http://app.example.com/callback', /https/],
    ['http://localhost.evil.example/cb', /https/],
    ['http://127.0.0.1.evil.example/cb', /https/],
    ['http://127.1/cb', /https/],
    ['https://app.example.com/cb#frag', /fragment/],
    ['https://app.example.com/cb#', /fragment/],
    ['https://*.example.com/cb', /wildcards/],
    ['https://user:pw@app.example.com/cb', /user information/],
    ['http://127.0.0.1@evil.example/cb', /user information/],
    ['https://app.example.com/c b', /spaces/],
    ['https://app.example.com/\ncb', /control/],
    ['javascript:alert(1)', /https/],
    ['com.example.app:/callback', /https/],
    ['/relative', /absolute/],
    ['https:app.example.com', /https|host/],
  ];
  for (const [uri, why] of refused) t.match(redirectUriProblem(uri), why, uri);
});

t.test('URLs shown to people must be https', async (t) => {
  t.equal(httpsUrlProblem('https://cdn.example.com/logo.png'), undefined);
  t.match(httpsUrlProblem('http://cdn.example.com/logo.png'), /https/);
  t.match(httpsUrlProblem('https://a:b@cdn.example.com/'), /user information/);
  t.match(httpsUrlProblem('data:image/png;base64,AAAA'), /https/);
});

t.test('an app registration must agree with itself', async (t) => {
  const base: AppConfig = {
    client_type: 'confidential',
    grant_types: ['authorization_code', 'refresh_token'],
    scopes: ['listens:read'],
    redirect_uris: ['https://app.example.com/cb'],
    device_class: null,
  };
  const problems = (change: Partial<AppConfig>) => appConfigErrors({ ...base, ...change }).map((e) => `${e.pointer}: ${e.detail}`);
  t.same(problems({}), []);
  t.match(problems({ client_type: 'public', grant_types: ['client_credentials'], redirect_uris: [], scopes: ['partner:manage'] }), [
    /grant_types: client_credentials needs a confidential/,
  ]);
  t.match(problems({ grant_types: ['refresh_token'], redirect_uris: [] }), [/refresh_token needs/]);
  t.match(problems({ redirect_uris: [] }), [/redirect_uris: authorization_code needs at least one/]);
  t.match(problems({ grant_types: ['client_credentials'], scopes: ['partner-analytics:read'] }), [/redirect URIs are used only by the authorization_code/]);
  t.match(problems({ grant_types: [DEVICE_CODE_GRANT], redirect_uris: [] }), [/device_class: the device_code grant needs a device_class/]);
  t.same(problems({ client_type: 'public', grant_types: [DEVICE_CODE_GRANT, 'refresh_token'], redirect_uris: [], device_class: 'tv' }), []);
  t.match(problems({ scopes: ['admin:manage'] }), [/admin:manage is not a scope a partner app may hold/]);
  t.match(problems({ scopes: ['product-insight:read', 'nope'] }), [/product-insight:read/, /nope/]);
  t.match(
    problems({ grant_types: ['client_credentials'], redirect_uris: [], scopes: ['partner-analytics:read', 'listens:read'] }),
    [/scopes: listens:read act for a person/],
    'acting only for itself, an app holds only app scopes',
  );
  t.same(
    problems({ grant_types: ['authorization_code', 'client_credentials'], scopes: ['listens:read', 'partner-analytics:read'] }),
    [],
    'mixed apps may hold both',
  );
  t.match(problems({ redirect_uris: ['https://ok.example.com/cb', 'http://bad.example.com/cb'] }), [/redirect_uris\/1: must use https/]);
});

t.test('client credentials tokens get only app scopes', async (t) => {
  const registered = ['listens:read', 'partner-analytics:read', 'partner:manage', 'admin:manage'];
  t.same(scopesForGrant(registered, 'client_credentials'), ['partner-analytics:read', 'partner:manage']);
  t.same(scopesForGrant(registered, 'authorization_code'), ['listens:read', 'partner-analytics:read', 'partner:manage'], 'never an internal scope');
});
