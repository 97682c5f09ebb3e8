// The master process: request timeout, SIGTERM drain (one request, then
// under load), privilege drop,
// systemd socket passing, refused reloads, back-off, fail-fast start-up,
// and a worker that gives back the memory of a very large request.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SRCDIR, BUILDDIR } from '../lib/stack.mjs';
import { startInstance, waitFor, sleep, alive } from '../lib/instance.mjs';
import { createFirm, sql, userRow } from '../lib/identity.mjs';
import { ensureStack } from '../lib/stack.mjs';
import { fcgiRequest, openRequest, cgiParams } from '../lib/fcgi.mjs';

const isRoot = process.getuid() === 0;

test('a worker whose request runs past the timeout is replaced', async () => {
  const inst = await startInstance({
    'fcgi.workers': '1', 'fcgi.request_timeout': '2', 'db.read_timeout': '1',
  });
  try {
    const [before] = inst.workers();
    // Announce a body and never send it: the worker blocks reading it.
    const stalled = openRequest(inst.socket, cgiParams({ method: 'POST', uri: '/ping', body: '0123456789' }));
    await waitFor(() => inst.log().includes('past fcgi.request_timeout'), 'the timeout kill', 10000);
    const after = await waitFor(() => {
      const w = inst.workers();
      return w.length === 1 && w[0] !== before ? w : null;
    }, 'a replacement worker');
    assert.notEqual(after[0], before);
    stalled.destroy();
    const r = await fcgiRequest(inst.socket, { uri: '/ping' });
    assert.equal(r.status, 200);
    await waitFor(() => /killed by signal 9/.test(inst.log()), 'the exit status in the log');
  } finally {
    await inst.stop();
  }
});

test('SIGTERM stops accepting, lets the in-flight request finish, then exits', async () => {
  const inst = await startInstance({ 'fcgi.workers': '2' });
  try {
    // The request announces a one-byte body and waits: it is in flight.
    const inflight = openRequest(inst.socket, cgiParams({
      method: 'GET', uri: '/ping', body: 'x', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }));
    await sleep(300);
    inst.child.kill('SIGTERM');
    await waitFor(() => !fs.existsSync(inst.socket), 'the socket to go away', 5000);
    await sleep(300);
    assert.ok(alive(inst.child.pid), 'master waits for the in-flight request');
    inflight.sendBody('x');
    const r = await inflight.response;
    assert.equal(r.status, 200, 'in-flight request completed');
    assert.equal(r.body, 'pong\n');
    const { code } = await inst.exited;
    assert.equal(code, 0, 'master exits cleanly');
    assert.match(inst.log(), /stopping: finishing in-flight requests/);
    assert.match(inst.log(), /\bstopped\b/);
  } finally {
    await inst.stop();
  }
});

// SIGTERM under load. What is asserted, and why: 16 clients send requests
// back to back (a new connection each, half of them reading the database)
// to 4 workers; SIGTERM comes in the middle. A request whose connection the
// socket took (connect() succeeded, so it was accepted by the kernel into
// the listen queue or by a worker) must be answered in full, 200: in flight
// or queued, it is not dropped. A request whose connect() fails (ENOENT: the
// socket file is gone; ECONNREFUSED) was refused before it was accepted:
// that is how a stopping server says no, and nginx turns it into a 502 for
// a new request only. No other outcome (reset, truncated answer, 5xx) is
// allowed; some requests finish after the signal (the drain is real), some
// are refused (the load went on past it), and the master exits 0.
test('SIGTERM under load: every accepted request answered, the rest refused at connect', async (t) => {
  const inst = await startInstance({ 'fcgi.workers': '4' });
  const results = [];
  let sigAt = null;
  let stopping = false;
  try {
    // Each client goes on until its own connect() is refused (or 15 s after
    // the signal, a bound for a master that never stops accepting): a client
    // whose request was answered after the signal then starts one more, which
    // must be refused. Stopping every client at the first refusal anywhere
    // could end the load on a request started in the signal's millisecond.
    const client = async (k) => {
      for (let i = 0; !stopping && !(sigAt && Date.now() > sigAt + 15000); i++) {
        const start = Date.now();
        try {
          const r = await fcgiRequest(inst.socket, { uri: (i + k) % 2 ? '/api/v1/health' : '/ping' }, 20000);
          results.push({ start, end: Date.now(), status: r.status, ok: r.status === 200 && r.body.length > 0 });
        } catch (e) {
          const atConnect = e.code === 'ENOENT' || e.code === 'ECONNREFUSED';
          results.push({ start, end: Date.now(), error: e.code || e.message, atConnect });
          if (atConnect) return;
        }
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, (_, k) => client(k)));
    await sleep(1500);
    sigAt = Date.now();
    inst.child.kill('SIGTERM');
    await load;
    const { code } = await inst.exited;
    const bad = results.filter((r) => !r.ok && !r.atConnect);
    t.diagnostic(`${results.length} requests: ${results.filter((r) => r.ok).length} answered 200, `
      + `${results.filter((r) => r.atConnect).length} refused at connect, ${bad.length} failed; `
      + `${results.filter((r) => r.ok && r.end > sigAt).length} answered after the signal`);
    assert.deepEqual(bad, [], 'no accepted request failed');
    assert.ok(results.some((r) => r.ok && r.end > sigAt), 'requests in flight at the signal were answered');
    assert.ok(results.some((r) => r.atConnect && r.start > sigAt), 'the load went on past the signal');
    assert.ok(results.filter((r) => r.ok).length > 50, 'a real load before the signal');
    assert.equal(code, 0, 'master exits cleanly');
    assert.match(inst.log(), /\bstopped\b/);
  } finally {
    stopping = true;
    await inst.stop();
  }
});

