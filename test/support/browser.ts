/** A browser for the HTML pages of the authorization server: keeps cookies, never follows redirects. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  async request(path: string, init: { form?: Record<string, string> } = {}) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    // Locations may name the issuer's host: the path is what matters on this one server.
    const url = /^https?:/.test(path) ? `${this.base}${new URL(path).pathname}${new URL(path).search}` : `${this.base}${path}`;
    const response = await fetch(url, { method: init.form ? 'POST' : 'GET', headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  }
}

/** A listener approves a device's user code at /device: enters it, confirms, signs in, consents. Answers the last page. */
export async function approveDevice(base: string, userCode: string, account: { email: string; password: string }) {
  const browser = new Browser(base);
  const xsrfOf = (html: string) => {
    const found = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    if (!found) throw new Error(`no xsrf field on the page:\n${html.slice(0, 500)}`);
    return found;
  };
  const entry = await browser.request('/device');
  const confirm = await browser.request('/device', { form: { xsrf: xsrfOf(entry.text), user_code: userCode } });
  let step = await browser.request('/device', { form: { xsrf: xsrfOf(confirm.text), user_code: userCode, confirm: 'yes' } });
  const pages = [confirm.text];
  for (let i = 0; i < 12 && step.location; i++) {
    const path = new URL(step.location, base).pathname;
    if (/^\/oauth\/interaction\/[^/]+$/.test(path)) {
      const page = await browser.request(path);
      pages.push(page.text);
      step = page.text.includes('name="password"')
        ? await browser.request(`${path}/login`, { form: account })
        : page.text.includes('/confirm"')
          ? await browser.request(`${path}/confirm`, { form: {} })
          : page;
      if (step === page) break;
    } else {
      step = await browser.request(step.location);
    }
  }
  return { final: step, pages };
}
