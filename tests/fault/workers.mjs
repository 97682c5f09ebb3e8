// Worker faults under load: kill -9 a worker (respawned, nginx keeps
// serving, the exit status is logged); SIGHUP (every worker rolled, no
// request fails).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureStack } from '../lib/stack.mjs';
import {
  childrenOf, describeFailures, fileSize, get, isAlive, lockStack, readPid,
  readSince, runLoad, sleep, waitFor,
} from '../lib/testkit.mjs';

await lockStack();
const env = ensureStack();
const BASE = env.BASE_URL;
const FCGI_LOG = path.join(env.STACK_LOG_DIR || path.join(env.STACK_DIR, 'log'), 'rempart-fcgi.log');

const TOTAL = 600;
const CONCURRENCY = 8;
const PATHS = ['/ping', '/', '/api/v1/health', '/?lang=en'];

// fcgi.workers of the running config (0: two per CPU core).
function configuredWorkers() {
  const m = fs.readFileSync(env.REMPART_CONFIG, 'utf8').match(/^\s*fcgi\.workers\s*=\s*(\d+)\s*$/m);
  const n = m ? Number(m[1]) : 0;
  return n > 0 ? n : 2 * os.cpus().length;
}
const WORKERS = configuredWorkers();

function master() {
  return readPid(env.STACK_FCGI_PID_FILE);
}

// A steady state to start from: exactly fcgi.workers workers, the same
// pids twice in a row (no roll or respawn under way), the app answering.
async function steadyWorkers(m) {
  const r = await get(`${BASE}/ping`);
  assert.equal(r.status, 200, `the app does not answer /ping: ${r.status} ${r.error || ''}`);
  let prev = '';
  return waitFor(`a stable set of ${WORKERS} workers`, async () => {
    const kids = childrenOf(m);
    const key = kids.join(',');
    const stable = kids.length === WORKERS && key === prev;
    prev = key;
    return stable ? kids : null;
  }, { timeoutMs: 20000, intervalMs: 300 });
}

let killed = null; // {pid, before, after}

test('kill -9 a worker under load: respawned, nginx keeps serving', async (t) => {
  const m = master();
  const before = await steadyWorkers(m);
  const victim = before[0];
  const logStart = fileSize(FCGI_LOG);
  let killAt = null;

  const results = await runLoad(BASE, {
    paths: PATHS, total: TOTAL, concurrency: CONCURRENCY,
    onDone: (n) => {
      if (n === 100 && killAt === null) {
        process.kill(victim, 'SIGKILL');
        killAt = performance.now();
      }
    },
  });
  assert.ok(killAt !== null, 'the worker was killed during the load');
  assert.equal(results.length, TOTAL);

  const failures = results.filter((r) => !r.ok);
  const afterKill = results.filter((r) => r.start > killAt);
  // SIGKILL lands asynchronously: a connection the dying worker accepted in
  // the next few milliseconds is the one request allowed to fail. Anything
  // started once the signal has surely landed must succeed.
  const settled = killAt + 200;
  const failedAfterKill = results.filter((r) => r.start > settled && !r.ok);
  t.diagnostic(`killed worker ${victim}; ${failures.length} failed of ${TOTAL}, ${afterKill.length} sent after the kill`);
  assert.ok(afterKill.length > 0, 'requests were sent after the kill');
  // Only the request the killed worker was serving may fail (then 502).
  assert.ok(failures.length <= 1, `${failures.length} failed requests: ${describeFailures(results)}`);
  assert.deepEqual(failedAfterKill, [], `requests started 200 ms after the kill failed: ${describeFailures(failedAfterKill)}`);

  const after = await waitFor('the master to respawn the killed worker', () => {
    const kids = childrenOf(m);
    return !kids.includes(victim) && kids.length === before.length ? kids : null;
  }, { timeoutMs: 20000 });
  assert.ok(!isAlive(victim), `worker ${victim} still runs`);
  const fresh = after.filter((p) => !before.includes(p));
  assert.equal(fresh.length, 1, `exactly one new worker pid (before ${before}, after ${after})`);
  assert.deepEqual(after.filter((p) => before.includes(p)), before.filter((p) => p !== victim),
    'the other workers were left alone');
  assert.equal(master(), m, 'the master pid did not change');
  const r = await get(`${BASE}/`);
  assert.equal(r.status, 200, 'the app answers after the respawn');
  killed = { pid: victim, before, after, logStart };
});

