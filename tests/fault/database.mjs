// MariaDB stopped under a running app: clear 503 answers (HTML and JSON),
// no worker dies; MariaDB started again: 200 without restarting the app.
// The database down at start-up: 503 until it is up, then 200, same
// processes. MariaDB is always running again when this file ends.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ensureStack, stackCommand } from '../lib/stack.mjs';
import { startInstance } from '../lib/instance.mjs';
import { fcgiRequest } from '../lib/fcgi.mjs';
import {
  childrenOf, fileSize, get, isAlive, lockStack, readPid, readSince,
  securityHeaderProblems, tidy, waitFor,
} from '../lib/testkit.mjs';

await lockStack();
const env = ensureStack();
const BASE = env.BASE_URL;
const RUN_DIR = path.join(env.STACK_DIR, 'run');
const MYSQL_PID_FILE = path.join(RUN_DIR, 'mysqld.pid');
const FCGI_LOG = path.join(env.STACK_LOG_DIR || path.join(env.STACK_DIR, 'log'), 'rempart-fcgi.log');

function mariadbUp() {
  try {
    return isAlive(readPid(MYSQL_PID_FILE));
  } catch {
    return false;
  }
}

// Whatever happens below, leave MariaDB running for the next test file.
test.after(() => {
  if (!mariadbUp()) stackCommand(['start']);
});

test('MariaDB down -> 503 pages, then back -> 200, same app processes', async (t) => {
  const master = readPid(env.STACK_FCGI_PID_FILE);
  const workers = await waitFor('a stable set of workers', async () => {
    const a = childrenOf(master);
    await new Promise((r) => setTimeout(r, 300));
    const b = childrenOf(master);
    return a.length > 0 && a.join() === b.join() ? b : null;
  }, { timeoutMs: 20000 });
  const logStart = fileSize(FCGI_LOG);

  // Every worker has a live connection before the stop (several requests
  // per worker, so that the lost-connection path is taken, not only the
  // failed-connect one).
  for (let i = 0; i < workers.length * 3; i++) {
    const r = await get(`${BASE}/api/v1/health`);
    assert.equal(r.status, 200, 'healthy before the stop');
  }

  const dbPid = readPid(MYSQL_PID_FILE);
  assert.ok(isAlive(dbPid), `mariadbd ${dbPid} runs`);
  try {
    process.kill(dbPid, 'SIGTERM');
    await waitFor(`mariadbd ${dbPid} to exit after SIGTERM`, () => !isAlive(dbPid), { timeoutMs: 60000, intervalMs: 200 });

    // Several rounds, so that every worker answers at least once.
    for (let i = 0; i < workers.length * 2; i++) {
      const page = await get(`${BASE}/`);
      assert.equal(page.status, 503, `GET / with the database down: ${page.status} ${page.text.slice(0, 200)}`);
      assert.match(page.headers.get('content-type'), /^text\/html/);
      assert.match(page.text, /indisponible/, 'the page says the service is unavailable');
      assert.match(page.text, /data-layout="rempart"/, 'the page uses the site layout');
      assert.ok(page.headers.get('retry-after'), 'Retry-After on the page');
      assert.deepEqual(securityHeaderProblems(page.headers, { noStore: true }), []);

      const en = await get(`${BASE}/?lang=en`);
      assert.equal(en.status, 503);
      assert.match(en.text, /unavailable/i, 'the English page says unavailable');

      const health = await get(`${BASE}/api/v1/health`);
      assert.equal(health.status, 503, `health with the database down: ${health.text}`);
      assert.match(health.headers.get('content-type'), /^application\/json/);
      const j = JSON.parse(health.text);
      assert.equal(j.error.code, 'unavailable');
      assert.equal(typeof j.error.message, 'string');
      const ra = health.headers.get('retry-after');
      assert.match(ra || '', /^\d+$/, `Retry-After: ${ra}`);
      assert.deepEqual(securityHeaderProblems(health.headers, { noStore: true }), []);

      // Routes without the database keep working.
      const ping = await get(`${BASE}/ping`);
      assert.equal(ping.status, 200, '/ping does not need the database');
    }

    // The 503 page is valid HTML too.
    const page = await get(`${BASE}/`);
    const td = tidy(page.text);
    if (td.status >= 2) t.diagnostic(`tidy on the 503 page:\n${td.output}`);
    assert.ok(td.status < 2, `tidy finds errors in the 503 page:\n${td.output}`);

    assert.equal(readPid(env.STACK_FCGI_PID_FILE), master, 'the master did not change');
    assert.ok(isAlive(master), 'the master runs');
    assert.deepEqual(childrenOf(master), workers, 'no worker died or was replaced while the database was down');
  } finally {
    // Idempotent: starts only MariaDB (and waits until it accepts the app).
    if (!mariadbUp()) stackCommand(['start']);
  }

  assert.ok(mariadbUp(), 'MariaDB runs again');
  // The app reconnects by itself on the next requests.
  await waitFor('GET / and /api/v1/health to answer 200 again', async () => {
    const page = await get(`${BASE}/`);
    const health = await get(`${BASE}/api/v1/health`);
    return page.status === 200 && health.status === 200;
  }, { timeoutMs: 30000, intervalMs: 250 });
  // Every worker is back: a round of requests, all 200.
  for (let i = 0; i < workers.length * 3; i++) {
    const page = await get(`${BASE}/`);
    assert.equal(page.status, 200, `GET / after the restart: ${page.status}`);
    assert.match(page.text, /Base de données opérationnelle/);
    const health = await get(`${BASE}/api/v1/health`);
    assert.equal(health.status, 200, `health after the restart: ${health.text}`);
    assert.equal(JSON.parse(health.text).database, 'ok');
  }

  assert.equal(readPid(env.STACK_FCGI_PID_FILE), master, 'no app restart: same master pid');
  assert.deepEqual(childrenOf(master), workers, 'no app restart: same worker pids');
  const log = readSince(FCGI_LOG, logStart);
  assert.doesNotMatch(log, /killed by signal|respawning/, `rempart-fcgi log:\n${log}`);
});

