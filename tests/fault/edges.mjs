// Faults at the edges of the app, each bounded to a few seconds:
// - MariaDB frozen (SIGSTOP, then SIGCONT) and killed (kill -9, then
//   restarted) under a concurrent write load of actions (POST and PATCH):
//   every write answered 2xx is in the database with its audit entry, and
//   no write is half-applied (an action's row and its audit trail agree);
// - nginx: a slow client (408 after client_body_timeout, 3 s on the test
//   stack) and an oversized body (413) while other requests are served,
//   without tying up a worker;
// - malformed FastCGI records straight to the worker socket (truncated
//   header, wrong version, huge content length, garbage): the workers
//   survive (or are respawned) and the next normal requests are served.
// MariaDB is always running again when this file ends.
import test from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { ensureStack, stackCommand } from '../lib/stack.mjs';
import {
  childrenOf, fileSize, get, isAlive, lockStack, readPid, readSince, sleep, waitFor,
} from '../lib/testkit.mjs';
import { createFirm, httpTransport, loggedIn, sql } from '../lib/identity.mjs';
import { audit, makeClient } from '../lib/clients.mjs';
import { fcgiRequest } from '../lib/fcgi.mjs';

await lockStack();
const env = ensureStack();
const BASE = env.BASE_URL;
const MYSQL_PID_FILE = path.join(env.STACK_DIR, 'run', 'mysqld.pid');

function mariadbUp() {
  try {
    return isAlive(readPid(MYSQL_PID_FILE));
  } catch {
    return false;
  }
}

// Whatever happens below, leave MariaDB running (and not frozen).
test.after(() => {
  try {
    process.kill(readPid(MYSQL_PID_FILE), 'SIGCONT');
  } catch { /* not running */ }
  if (!mariadbUp()) stackCommand(['start']);
});

// ----------------------------------------------------- database faults ---

