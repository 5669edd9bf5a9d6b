import path from 'node:path';
import t from 'tap';
import { DEMO_LOGINS } from '../src/demo.js';
import { freePort, startPlatform, tempDir } from './support/platform-process.js';

// Finding 3: the container ran the embedded default on 0.0.0.0 with the demo on, seeding a platform_admin whose
// password is published. Listening beyond loopback, the platform starts without the demo unless asked.
t.test('npm start on 0.0.0.0 seeds no demo and publishes no logins', async (t) => {
  const port = await freePort();
  const run = await startPlatform(t, {
    CHORUS_DATA_DIR: path.join(await tempDir(t), 'data'),
    PORT: String(port),
    HOST: '0.0.0.0',
    CHORUS_DEMO: '',
    CHORUS_SIMULATE: '',
  });
  t.notMatch(run.stdout(), /Seeding the demo|Demo logins|simulator/, 'no demo, no simulator');
  for (const login of DEMO_LOGINS) {
    const res = await fetch(`http://127.0.0.1:${port}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: login.email, password: login.password }),
    });
    t.equal(res.status, 401, `${login.email} cannot log in`);
  }
});
