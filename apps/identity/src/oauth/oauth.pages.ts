import { createHash } from 'node:crypto';
import { SCOPES, type Scope } from '@chorus/service-kit';

/**
 * The authorization server's pages: server-rendered HTML with no external assets, no scripts, and one inline
 * stylesheet allowed by its hash. Every value is escaped; forms POST and carry the interaction uid in their URL
 * (the interaction cookie is SameSite, so another site cannot submit them).
 */

// The web app's look (apps/dashboard/src/web/styles.css): its design tokens, card, fields and buttons, light and dark.
const STYLE = [
  ':root{--bg:#f7f7fb;--surface:#fff;--text:#17171f;--muted:#585866;--border:#dcdce6;--accent:#4b3bc9;--accent-text:#fff;--accent-soft:#ecebfb;',
  '--ok:#17683b;--ok-soft:#e3f4ea;--bad:#a3232b;--bad-soft:#fbe7e8;--warn:#7a5200;--warn-soft:#fbf1dc;--radius:10px;',
  '--shadow:0 1px 2px rgb(20 20 40 / 6%),0 2px 8px rgb(20 20 40 / 5%);',
  'font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:16px;line-height:1.5;color:var(--text);background:var(--bg);color-scheme:light dark}',
  '@media (prefers-color-scheme:dark){:root{--bg:#111118;--surface:#1b1b24;--text:#ececf3;--muted:#a6a6b8;--border:#33333f;--accent:#a99cff;--accent-text:#111118;',
  '--accent-soft:#27233f;--ok:#6fd39a;--ok-soft:#17301f;--bad:#ff8f95;--bad-soft:#3a1a1d;--warn:#f0c060;--warn-soft:#352a12}}',
  '*{box-sizing:border-box}body{margin:0;min-height:100vh;display:grid;place-items:center;padding:1rem}',
  'main{background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);box-shadow:var(--shadow);padding:1.6rem;width:min(440px,100%)}',
  '.brand{margin:0 0 .4rem;font-weight:700;font-size:1.05rem}.brand-mark{color:var(--accent)}',
  'h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .8rem}p{margin:.6rem 0}a{color:var(--accent)}',
  'label{display:block;margin:.8rem 0 .25rem;font-weight:500}',
  'input{font:inherit;color:var(--text);background:var(--surface);border:1px solid var(--border);border-radius:8px;padding:.45rem .6rem;width:100%}',
  'input[name=user_code]{text-transform:uppercase;text-align:center;letter-spacing:.15em;font-size:1.3rem}',
  'button{font:inherit;font-weight:600;margin-top:1rem;padding:.45rem .9rem;border-radius:8px;border:1px solid var(--accent);background:var(--accent);color:var(--accent-text);cursor:pointer}',
  'button.secondary{background:transparent;color:var(--accent)}',
  'a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}',
  'form{margin:0}.row{display:flex;gap:.75rem;flex-wrap:wrap;align-items:center}',
  '.error{color:var(--bad);background:var(--bad-soft);padding:.5rem .7rem;border-radius:8px}',
  'ul{padding-left:1.25rem;margin:.4rem 0}li{margin:.35rem 0}.muted{color:var(--muted);font-size:.875rem}',
  '.badge{display:inline-block;font-size:.75rem;line-height:1.5;padding:.05rem .5rem;border-radius:999px;background:var(--ok-soft);color:var(--ok)}',
  '.badge.warn{background:var(--warn-soft);color:var(--warn)}',
  'code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:1.6em;letter-spacing:.1em;background:var(--accent-soft);padding:.1em .4em;border-radius:6px}',
].join('');

/** The Content-Security-Policy of every page: nothing but this stylesheet, no scripts, never framed. */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; frame-ancestors 'none'; base-uri 'none'`;

/** HTML-escapes text for element content and double-quoted attributes. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="color-scheme" content="light dark"><title>${esc(title)} · Chorus</title><style>${STYLE}</style></head><body><main><p class="brand"><span class="brand-mark" aria-hidden="true">◗</span> Chorus</p>${body}</main></body></html>`;
}

/** What the pages say about an app. */
export interface AppFacts {
  name: string;
  partnerName: string;
  partnerVerified: boolean;
  deviceClass: string | null;
}