test('MariaDB frozen then killed under a write load: acknowledged writes kept, none half-applied', async (t) => {
  const http = httpTransport(BASE);
  const firm = createFirm(env);
  const admin = await loggedIn(http, firm.email, firm.password);
  const client = await makeClient(admin);
  const LOOPS = 6;
  // Each loop owns one action (sequential PATCHes of its title) and
  // creates new actions in between.
  const owned = [];
  for (let i = 0; i < LOOPS; i++) {
    const r = await admin.post(`/api/v1/clients/${client.id}/actions`, { title: `edge-own-${i}` });
    assert.equal(r.status, 201, r.text);
    owned.push(r.json.id);
  }
  const tag = `e${Date.now().toString(36)}`;
  const writes = []; // {kind, id, title, status}
  let stop = false;
  let seq = 0;
  async function call(fn) {
    try {
      return (await fn()).status;
    } catch {
      return 0; // timed out or connection lost: an error answer
    }
  }
  async function loop(i) {
    while (!stop) {
      const n = seq++;
      const title = `${tag}-${n}`;
      let status;
      if (n % 3 === 0) {
        status = await call(() => admin.post(`/api/v1/clients/${client.id}/actions`, { title }));
        writes.push({ kind: 'create', title, status });
      } else {
        status = await call(() => admin.patch(`/api/v1/actions/${owned[i]}`, { title }));
        writes.push({ kind: 'update', id: owned[i], title, status });
      }
      if (status < 200 || status >= 300) await sleep(50);
    }
  }
  const loops = Array.from({ length: LOOPS }, (_, i) => loop(i));
  const at = (name) => ({ name, n: writes.length });
  const events = [];
  try {
    await sleep(800);
    const pid1 = readPid(MYSQL_PID_FILE);
    events.push(at('SIGSTOP'));
    process.kill(pid1, 'SIGSTOP');
    await sleep(2000);
    process.kill(pid1, 'SIGCONT');
    events.push(at('SIGCONT'));
    await sleep(1500);
    events.push(at('SIGKILL'));
    process.kill(pid1, 'SIGKILL');
    await waitFor(`mariadbd ${pid1} to die`, () => !isAlive(pid1), { timeoutMs: 10000, intervalMs: 50 });
    await sleep(500);
    stackCommand(['start']); // restarts MariaDB only (crash recovery)
    events.push(at('restarted'));
    assert.ok(mariadbUp(), 'MariaDB runs again');
    // Writes succeed again once the workers have reconnected.
    const okBefore = writes.filter((w) => w.status >= 200 && w.status < 300).length;
    await waitFor('acknowledged writes after the restart', () =>
      writes.filter((w) => w.status >= 200 && w.status < 300).length > okBefore + 2 * LOOPS,
    { timeoutMs: 20000, intervalMs: 100 });
  } finally {
    stop = true;
    await Promise.all(loops);
  }
  const count = {};
  for (const w of writes) count[w.status] = (count[w.status] || 0) + 1;
  t.diagnostic(`${writes.length} writes, answers ${JSON.stringify(count)}, events ${JSON.stringify(events)}`);
  const ok = (w) => w.status >= 200 && w.status < 300;
  assert.ok(writes.some((w) => !ok(w)), 'some writes failed while MariaDB was frozen or down');
  for (const w of writes) {
    assert.ok(ok(w) || w.status === 0 || w.status >= 500, `unexpected answer ${w.status} to ${w.kind} ${w.title}`);
  }

  // Creates: an acknowledged one exists with its audit entry; a failed one
  // exists with its audit entry or not at all.
  const rows = sql(env, `SELECT id, title FROM actions WHERE client_id = ${client.id} AND title LIKE '${tag}-%'`);
  const byTitle = new Map();
  for (const [id, title] of rows) byTitle.set(title, [...(byTitle.get(title) || []), Number(id)]);
  const creates = audit(env, `client_id = ${client.id} AND action = 'action.create'`);
  const createdIds = new Set(creates.map((a) => a.object_id));
  for (const w of writes.filter((x) => x.kind === 'create')) {
    const ids = byTitle.get(w.title) || [];
    assert.ok(ids.length <= 1, `${w.title} created ${ids.length} times`);
    if (ok(w)) assert.equal(ids.length, 1, `acknowledged create ${w.title} is missing`);
    for (const id of ids) assert.ok(createdIds.has(id), `action ${id} (${w.title}) has no action.create audit entry`);
  }
  // Every action.create audit entry of the run names an action that exists.
  const allIds = new Set(rows.map((r) => Number(r[0])).concat(owned));
  for (const a of creates) assert.ok(allIds.has(a.object_id), `audit names a missing action ${a.object_id}`);

  // Updates: one audit entry per applied title change; an acknowledged
  // change has one; the row carries the last audited title.
  const updates = audit(env, `client_id = ${client.id} AND action = 'action.update'`);
  const audited = new Map(); // title -> count
  const lastTitle = new Map(); // action id -> last audited title
  for (const a of updates) {
    const to = JSON.parse(a.raw).title?.to;
    audited.set(to, (audited.get(to) || 0) + 1);
    lastTitle.set(a.object_id, to);
  }
  for (const w of writes.filter((x) => x.kind === 'update')) {
    const n = audited.get(w.title) || 0;
    assert.ok(n <= 1, `${w.title} audited ${n} times`);
    if (ok(w)) assert.equal(n, 1, `acknowledged update ${w.title} has no audit entry`);
  }
  const current = new Map(sql(env, `SELECT id, title FROM actions WHERE id IN (${owned.join(',')})`)
    .map(([id, title]) => [Number(id), title]));
  for (const id of owned) {
    const mine = writes.filter((w) => w.kind === 'update' && w.id === id);
    const lastOk = mine.filter(ok).at(-1);
    assert.equal(current.get(id), lastTitle.get(id) ?? `edge-own-${owned.indexOf(id)}`,
      `action ${id}: row and audit trail disagree`);
    if (lastOk) {
      // Nothing after the last acknowledged write, or a failed write that
      // nevertheless committed as a whole.
      const after = mine.slice(mine.indexOf(lastOk));
      assert.ok(after.some((w) => w.title === current.get(id)), `action ${id} lost its acknowledged title ${lastOk.title}`);
    }
  }

  // The app serves without a restart.
  const h = await get(`${BASE}/api/v1/health`);
  assert.equal(h.status, 200, h.text);
});

// -------------------------------------------------------- nginx limits ---

function raw(text, { keepOpenMs = 0 } = {}) {
  const u = new URL(BASE);
  return new Promise((resolve) => {
    const sock = net.connect(Number(u.port), u.hostname);
    let data = '';
    const began = performance.now();
    sock.on('connect', () => sock.write(text));
    sock.on('data', (d) => { data += d.toString('latin1'); });
    sock.on('error', () => {});
    const done = () => {
      const m = data.match(/^HTTP\/1\.[01] (\d{3})/);
      resolve({ status: m ? Number(m[1]) : 0, raw: data, ms: performance.now() - began });
    };
    sock.on('close', done);
    setTimeout(() => sock.destroy(), keepOpenMs || 15000);
  });
}

