// Shared helpers of the HTTP and fault tests (node:test files): exclusive
// use of the stack, processes, bounded waits, bounded load, raw sockets,
// tidy and the security headers.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { STACK_DIR } from './stack.mjs';

export { sleep };

// ------------------------------------------------------------ stack lock ---

// The fault tests stop MariaDB and kill workers: no other test file may use
// the same stack meanwhile (e.g. under `make -j check`). Every test file takes
// this lock first. flock(1) holds it in a child whose stdin is our pipe: when
// this process ends, however it ends, the child sees EOF and the lock goes.
export async function lockStack(timeoutMs = 900000) {
  const lockFile = `${STACK_DIR}.tests.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const secs = String(Math.ceil(timeoutMs / 1000));
  const child = spawn('flock', ['-x', '-w', secs, lockFile, '-c', 'echo locked; exec cat >/dev/null'],
    { stdio: ['pipe', 'pipe', 'inherit'] });
  const ok = await new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('locked')) resolve(true);
    });
    child.on('exit', () => resolve(false));
    child.on('error', () => resolve(false));
  });
  if (!ok) throw new Error(`could not lock ${lockFile} within ${secs}s (another test run holds it?)`);
  child.stdout.destroy();
  child.stdin.unref();
  child.unref();
  return () => child.stdin.end();
}

// -------------------------------------------------------------- processes ---

// State letter of a process (R, S, Z...), or null when it does not exist.
function procStat(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0], ppid: Number(rest[1]) };
  } catch {
    return null;
  }
}

export function isAlive(pid) {
  const st = procStat(pid);
  return st !== null && st.state !== 'Z' && st.state !== 'X';
}

export function readPid(file) {
  const txt = fs.readFileSync(file, 'utf8').trim();
  if (!/^\d+$/.test(txt)) throw new Error(`${file} does not hold a pid: ${JSON.stringify(txt)}`);
  return Number(txt);
}

// Live (non-zombie) children of pid, sorted.
export function childrenOf(pid) {
  const kids = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const st = procStat(d);
    if (st && st.ppid === pid && st.state !== 'Z' && st.state !== 'X') kids.push(Number(d));
  }
  return kids.sort((a, b) => a - b);
}

// ---------------------------------------------------------- bounded waits ---

// Poll fn() (sync or async) until it returns a truthy value; throw a clear
// error naming `what` after timeoutMs. Returns fn's value.
export async function waitFor(what, fn, { timeoutMs = 15000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await sleep(intervalMs);
  }
}

// fetch with a time bound, never throwing: {status, headers, text} or
// {status: 0, error}.
export async function get(url, init = {}, timeoutMs = 15000) {
  try {
    const res = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text };
  } catch (e) {
    return { status: 0, headers: new Headers(), text: '', error: String(e && (e.cause || e)) };
  }
}

// ------------------------------------------------------------------- load ---

// Bounded load: `total` GET requests over `concurrency` loops, cycling over
// `paths`. Each result: {i, path, start, end, status, ok, error}. `onDone(n)`
// is awaited after each completed request (n = completed so far). Every
// request has its own timeout, so the whole run is bounded.
export async function runLoad(baseUrl, { paths, total, concurrency, timeoutMs = 15000, onDone }) {
  const results = [];
  let next = 0;
  let done = 0;
  async function loop() {
    while (next < total) {
      const i = next++;
      const p = paths[i % paths.length];
      const start = performance.now();
      const r = await get(baseUrl + p, {}, timeoutMs);
      const end = performance.now();
      results[i] = { i, path: p, start, end, status: r.status, ok: r.status === 200, error: r.error };
      done++;
      if (onDone) await onDone(done);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop));
  return results;
}

export function describeFailures(results) {
  return results.filter((r) => !r.ok)
    .map((r) => `#${r.i} ${r.path} -> ${r.status}${r.error ? ` (${r.error})` : ''}`).join('; ');
}

// ------------------------------------------------------------ raw sockets ---