test('started as root, workers drop to the configured user', { skip: !isRoot && 'needs root' }, async () => {
  const inst = await startInstance({ 'fcgi.user': 'nobody', 'fcgi.workers': '2' });
  try {
    const uidOf = (pid) => fs.readFileSync(`/proc/${pid}/status`, 'utf8')
      .match(/^Uid:\s+(\d+)\s+(\d+)\s+(\d+)/m).slice(1).map(Number);
    const nobody = Number(spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout.trim());
    assert.deepEqual(uidOf(inst.child.pid), [0, 0, 0], 'master keeps root (to respawn)');
    for (const w of inst.workers()) assert.deepEqual(uidOf(w), [nobody, nobody, nobody], `worker ${w} runs as nobody`);
    const r = await fcgiRequest(inst.socket, { uri: '/ping' });
    assert.equal(r.status, 200);
  } finally {
    await inst.stop();
  }
});

test('a socket passed by systemd (LISTEN_FDS) is used', async () => {
  const dir = fs.mkdtempSync('/tmp/rp-sd-');
  const sock = path.join(dir, 'sd.sock');
  // perl (always on Debian) plays systemd: bind, put the socket on fd 3,
  // set LISTEN_PID to its own pid, exec the server.
  const perl = 'BEGIN { $^F = 10 } use Socket; use POSIX; socket(my $s, PF_UNIX, SOCK_STREAM, 0) or die; '
    + 'bind($s, pack_sockaddr_un(shift @ARGV)) or die; listen($s, 16) or die; '
    + 'fileno($s) == 3 or POSIX::dup2(fileno($s), 3) or die; $ENV{LISTEN_FDS} = 1; $ENV{LISTEN_PID} = $$; '
    + 'exec @ARGV or die;';
  const inst = await startInstance({ 'fcgi.socket': path.join(dir, 'unused.sock') }, {
    wrapper: ['perl', '-e', perl, sock], wait: false,
  });
  try {
    await waitFor(() => inst.workers().length === 2, 'workers');
    assert.match(inst.log(), /using the socket passed by systemd/);
    assert.ok(!fs.existsSync(path.join(dir, 'unused.sock')), 'configured socket not created');
    const r = await fcgiRequest(sock, { uri: '/ping' });
    assert.equal(r.status, 200);
  } finally {
    await inst.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('SIGHUP with a broken config keeps the running one', async () => {
  const inst = await startInstance({ 'fcgi.workers': '2' });
  try {
    const before = inst.workers();
    fs.appendFileSync(inst.confFile, 'no.such.key = 1\n');
    inst.child.kill('SIGHUP');
    await waitFor(() => inst.log().includes('reload refused'), 'the refusal');
    assert.match(inst.log(), /unknown key 'no.such.key'/);
    assert.deepEqual(inst.workers(), before, 'workers untouched');
    assert.equal((await fcgiRequest(inst.socket, { uri: '/ping' })).status, 200);
  } finally {
    await inst.stop();
  }
});

test('a worker dying at birth is respawned with back-off', { skip: !isRoot && 'needs root' }, async () => {
  // As root, a missing fcgi.user makes every worker exit at once.
  const inst = await startInstance({ 'fcgi.user': 'rp-no-such-user', 'fcgi.workers': '1' }, { wait: false });
  try {
    await sleep(4500);
    const log = inst.log();
    const births = (log.match(/respawning/g) || []).length;
    assert.match(log, /does not exist/);
    assert.match(log, /exited with status 3/);
    assert.match(log, /died within a second of birth; next try in 2s/);
    assert.ok(births <= 4, `no fork loop (${births} respawns in 4.5 s)`);
    assert.ok(alive(inst.child.pid), 'master keeps running');
  } finally {
    await inst.stop();
  }
});

test('start-up fails fast on a missing template include or a bad config', async () => {
  const bin = path.join(BUILDDIR, 'app/rempart-fcgi');
  const dir = fs.mkdtempSync('/tmp/rp-bad-');
  try {
    const conf = path.join(dir, 'bad.conf');
    fs.writeFileSync(conf, `paths.www = ${SRCDIR}/tests/unit/fixtures/www-missing\nfcgi.socket = ${dir}/s.sock\n`);
    let r = spawnSync(bin, ['-c', conf], { encoding: 'utf8', timeout: 10000 });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /does-not-exist\.cs/);
    assert.ok(!fs.existsSync(`${dir}/s.sock`), 'no socket opened');
    fs.writeFileSync(conf, 'fcgi.workers = 2\nfcgi.wrokers = 3\n');
    r = spawnSync(bin, ['-c', conf], { encoding: 'utf8', timeout: 10000 });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bad\.conf:2: unknown key 'fcgi\.wrokers'/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Resident memory of a process, in KiB (VmRSS).
function rssKiB(pid) {
  const m = /^VmRSS:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

test('reloads do not grow the memory every new worker starts with', async () => {
  const inst = await startInstance({ 'fcgi.workers': '1' });
  try {
    const served = async () => assert.equal((await fcgiRequest(inst.socket, { uri: '/' })).status, 200);
    await served();
    const first = inst.workers()[0];
    const before = rssKiB(first);
    // Each reload parses every template again and frees the previous tree:
    // without the master giving those pages back, each new generation
    // inherits them resident (about 0.8 MiB more per reload).
    let worker = first;
    for (let i = 0; i < 5; i++) {
      inst.child.kill('SIGHUP');
      worker = await waitFor(() => {
        const w = inst.workers();
        return w.length === 1 && w[0] !== worker ? w[0] : null;
      }, `generation ${i + 2}`);
      await served();
    }
    const after = rssKiB(worker);
    assert.ok(after - before < 1024,
      `a worker after 5 reloads: ${after} KiB, the first one: ${before} KiB`);
  } finally {
    await inst.stop();
  }
});

test('a sign-in that lists 20,000 clients does not leave the worker 2 MiB bigger', async () => {
  const env = ensureStack();
  const firm = createFirm(env);
  const admin = userRow(env, firm.email).id;
  sql(env, `INSERT INTO clients (firm_id, name, mission_type, plan, billing_mode)
    SELECT ${firm.firmId}, CONCAT('Many ', LPAD(seq, 5, '0')), 'permanent', 'standard', 'intermediated'
    FROM seq_1_to_20000`);
  // The vCISO rows from the ids' range (a trigger of client_vcisos writes
  // to clients, which an INSERT ... SELECT FROM clients cannot).
  const [lo, hi, n] = sql(env, `SELECT MIN(id), MAX(id), COUNT(*) FROM clients WHERE firm_id = ${firm.firmId}`)[0]
    .map(Number);
  assert.equal(hi - lo + 1, n, 'the bulk insert numbered the clients in one run');
  sql(env, `INSERT INTO client_vcisos (client_id, user_id, firm_id)
    SELECT seq, ${admin}, ${firm.firmId} FROM seq_${lo}_to_${hi}`);
  const inst = await startInstance({ 'fcgi.workers': '1' });
  try {
    const signIn = () => fcgiRequest(inst.socket, { uri: '/api/v1/session', method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: firm.email, password: firm.password }) }, 60000);
    assert.equal((await fcgiRequest(inst.socket, { uri: '/' })).status, 200);
    const worker = inst.workers()[0];
    const before = rssKiB(worker);
    const r = await signIn();
    assert.equal(r.status, 201, r.body);
    assert.equal(JSON.parse(r.body).user.client_ids.length, 20000, 'the sign-in lists every client');
    // The answer's 20,000 JSON numbers and the arena's overflow are freed;
    // without trimming, their pages stayed resident in the worker for good.
    // The one worker finishes its clean-up before it answers the next request.
    assert.equal((await fcgiRequest(inst.socket, { uri: '/' })).status, 200);
    const grown = rssKiB(worker) - before;
    assert.ok(grown < 1536, `the worker grew by ${grown} KiB over one sign-in`);
  } finally {
    await inst.stop();
  }
});