test('the log records the exit status of the killed worker', async (t) => {
  if (killed === null) {
    t.skip('the kill test did not get that far');
    return;
  }
  // The line is written when the master reaps the worker, i.e. before the
  // respawn seen above; poll a little in case of buffering.
  const line = await waitFor(`"worker ${killed.pid} killed by signal 9" in ${FCGI_LOG}`, () => {
    const log = readSince(FCGI_LOG, killed.logStart);
    return log.split('\n').find((l) => l.includes(`worker ${killed.pid} killed by signal 9`));
  }, { timeoutMs: 10000 });
  assert.match(line, /respawning/);
});

test('SIGHUP under load: no failed request, every worker rolled, same count', async (t) => {
  const m = master();
  const before = await steadyWorkers(m);
  const logStart = fileSize(FCGI_LOG);
  let hupAt = null;

  const results = await runLoad(BASE, {
    paths: PATHS, total: TOTAL, concurrency: CONCURRENCY,
    onDone: (n) => {
      if (n === 100 && hupAt === null) {
        process.kill(m, 'SIGHUP');
        hupAt = performance.now();
      }
    },
  });
  assert.ok(hupAt !== null, 'SIGHUP was sent during the load');
  t.diagnostic(`${results.filter((r) => r.start > hupAt).length} of ${TOTAL} requests sent after SIGHUP`);
  assert.ok(results.some((r) => r.start > hupAt), 'requests were sent after SIGHUP');
  assert.equal(results.filter((r) => !r.ok).length, 0, `failed requests: ${describeFailures(results)}`);

  const after = await waitFor('the old generation of workers to exit and the new one to be complete', () => {
    const kids = childrenOf(m);
    return kids.length === before.length && kids.every((p) => !before.includes(p)) ? kids : null;
  }, { timeoutMs: 30000, intervalMs: 200 });
  for (const p of before) assert.ok(!isAlive(p), `old worker ${p} still runs`);
  assert.equal(after.length, before.length, 'same worker count');
  assert.equal(master(), m, 'the master pid did not change (reload, not restart)');

  const log = readSince(FCGI_LOG, logStart);
  assert.match(log, /reloaded .* generation \d+/, `no reload line in the log:\n${log}`);
  assert.doesNotMatch(log, /killed by signal|reload refused/, `rempart-fcgi log:\n${log}`);

  for (const p of ['/', '/api/v1/health']) {
    const r = await get(`${BASE}${p}`);
    assert.equal(r.status, 200, `${p} after the reload`);
  }
});

test('SIGHUP while workers read large request bodies: no request fails', async (t) => {
  // A roll signal must not interrupt a worker reading a body (the read
  // would come back short: a 400 "shorter than announced" or a 502).
  // Each round: 16 uploads of 1 MiB at once, SIGHUP while they stream.
  const body = `{"a":"${'x'.repeat(1024 * 1024 - 8)}"}`;
  const m = master();
  const counts = {};
  for (let round = 0; round < 3; round++) {
    const before = await steadyWorkers(m);
    const uploads = Array.from({ length: 16 }, () => get(`${BASE}/api/v1/health`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }, 30000));
    await sleep(20);
    process.kill(m, 'SIGHUP');
    for (const r of await Promise.all(uploads)) {
      const key = r.status === 405 ? '405' : `${r.status} ${r.error || r.text.slice(0, 120)}`;
      counts[key] = (counts[key] || 0) + 1;
    }
    await waitFor('the roll to finish', () => {
      const kids = childrenOf(m);
      return kids.length === before.length && kids.every((p) => !before.includes(p));
    }, { timeoutMs: 30000, intervalMs: 200 });
  }
  t.diagnostic(`answers: ${JSON.stringify(counts)}`);
  // POST on /api/v1/health is a 405 once the body has been read and parsed.
  assert.deepEqual(counts, { 405: 48 }, 'every upload got its normal answer');
});
