// Runs before the tests: says clearly which backing service is missing instead of letting every test time out.
import net from 'node:net';

const targets = [
  ['PostgreSQL', process.env.CHORUS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', 5432],
  ['Redis', process.env.CHORUS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', 6379],
];

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

let missing = 0;
for (const [name, url, defaultPort] of targets) {
  const { hostname, port } = new URL(url);
  if (!(await reachable(hostname, Number(port || defaultPort)))) {
    missing++;
    console.error(
      `${name} is not reachable at ${url}. The tests need it: start it (see README.md, "Testing"), or point CHORUS_TEST_${name === 'Redis' ? 'REDIS' : 'DATABASE'}_URL at one.`,
    );
  }
}
if (missing) process.exit(1);
