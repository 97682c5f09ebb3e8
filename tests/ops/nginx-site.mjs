// The production nginx site as installed (nginx/rempart-site.conf, rendered
// by make from nginx/rempart-site.conf.in with the production values): it
// passes `nginx -t` and serves, in a private nginx, with only its listen
// addresses (unix sockets instead of ports 80/443), certificate (a
// throw-away self-signed one) and upstream socket (the stack's) replaced:
// port 80 redirects to HTTPS, HTTPS answers with HSTS and the security
// headers, static files are cached, the production login rate limit (30r/m,
// burst 20) answers 429, and the timeouts are ordered DB < app < nginx.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SRCDIR, BUILDDIR, ensureStack } from '../lib/stack.mjs';

const env = ensureStack();
const site = fs.readFileSync(path.join(BUILDDIR, 'nginx/rempart-site.conf'), 'utf8');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-site-'));
fs.chmodSync(dir, 0o755);
const tls = path.join(dir, 'tls.sock');
const plain = path.join(dir, 'plain.sock');

// Only what cannot run here is changed; every other line is the shipped one.
function localise(text) {
  return text
    .replace(/^ {4}listen 443 ssl http2;$/m, `    listen unix:${tls} ssl http2;`)
    .replace(/^ {4}listen \[::\]:443 ssl http2;\n/m, '')
    .replace(/^ {4}listen 80;$/m, `    listen unix:${plain};`)
    .replace(/^ {4}listen \[::\]:80;\n/m, '')
    .replace('/etc/ssl/certs/ssl-cert-snakeoil.pem', path.join(dir, 'cert.pem'))
    .replace('/etc/ssl/private/ssl-cert-snakeoil.key', path.join(dir, 'key.pem'))
    .replace(/^ {4}server unix:\/run\/rempart\/rempart\.sock;$/m, `    server unix:${env.STACK_FCGI_SOCKET};`)
    .replace(/^(\s*root) \S+\/rempart\/www;$/m, `$1 ${path.join(SRCDIR, 'www')};`);
}

let nginxPid = 0;
test.before(() => {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=rempart.example.org',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'pipe' });
  const local = localise(site);
  const left = local.split('\n').filter((l) => !/^\s*#/.test(l) && /unix:\/run\/rempart\/rempart\.sock|snakeoil|listen (80|443)/.test(l));
  assert.deepEqual(left, [], 'everything localised');
  fs.writeFileSync(path.join(dir, 'site.conf'), local);
  fs.mkdirSync(path.join(dir, 'tmp'));
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `${process.getuid() === 0 ? 'user root;\n' : ''}daemon on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 128; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path ${dir}/tmp/body;
    fastcgi_temp_path ${dir}/tmp/fastcgi;
    proxy_temp_path ${dir}/tmp/proxy;
    uwsgi_temp_path ${dir}/tmp/uwsgi;
    scgi_temp_path ${dir}/tmp/scgi;
    include ${dir}/site.conf;
}
`);
  const t = spawnSync('nginx', ['-t', '-p', `${dir}/`, '-c', `${dir}/nginx.conf`, '-e', `${dir}/error.log`], { encoding: 'utf8' });
  assert.equal(t.status, 0, `nginx -t: ${t.stderr}`);
  execFileSync('nginx', ['-p', `${dir}/`, '-c', `${dir}/nginx.conf`, '-e', `${dir}/error.log`], { stdio: 'pipe' });
  nginxPid = Number(fs.readFileSync(path.join(dir, 'nginx.pid'), 'utf8'));
});

test.after(async () => {
  if (nginxPid) {
    try { process.kill(nginxPid, 'SIGTERM'); } catch { /* gone */ }
    for (let i = 0; i < 50; i++) {
      try { process.kill(nginxPid, 0); } catch { break; }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

// curl over a unix socket: {status, headers (lower-case keys), body}.
function curl(sock, url, args = []) {
  const r = spawnSync('curl', ['-s', '-k', '--max-time', '20', '--unix-socket', sock, '-D', '-', ...args, url],
    { encoding: 'utf8' });
  const [head, ...rest] = r.stdout.split('\r\n\r\n');
  const lines = head.split('\r\n');
  const headers = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
  }
  return { status: Number((lines[0].match(/ (\d{3})/) || [])[1] || 0), headers, body: rest.join('\r\n\r\n') };
}

test('port 80 redirects to HTTPS', () => {
  const r = curl(plain, 'http://rempart.example.org/login?next=/');
  assert.equal(r.status, 301);
  assert.equal(r.headers.location, 'https://rempart.example.org/login?next=/');
});

test('HTTPS: the login page with HSTS and the security headers', () => {
  const r = curl(tls, 'https://rempart.example.org/login');
  assert.equal(r.status, 200, JSON.stringify(r).slice(0, 600));
  assert.match(r.headers['strict-transport-security'] || '', /^max-age=\d{8,}; includeSubDomains$/);
  assert.match(r.headers['content-security-policy'] || '', /frame-ancestors 'none'/);
  assert.equal(r.headers['x-frame-options'], 'DENY');
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.equal(r.headers.server, 'nginx', 'no version in Server');
  const h = curl(tls, 'https://rempart.example.org/healthz');
  assert.equal(h.status, 200);
  assert.match(h.headers['strict-transport-security'] || '', /^max-age=/);
});

test('HTTPS: static files cached for 30 days, HSTS too; hidden files 404', () => {
  const r = curl(tls, 'https://rempart.example.org/static/rempart.css');
  assert.equal(r.status, 200);
  assert.equal(r.headers['cache-control'], 'max-age=2592000');
  assert.ok(r.headers.expires, 'Expires');
  assert.ok(r.headers.etag, 'ETag');
  assert.match(r.headers['strict-transport-security'] || '', /^max-age=/);
  assert.equal(curl(tls, 'https://rempart.example.org/static/.htaccess').status, 404);
});

test('the production login limit (30r/m, burst 20) answers 429; GETs are not limited', () => {
  const statuses = [];
  for (let i = 0; i < 24; i++) {
    statuses.push(curl(tls, 'https://rempart.example.org/api/v1/session',
      ['-H', 'Content-Type: application/json', '--data', '{}']).status);
  }
  assert.ok(statuses.slice(0, 20).every((s) => s === 400), `the burst passes to the app: ${statuses}`);
  assert.ok(statuses.slice(22).every((s) => s === 429), `then 429: ${statuses}`);
  assert.equal(curl(tls, 'https://rempart.example.org/login').status, 200);
});

test('timeouts are ordered DB < app < nginx, with the shipped values', () => {
  const conf = fs.readFileSync(path.join(SRCDIR, 'conf/rempart.conf'), 'utf8');
  const key = (k) => Number((conf.match(new RegExp(`^${k.replace('.', '\\.')} = (\\d+)$`, 'm')) || [])[1]);
  const nginx = (d) => Number((site.match(new RegExp(`^\\s*${d} (\\d+)s;$`, 'm')) || [])[1]);
  const db = key('db.read_timeout');
  const app = key('fcgi.request_timeout');
  const read = nginx('fastcgi_read_timeout');
  assert.deepEqual([db, app, read], [10, 30, 60]);
  assert.ok(db < app && app < read);
  assert.ok(key('db.write_timeout') < app);
  assert.ok(nginx('fastcgi_send_timeout') > app);
  // Body caps: the app's below nginx's.
  const max = Number((site.match(/client_max_body_size (\d+)m;/) || [])[1]) * 1048576;
  assert.ok(key('http.max_body') < max && key('http.max_upload') < max);
});