test('slow clients (408) and oversized bodies (413) tie up no worker', async (t) => {
  const u = new URL(BASE);
  const workers = childrenOf(readPid(env.STACK_FCGI_PID_FILE)).length;
  const logStart = fileSize(path.join(env.STACK_LOG_DIR || path.join(env.STACK_DIR, 'log'), 'nginx-access.log'));
  // More stalled bodies than workers: nginx holds them, not the app.
  const slow = Array.from({ length: workers * 2 }, () => raw(
    `POST /api/v1/health HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: application/json\r\n`
    + 'Content-Length: 1000\r\nConnection: close\r\n\r\n{"a":"', { keepOpenMs: 12000 }));
  const big = raw(`POST /api/v1/health HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: application/json\r\n`
    + `Content-Length: ${11 * 1024 * 1024}\r\nConnection: close\r\n\r\n${'x'.repeat(1024)}`);
  await sleep(300);
  // Meanwhile the app answers promptly, many times over.
  for (let i = 0; i < workers * 3; i++) {
    const started = performance.now();
    const r = await get(`${BASE}/api/v1/health`, {}, 2000);
    assert.equal(r.status, 200, `health while bodies stall: ${r.status} ${r.error || ''}`);
    assert.ok(performance.now() - started < 2000);
  }
  const b = await big;
  assert.equal(b.status, 413, `oversized body: ${b.raw.slice(0, 200)}`);
  const answers = await Promise.all(slow);
  t.diagnostic(`slow clients: ${answers.map((a) => `${a.status || 'closed'} after ${Math.round(a.ms)} ms`).join(', ')}`);
  for (const a of answers) {
    // nginx ends the request with 408 after client_body_timeout (3 s on
    // the stack); it may close without writing the status line.
    assert.ok(a.status === 408 || a.status === 0, `slow client got ${a.status}`);
    assert.ok(a.ms >= 2500 && a.ms < 11000, `slow client ended after ${Math.round(a.ms)} ms`);
  }
  // nginx logs the 408s (its access log is flushed every second).
  const accessLog = path.join(env.STACK_LOG_DIR || path.join(env.STACK_DIR, 'log'), 'nginx-access.log');
  const logged = await waitFor(`${answers.length} 408 lines in ${accessLog}`, () => {
    const n = readSince(accessLog, logStart).split('\n')
      .filter((l) => /"POST \/api\/v1\/health HTTP\/1\.1" 408 /.test(l)).length;
    return n >= answers.length ? n : null;
  }, { timeoutMs: 5000, intervalMs: 200 });
  assert.equal(logged, answers.length, 'one 408 per slow client');
  const r = await get(`${BASE}/`);
  assert.equal(r.status, 200);
});

// --------------------------------------------------- malformed FastCGI ---

function header(version, type, id, len, pad = 0) {
  const h = Buffer.alloc(8);
  h.writeUInt8(version, 0);
  h.writeUInt8(type, 1);
  h.writeUInt16BE(id, 2);
  h.writeUInt16BE(len, 4);
  h.writeUInt8(pad, 6);
  return h;
}

// Send bytes to the worker socket; wait up to `ms` for the worker to close,
// then hang up ourselves.
function fcgiRaw(bytes, ms = 400) {
  return new Promise((resolve) => {
    const sock = net.connect(env.STACK_FCGI_SOCKET);
    let closed = false;
    sock.on('connect', () => sock.write(bytes));
    sock.on('error', () => {});
    sock.on('data', () => {});
    sock.on('close', () => { closed = true; resolve('closed by the worker'); });
    setTimeout(() => { if (!closed) { sock.destroy(); resolve('hung up by the test'); } }, ms);
  });
}

test('malformed FastCGI records: workers survive, next requests served', async (t) => {
  const m = readPid(env.STACK_FCGI_PID_FILE);
  const before = childrenOf(m);
  const begin = Buffer.concat([header(1, 1, 1, 8), Buffer.from([0, 1, 0, 0, 0, 0, 0, 0])]);
  const cases = {
    'truncated header': Buffer.from([1, 1, 0]),
    'wrong version': Buffer.concat([header(9, 1, 1, 8), Buffer.alloc(8)]),
    'huge content length': Buffer.concat([header(1, 1, 1, 0xffff, 0xff), Buffer.alloc(16)]),
    'params overflow': Buffer.concat([begin, header(1, 4, 1, 16),
      Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), Buffer.from('ABCDEFGH')]),
    'unknown type': Buffer.concat([header(1, 42, 1, 0)]),
    'stdin before begin': Buffer.concat([header(1, 5, 7, 4, 4), Buffer.from('abcd'), Buffer.alloc(4)]),
    garbage: Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n' + '\u0000\u00ff'.repeat(500), 'latin1'),
  };
  const seen = {};
  for (let round = 0; round < 2; round++) {
    for (const [name, bytes] of Object.entries(cases)) {
      // Several of each, so that every worker gets some.
      const outcomes = await Promise.all(Array.from({ length: before.length }, () => fcgiRaw(bytes)));
      seen[name] = [...new Set(outcomes)].join('/');
      const r = await fcgiRequest(env.STACK_FCGI_SOCKET, { uri: '/ping' }, 5000);
      assert.equal(r.status, 200, `after ${name}: /ping straight to the socket`);
    }
  }
  t.diagnostic(JSON.stringify(seen));
  // Every worker serves: a burst of concurrent requests through nginx.
  const burst = await Promise.all(Array.from({ length: before.length * 3 }, () => get(`${BASE}/api/v1/health`, {}, 5000)));
  assert.deepEqual(burst.map((r) => r.status), burst.map(() => 200));
  assert.equal(readPid(env.STACK_FCGI_PID_FILE), m, 'same master');
  assert.ok(isAlive(m), 'the master runs');
  const after = await waitFor('a full set of workers', () => {
    const kids = childrenOf(m);
    return kids.length === before.length ? kids : null;
  }, { timeoutMs: 10000 });
  const replaced = before.filter((p) => !after.includes(p));
  t.diagnostic(`${replaced.length} of ${before.length} workers replaced`);
});
