// Scale-out (docs/operations.md): two rempart-fcgi instances (separate
// masters, workers and sockets) behind one nginx upstream, sharing the
// stack's database. A session created through one is valid through the
// other; a logout through one is refused by the other at once; killing one
// instance (SIGKILL to its master and workers) loses no idempotent request:
// nginx retries it on the other (fastcgi_next_upstream error timeout).
//
// nginx runs here with the production site template
// (nginx/rempart-site.conf.in) rendered like tests/stack.sh does, with both
// sockets in the upstream, and listens on a unix socket (no TCP port).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { SRCDIR, BUILDDIR, ensureStack } from '../lib/stack.mjs';
import { startInstance, waitFor, alive, sleep } from '../lib/instance.mjs';
import { fcgiRequest } from '../lib/fcgi.mjs';

const vars = ensureStack();

// The site template, rendered as tests/stack.sh renders it.
function renderSite(listen, upstream) {
  const out = [];
  let skip = false;
  for (const line of fs.readFileSync(path.join(SRCDIR, 'nginx/rempart-site.conf.in'), 'utf8').split('\n')) {
    if (/^# BEGIN TLS/.test(line)) { skip = true; continue; }
    if (/^[ \t]+# BEGIN TLS/.test(line)) { skip = true; out.push(`    listen ${listen};`); continue; }
    if (/# END TLS/.test(line)) { skip = false; continue; }
    if (!skip) out.push(line);
  }
  return out.join('\n')
    .replaceAll('@SERVER_NAME@', 'localhost')
    .replaceAll('@UPSTREAM@', upstream.map((s) => `server unix:${s};`).join('\n    '))
    .replaceAll('@WWW@', path.join(SRCDIR, 'www'))
    .replaceAll('@LOGIN_RATE@', '100r/s')
    .replaceAll('@LOGIN_BURST@', '100');
}

function startNginx(dir, sockets) {
  const sock = path.join(dir, 'nginx.sock');
  fs.mkdirSync(path.join(dir, 'tmp'));
  fs.writeFileSync(path.join(dir, 'site.conf'), renderSite(`unix:${sock}`, sockets));
  const conf = `${process.getuid() === 0 ? 'user root;\n' : ''}daemon on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log info;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    access_log ${dir}/nginx-access.log;
    client_body_temp_path ${dir}/tmp/body;
    fastcgi_temp_path ${dir}/tmp/fastcgi;
    proxy_temp_path ${dir}/tmp/proxy;
    uwsgi_temp_path ${dir}/tmp/uwsgi;
    scgi_temp_path ${dir}/tmp/scgi;
    include ${dir}/site.conf;
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  execFileSync('nginx', ['-p', `${dir}/`, '-c', `${dir}/nginx.conf`, '-e', `${dir}/nginx-error.log`], { stdio: 'pipe' });
  const pid = Number(fs.readFileSync(path.join(dir, 'nginx.pid'), 'utf8'));
  return { sock, pid };
}

// One HTTP request to nginx over its unix socket: {status, headers, body}
// or {status: 0, error}.
function request(sock, { method = 'GET', uri = '/', headers = {}, body } = {}) {
  return new Promise((resolve) => {
    const req = http.request({ socketPath: sock, method, path: uri, agent: false,
      headers: { host: 'localhost', ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } },
    (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', (e) => resolve({ status: 0, error: String(e) }));
    });
    req.setTimeout(20000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, error: String(e) }));
    if (body) req.write(body);
    req.end();
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-scale-'));
fs.chmodSync(dir, 0o755);
const a = await startInstance({ 'fcgi.workers': '2' });
const b = await startInstance({ 'fcgi.workers': '2' });
const nginx = startNginx(dir, [a.socket, b.socket]);

test.after(async () => {
  if (alive(nginx.pid)) process.kill(nginx.pid, 'SIGTERM');
  await waitFor(() => !alive(nginx.pid), 'nginx to stop', 10000).catch(() => {});
  await a.stop();
  await b.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

// A firm admin of our own (no MFA required on the stack).
const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const email = `scale-${tag}@scale.example`;
const password = 'scale out passphrase 2026';
execFileSync(path.join(BUILDDIR, 'app/rempart-admin'),
  ['-c', vars.REMPART_CONFIG, 'create-firm', `Scale ${tag}`, email, '--password-stdin'], { input: `${password}\n` });

async function login(inst) {
  const r = await fcgiRequest(inst.socket, { method: 'POST', uri: '/api/v1/session',
    body: JSON.stringify({ email, password }) });
  assert.equal(r.status, 201, r.body);
  return { cookie: r.headers['set-cookie'].split(';')[0], 'x-csrf-token': JSON.parse(r.body).csrf_token };
}

test('a session created through one instance is valid through the other', async () => {
  const auth = await login(a);
  for (const inst of [b, a, b]) {
    const me = await fcgiRequest(inst.socket, { uri: '/api/v1/me', headers: auth });
    assert.equal(me.status, 200, me.body);
    assert.equal(JSON.parse(me.body).email ?? JSON.parse(me.body).user?.email, email);
  }
  // Through nginx (round robin over both): every request sees the session.
  const rs = await Promise.all(Array.from({ length: 12 }, () => request(nginx.sock, { uri: '/api/v1/me', headers: { cookie: auth.cookie } })));
  assert.deepEqual([...new Set(rs.map((r) => r.status))], [200]);
});

test('a logout through one instance is refused by the other at once', async () => {
  const auth = await login(b);
  const before = await fcgiRequest(a.socket, { uri: '/api/v1/me', headers: auth });
  assert.equal(before.status, 200);
  const out = await fcgiRequest(b.socket, { method: 'DELETE', uri: '/api/v1/session', headers: auth });
  assert.ok([200, 204].includes(out.status), `logout: ${out.status} ${out.body}`);
  const after = await fcgiRequest(a.socket, { uri: '/api/v1/me', headers: auth });
  assert.equal(after.status, 401, `the other instance still accepts the session: ${after.status}`);
  const viaNginx = await request(nginx.sock, { uri: '/api/v1/me', headers: { cookie: auth.cookie } });
  assert.equal(viaNginx.status, 401);
});

test('killing one instance (master and workers, SIGKILL) loses no idempotent request', async () => {
  const auth = await login(a);
  const paths = ['/healthz', '/login', '/api/v1/me', '/ping', '/api/v1/health'];
  const results = [];
  let stop = false;
  const loop = async (n) => {
    for (let i = n; !stop; i++) {
      const uri = paths[i % paths.length];
      const r = await request(nginx.sock, { uri, headers: { cookie: auth.cookie } });
      results.push({ uri, status: r.status, error: r.error, t: Date.now() });
    }
  };
  const loops = Array.from({ length: 6 }, (_, i) => loop(i));
  await sleep(800);
  const pids = [a.child.pid, ...a.workers()];
  const killedAt = Date.now();
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  await waitFor(() => pids.every((p) => !alive(p)), 'the killed instance to be gone', 5000);
  await sleep(1500);
  stop = true;
  await Promise.all(loops);
  const bad = results.filter((r) => r.status !== 200);
  const afterKill = results.filter((r) => r.t > killedAt).length;
  console.log(`# ${results.length} requests, ${afterKill} after the kill, ${bad.length} not 200`);
  assert.ok(afterKill > 20, `requests after the kill: ${afterKill}`);
  assert.deepEqual(bad.map((r) => `${r.uri} ${r.status} ${r.error || ''}`), [], 'every request answered 200');
  // nginx logged the failed upstream and retried on the other one.
  const log = fs.readFileSync(path.join(dir, 'nginx-error.log'), 'utf8');
  assert.match(log, /connect\(\) to unix:.*failed|upstream prematurely closed|recv\(\) failed/, 'nginx saw the dead instance');
  // The surviving instance still serves the same session.
  const me = await fcgiRequest(b.socket, { uri: '/api/v1/me', headers: auth });
  assert.equal(me.status, 200);
});
