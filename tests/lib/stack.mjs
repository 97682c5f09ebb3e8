// Test helper: make sure the private stack runs, and talk HTTP to it.
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SRCDIR = process.env.SRCDIR || path.resolve(here, '../..');
export const BUILDDIR = process.env.BUILDDIR || SRCDIR;
export const STACK_DIR = process.env.STACK_DIR || path.join(BUILDDIR, 'var/test-stack');
export const STACK_PORT = process.env.STACK_PORT || '8089';

const stackEnv = { ...process.env, SRCDIR, BUILDDIR, STACK_DIR, STACK_PORT };

// Start the stack (idempotent: starts only what is not running) and return
// the variables printed by `stack.sh env` (REMPART_CONFIG, BASE_URL, ...).
export function ensureStack() {
  const script = path.join(SRCDIR, 'tests/stack.sh');
  execFileSync(script, ['start'], { env: stackEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  return stackVars();
}

// The same variables, without starting anything (e.g. while a test keeps
// MariaDB stopped on purpose).
export function stackVars() {
  const script = path.join(SRCDIR, 'tests/stack.sh');
  const out = execFileSync(script, ['env'], { env: stackEnv, encoding: 'utf8' });
  const vars = {};
  for (const line of out.split('\n')) {
    const m = line.match(/^([A-Z_]+)=(.*)$/);
    if (m) vars[m[1]] = m[2].replace(/^'(.*)'$/, '$1');
  }
  return vars;
}

export function stackCommand(args) {
  return execFileSync(path.join(SRCDIR, 'tests/stack.sh'), args,
    { env: stackEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

// Send raw bytes to host:port and resolve with the status code and the
// whole raw answer; used for requests fetch() refuses to build.
export function rawRequest(baseUrl, text, timeoutMs = 10000) {
  const u = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(u.port), u.hostname);
    let data = '';
    const timer = setTimeout(() => { sock.destroy(); reject(new Error('timeout')); }, timeoutMs);
    sock.on('connect', () => sock.write(text));
    sock.on('data', (d) => { data += d.toString('latin1'); });
    sock.on('error', (e) => { clearTimeout(timer); reject(e); });
    sock.on('close', () => {
      clearTimeout(timer);
      const m = data.match(/^HTTP\/1\.[01] (\d{3})/);
      resolve({ status: m ? Number(m[1]) : 0, raw: data });
    });
  });
}
