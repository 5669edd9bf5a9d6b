import { Webhook } from 'standardwebhooks';
import t from 'tap';
import { MAX_ATTEMPTS, RETRY_SCHEDULE_MS, retryDelayMs, signatureHeader } from '../src/index.js';

const HOUR = 3600_000;

t.test('the retry schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, jittered', async (t) => {
  t.equal(MAX_ATTEMPTS, 8);
  const middle = () => 0.5;
  t.same(
    Array.from({ length: 7 }, (_, i) => retryDelayMs(i + 1, 1, undefined, middle)),
    [5_000, 300_000, 1_800_000, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR],
  );
  t.equal(retryDelayMs(8, 1), null, 'nothing after the eighth attempt');
  t.equal(
    retryDelayMs(1, 1, undefined, () => 0),
    4_500,
    '-10 %',
  );
  t.equal(
    retryDelayMs(1, 1, undefined, () => 1),
    5_500,
    '+10 %',
  );
  const earliest = RETRY_SCHEDULE_MS.reduce((sum, ms) => sum + ms * 0.9, 0);
  t.ok(earliest > 24 * HOUR, `even at the earliest the last attempt comes ${(earliest / HOUR).toFixed(1)} h after the first, past a day`);
  t.equal(retryDelayMs(3, 0.001, undefined, middle), 1_800, 'compressed for tests');
  t.equal(retryDelayMs(1, 1, 60_000, middle), 60_000, 'a longer Retry-After is honoured');
  t.equal(retryDelayMs(1, 0.001, 60_000, middle), 60, 'and compressed with the rest');
  t.equal(retryDelayMs(5, 1, 1_000, middle), 5 * HOUR, 'a shorter one does not hurry the schedule');
  t.equal(retryDelayMs(1, 1, 10 ** 12, middle), 24 * HOUR, 'at most a day');
});

t.test('signatures follow Standard Webhooks: one entry per secret in force', async (t) => {
  const secret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
  const old = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;
  const at = new Date();
  const body = JSON.stringify({ type: 'ping', timestamp: at.toISOString(), data: { message: 'hé' } });
  const headers = (signature: string) => ({
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  });
  const one = signatureHeader([secret], 'msg_1', at, body);
  t.match(one, /^v1,[A-Za-z0-9+/]+=*$/);
  t.same(new Webhook(secret).verify(body, headers(one)), JSON.parse(body));
  const both = signatureHeader([secret, old], 'msg_1', at, body);
  t.equal(both.split(' ').length, 2);
  t.ok(new Webhook(secret).verify(body, headers(both)) && new Webhook(old).verify(body, headers(both)));
  t.throws(() => new Webhook(old).verify(body, headers(one)));
});
