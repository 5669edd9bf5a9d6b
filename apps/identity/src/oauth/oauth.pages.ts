import { createHash } from 'node:crypto';
import { SCOPES, type Scope } from '@chorus/service-kit';

/**
 * The authorization server's pages: server-rendered HTML with no external assets, no scripts, and one inline
 * stylesheet allowed by its hash. Every value is escaped; forms POST and carry the interaction uid in their URL
 * (the interaction cookie is SameSite, so another site cannot submit them).
 */

const STYLE = [
  'body{font-family:system-ui,sans-serif;background:#f4f4f6;color:#1c1c22;margin:0;padding:40px 16px}',
  'main{max-width:420px;margin:0 auto;background:#fff;border-radius:10px;padding:24px 28px;box-shadow:0 1px 4px rgba(0,0,0,.12)}',
  'h1{font-size:1.4em;margin:0 0 12px}p{line-height:1.45}label{display:block;margin:12px 0 4px;font-weight:600}',
  'input[type=email],input[type=password],input[type=text]{width:100%;box-sizing:border-box;padding:10px;font-size:1em;border:1px solid #bbb;border-radius:6px}',
  'input[name=user_code]{text-transform:uppercase;text-align:center;letter-spacing:.15em;font-size:1.3em}',
  'button{margin-top:16px;padding:10px 16px;font-size:1em;border-radius:6px;border:1px solid #3a4bd8;background:#3a4bd8;color:#fff;cursor:pointer}',
  'button.secondary{background:#fff;color:#3a4bd8}.row{display:flex;gap:12px}.error{color:#b00020;font-weight:600}',
  'ul{padding-left:20px}li{margin:6px 0}.muted{color:#666;font-size:.9em}.badge{font-size:.8em;padding:2px 6px;border-radius:4px;background:#e6f4ea;color:#1e6b34}',
  '.badge.warn{background:#fdf0e0;color:#8a4b00}code{font-size:1.6em;letter-spacing:.1em}',
].join('');

/** The Content-Security-Policy of every page: nothing but this stylesheet, no scripts, never framed. */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; frame-ancestors 'none'; base-uri 'none'`;

/** HTML-escapes text for element content and double-quoted attributes. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${esc(title)} · Chorus</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
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
      '<p class="muted">You can disconnect it at any time in your account settings.</p>' +
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
      form.replace(/\sonfocus="[^"]*"/, '') +
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