// Send `chunks` (strings or Buffers) on a TCP connection, optionally half-
// close, and collect the answer until the peer closes or timeoutMs passes.
// Resolves {status, raw, closed, ms}; never rejects on a timeout.
export function rawExchange(baseUrl, chunks, { halfClose = false, timeoutMs = 10000 } = {}) {
  const u = new URL(baseUrl);
  return new Promise((resolve) => {
    const t0 = Date.now();
    const sock = net.connect(Number(u.port), u.hostname);
    const bufs = [];
    let finished = false;
    const finish = (closed, error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      sock.destroy();
      const raw = Buffer.concat(bufs).toString('latin1');
      const m = raw.match(/^HTTP\/1\.[01] (\d{3})/);
      resolve({ status: m ? Number(m[1]) : 0, raw, closed, error, ms: Date.now() - t0 });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    sock.on('connect', () => {
      for (const c of chunks) sock.write(c);
      if (halfClose) sock.end();
    });
    sock.on('data', (d) => bufs.push(d));
    sock.on('error', (e) => finish(true, String(e)));
    sock.on('close', () => finish(true));
  });
}

// Split a raw HTTP answer: {status, headers (lower-case names), body}.
export function parseRaw(raw) {
  const sep = raw.indexOf('\r\n\r\n');
  const head = sep >= 0 ? raw.slice(0, sep) : raw;
  const body = sep >= 0 ? raw.slice(sep + 4) : '';
  const lines = head.split('\r\n');
  const m = lines[0].match(/^HTTP\/1\.[01] (\d{3})/);
  const headers = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return { status: m ? Number(m[1]) : 0, headers, body };
}

// ------------------------------------------------------------------- logs ---

export function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

// What was appended to `file` since byte `offset`.
export function readSince(file, offset) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return '';
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size <= offset) return '';
    const b = Buffer.alloc(size - offset);
    fs.readSync(fd, b, 0, b.length, offset);
    return b.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

// ------------------------------------------------------------------- tidy ---

// Run Debian's `tidy -q -e` on an HTML text. Resolves {status, output};
// tidy exits 0 (clean), 1 (warnings) or 2 (errors).
export function tidy(html) {
  const r = spawnSync('tidy', ['-q', '-e'], { input: html, encoding: 'utf8', timeout: 30000 });
  if (r.error) throw new Error(`cannot run tidy (apt-get install tidy): ${r.error.message}`);
  return { status: r.status, output: `${r.stdout || ''}${r.stderr || ''}`.trim() };
}

// ------------------------------------------------------- security headers ---

// The headers every dynamic response carries (SPEC §5); `headers` is a
// fetch Headers object or a plain object with lower-case names. Returns a
// list of problems (empty when all is well).
export function securityHeaderProblems(headers, { noStore = false } = {}) {
  const h = (n) => (typeof headers.get === 'function' ? headers.get(n) : headers[n]) ?? null;
  const problems = [];
  const csp = h('content-security-policy');
  if (!csp) problems.push('no Content-Security-Policy');
  else {
    if (!/frame-ancestors 'none'/.test(csp)) problems.push(`CSP without frame-ancestors 'none': ${csp}`);
    if (/unsafe-inline|unsafe-eval/.test(csp)) problems.push(`CSP allows unsafe code: ${csp}`);
    if (!/default-src 'self'/.test(csp)) problems.push(`CSP without default-src 'self': ${csp}`);
  }
  if ((h('x-content-type-options') || '').toLowerCase() !== 'nosniff') problems.push(`X-Content-Type-Options: ${h('x-content-type-options')}`);
  const rp = (h('referrer-policy') || '').toLowerCase();
  if (!['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(rp)) problems.push(`Referrer-Policy: ${h('referrer-policy')}`);
  if ((h('x-frame-options') || '').toUpperCase() !== 'DENY') problems.push(`X-Frame-Options: ${h('x-frame-options')}`);
  if (noStore && !/no-store/.test(h('cache-control') || '')) problems.push(`Cache-Control without no-store: ${h('cache-control')}`);
  return problems;
}