// The database down at start-up: rempart-fcgi starts (master and workers)
// while MariaDB is stopped, answers 503 (page and JSON) until MariaDB is
// back, then 200, with the same master and the same workers (the app was not
// restarted, no worker was respawned). A private instance (its own socket,
// the stack's database), spoken to straight over FastCGI.
test('MariaDB down at start-up -> 503 until it is up, then 200, no restart', async () => {
  const dbPid = readPid(MYSQL_PID_FILE);
  process.kill(dbPid, 'SIGTERM');
  await waitFor(`mariadbd ${dbPid} to exit`, () => !isAlive(dbPid), { timeoutMs: 60000, intervalMs: 200 });
  let inst = null;
  try {
    inst = await startInstance({ 'fcgi.workers': '2' }, { startStack: false });
    const master = inst.child.pid;
    const workers = inst.workers().sort();
    assert.equal(workers.length, 2, 'both workers started with the database down');
    for (let i = 0; i < 6; i++) {
      const page = await fcgiRequest(inst.socket, { uri: '/' });
      assert.equal(page.status, 503, `GET / before MariaDB is up: ${page.status}`);
      const health = await fcgiRequest(inst.socket, { uri: '/api/v1/health' });
      assert.equal(health.status, 503, `health before MariaDB is up: ${health.body}`);
      assert.equal(JSON.parse(health.body).error.code, 'unavailable');
      assert.equal((await fcgiRequest(inst.socket, { uri: '/ping' })).status, 200, '/ping needs no database');
    }
    stackCommand(['start']);
    await waitFor('GET / and health to answer 200', async () =>
      (await fcgiRequest(inst.socket, { uri: '/' })).status === 200
        && (await fcgiRequest(inst.socket, { uri: '/api/v1/health' })).status === 200,
    { timeoutMs: 30000, intervalMs: 250 });
    // Every worker serves: a round of requests, all 200.
    for (let i = 0; i < 6; i++) {
      const page = await fcgiRequest(inst.socket, { uri: '/' });
      assert.equal(page.status, 200, `GET / once MariaDB is up: ${page.status}`);
      const health = await fcgiRequest(inst.socket, { uri: '/api/v1/health' });
      assert.equal(JSON.parse(health.body).database, 'ok');
    }
    assert.ok(isAlive(master), 'the master runs');
    assert.deepEqual(inst.workers().sort(), workers, 'same workers: none died or was respawned');
    assert.doesNotMatch(inst.log(), /respawning|killed by signal|exited with status/, inst.log());
  } finally {
    if (!mariadbUp()) stackCommand(['start']);
    if (inst) await inst.stop();
  }
  // The stack's own workers lost their connection too: let each of them
  // reconnect (a 503 at most once each) before the next test file.
  await waitFor('the stack to answer 200 on every worker', async () => {
    for (let i = 0; i < 12; i++) if ((await get(`${BASE}/api/v1/health`)).status !== 200) return false;
    return true;
  }, { timeoutMs: 30000, intervalMs: 250 });
});