const DEVICE_WORDS: Record<string, string> = { car: 'a car', speaker: 'a speaker', tv: 'a TV', wearable: 'a wearable', other: 'a device' };

function appLine(app: AppFacts): string {
  const badge = app.partnerVerified ? '<span class="badge">verified partner</span>' : '<span class="badge warn">partner not verified by Chorus</span>';
  const device = app.deviceClass ? ` on ${esc(DEVICE_WORDS[app.deviceClass] ?? 'a device')}` : '';
  return `<p><strong>${esc(app.name)}</strong>${device}, by ${esc(app.partnerName)} ${badge}</p>`;
}

export function loginPage(uid: string, app: AppFacts, options: { error?: string; email?: string } = {}): string {
  return page(
    'Sign in',
    `<h1>Sign in to Chorus</h1>${appLine(app)}<p>wants to connect to your Chorus account.</p>` +
      (options.error ? `<p class="error" role="alert">${esc(options.error)}</p>` : '') +
      `<form method="post" action="/oauth/interaction/${esc(uid)}/login">` +
      `<label for="email">Email</label><input id="email" type="email" name="email" autocomplete="username" required maxlength="320" value="${esc(options.email ?? '')}">` +
      `<label for="password">Password</label><input id="password" type="password" name="password" autocomplete="current-password" required maxlength="1024">` +
      '<button type="submit">Sign in</button></form>' +
      `<form method="post" action="/oauth/interaction/${esc(uid)}/abort"><button class="secondary" type="submit">Cancel</button></form>`,
  );
}

export function consentPage(uid: string, app: AppFacts, scopes: readonly string[], userName: string): string {
  const items = scopes.map((scope) => `<li>${esc(SCOPES[scope as Scope]?.description ?? scope)} <span class="muted">(${esc(scope)})</span></li>`).join('');
  return page(
    'Allow access',
    `<h1>Allow access?</h1>${appLine(app)}<p>${esc(userName)}, this app asks to:</p>` +
      (items ? `<ul>${items}</ul>` : '<p>only know that you use Chorus (no access to your data).</p>') +
      '<p class="muted">You can disconnect it at any time in your <a href="/account">account settings</a>.</p>' +
      '<div class="row">' +
      `<form method="post" action="/oauth/interaction/${esc(uid)}/confirm"><button type="submit">Approve</button></form>` +
      `<form method="post" action="/oauth/interaction/${esc(uid)}/abort"><button class="secondary" type="submit">Deny</button></form>` +
      '</div>',
  );
}

export function refusedPage(uid: string, app: AppFacts): string {
  return page(
    'Not available',
    `<h1>This app is not available to you yet</h1>${appLine(app)}` +
      '<p class="error">It is in development: only its makers and the people they invited may use it until Chorus reviews it.</p>' +
      `<form method="post" action="/oauth/interaction/${esc(uid)}/abort"><button type="submit">Back to the app</button></form>`,
  );
}

export function messagePage(title: string, text: string): string {
  return page(title, `<h1>${esc(title)}</h1><p>${esc(text)}</p>`);
}

/** The device flow's code entry; `form` is oidc-provider's (it carries its CSRF token), its inline handler removed. */
export function userCodePage(form: string, error: string | undefined): string {
  return page(
    'Connect a device',
    '<h1>Connect a device</h1>' +
      (error ? `<p class="error" role="alert">${esc(error)}</p>` : '<p>Enter the code your device shows.</p>') +
      '<label for="user_code">Code</label>' +
      form.replace(/\sonfocus="[^"]*"/, '').replace(/\sname="user_code"/, ' id="user_code" name="user_code"') +
      '<button type="submit" form="op.deviceInputForm">Continue</button>',
  );
}

export function userCodeConfirmPage(form: string, app: AppFacts, userCode: string): string {
  return page(
    'Confirm the device',
    `<h1>Is this your device?</h1>${appLine(app)}<p>Check that your device shows this code:</p><p><code>${esc(userCode)}</code></p>` +
      '<p class="muted">If you did not start this, or the code differs, cancel.</p>' +
      form +
      '<div class="row"><button type="submit" form="op.deviceConfirmForm">Continue</button>' +
      '<button class="secondary" type="submit" form="op.deviceConfirmForm" name="abort" value="yes">Cancel</button></div>',
  );
}
