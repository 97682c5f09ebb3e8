// Test helper: run a separate rempart-fcgi (own socket, own config, own log)
// against the private stack's database, to test the process model directly.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILDDIR, ensureStack, stackVars } from './stack.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Poll fn until it returns a truthy value or the time is up.
export async function waitFor(fn, what, timeoutMs = 15000, stepMs = 100) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(stepMs);
  }
}

export function children(pid) {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n').filter(Boolean).map(Number).sort((a, b) => a - b);
  } catch {
    return [];
  }
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Read "key = value" lines of the stack's config, to reuse its database.
function readConf(file) {
  const conf = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = line.match(/^\s*([a-z_.]+)\s*=\s*(.*?)\s*$/);
    if (m) conf[m[1]] = m[2];
  }
  return conf;
}

// Start an instance; `overrides` replace keys of the stack's config, `raw`
// lines are appended verbatim. Options: wrapper (argv prefix), env, wait.
export async function startInstance(overrides = {}, opts = {}) {
  // opts.startStack === false: the stack as it is (its database may be
  // stopped on purpose).
  const vars = opts.startStack === false ? stackVars() : ensureStack();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-inst-'));
  fs.chmodSync(dir, 0o755);
  const conf = readConf(vars.REMPART_CONFIG);
  Object.assign(conf, {
    'fcgi.socket': path.join(dir, 'fcgi.sock'),
    'fcgi.pid_file': path.join(dir, 'master.pid'),
    'fcgi.workers': '2',
  }, overrides);
  const confFile = path.join(dir, 'rempart.conf');
  fs.writeFileSync(confFile, Object.entries(conf).map(([k, v]) => `${k} = ${v}\n`).join('')
    + (opts.raw || ''));
  const logFile = path.join(dir, 'fcgi.log');
  const log = fs.openSync(logFile, 'a');
  const vgdir = path.join(dir, 'wrapper');
  fs.mkdirSync(vgdir);
  const wrapper = (opts.wrapper || []).map((a) => a.replace('VGDIR', vgdir));
  const argv = [...wrapper, path.join(BUILDDIR, 'app/rempart-fcgi'), '-c', confFile];
  const child = spawn(argv[0], argv.slice(1), {
    stdio: ['ignore', log, log], env: { ...process.env, ...(opts.env || {}) },
  });
  fs.closeSync(log);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const inst = {
    dir, vgdir, confFile, logFile, socket: conf['fcgi.socket'], child, exited,
    log: () => fs.readFileSync(logFile, 'utf8'),
    workers: () => children(child.pid),
    async stop() {
      if (alive(child.pid)) child.kill('SIGTERM');
      const t = setTimeout(() => { if (alive(child.pid)) child.kill('SIGKILL'); }, 20000);
      await exited;
      clearTimeout(t);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  if (opts.wait !== false) {
    const want = Number(conf['fcgi.workers']);
    await waitFor(() => fs.existsSync(inst.socket) && inst.workers().length >= want,
      `instance socket and ${want} workers`, opts.waitMs || 15000);
  }
  return inst;
}
