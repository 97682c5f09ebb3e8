// `make security`: third-party scanners against the private stack (all on
// 127.0.0.1), signed in as a firm admin that owns a client with a framework,
// a risk, an action and a resource.
//
//   sqlmap (Debian package sqlmap): every parameter of a few authenticated
//   API and form endpoints (query strings, a JSON PATCH with the CSRF
//   header, a form POST with its csrf_token field, which is not attacked)
//   and the sign-in; --batch, level 2 (cookies too), risk 1, techniques
//   BEUST, each run bounded by SECURITY_SQLMAP_SECONDS (default 150).
//   A finding is "sqlmap identified the following injection point".
//
//   wapiti (Debian package wapiti): crawls the signed-in site and attacks it
//   with its sql, blindsql, exec, file, crlf, xss, permanentxss, csrf,
//   redirect, http_headers, csp and cookieflags modules. Not ssrf nor xxe
//   (they call an outside endpoint; it is set to the stack anyway), nor nikto,
//   wapp, buster and brute_login_form (outside databases, brute force).
//   Pages that would end the scanner's own session (/logout, /account*,
//   /users/*) are excluded. Bounded by
//   SECURITY_WAPITI_SECONDS (default 420). A finding is any entry in its
//   injection, XSS, CSRF, CRLF, path traversal or open redirect categories;
//   the other categories and anomalies are printed for review.
//
// Prints one summary line per scan and "security: N finding(s)"; exit status
// 1 on any finding or scanner failure. Reports in var/security/.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureStack, BUILDDIR, SRCDIR } from '../lib/stack.mjs';
import { createFirm, httpTransport, loggedIn } from '../lib/identity.mjs';
import { makeClient } from '../lib/clients.mjs';

const OUT = path.join(BUILDDIR, 'var/security');
const SQLMAP_SECONDS = Number(process.env.SECURITY_SQLMAP_SECONDS || 150);
const WAPITI_SECONDS = Number(process.env.SECURITY_WAPITI_SECONDS || 420);
const ONLY = (process.env.SECURITY_ONLY || 'sqlmap,wapiti').split(',');
fs.mkdirSync(OUT, { recursive: true });

for (const tool of ONLY) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`security: ${tool} not found (apt-get install sqlmap wapiti)`);
    process.exit(2);
  }
}

const env = ensureStack();
const BASE = env.BASE_URL;
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(BASE)) {
  console.error(`security: refusing to scan ${BASE}: 127.0.0.1 only`);
  process.exit(2);
}
const http = httpTransport(BASE);
const firm = createFirm(env);
const admin = await loggedIn(http, firm.email, firm.password);
const must = (what, r, status = 201) => {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.json;
};
const client = await makeClient(admin);
const c = client.id;
const anssi = (await admin.get('/api/v1/frameworks')).json.items.find((f) => f.code === 'anssi-hygiene');
must('framework', await admin.post(`/api/v1/clients/${c}/frameworks`, { framework_id: anssi.id }));
const risk = must('risk', await admin.post(`/api/v1/clients/${c}/risks`, { title: 'Ransomware', likelihood: 3, impact: 4 }));
const action = must('action', await admin.post(`/api/v1/clients/${c}/actions`, { title: 'Offline backups' }));
must('resource', await admin.post(`/api/v1/clients/${c}/resources`, { type: 'document', title: 'Backup policy', body: 'Daily.' }));
const cookie = `rempart_session=${admin.token}`;
const csrf = admin.csrf;

let findings = 0;
const lines = [];
const report = (line) => { lines.push(line); console.log(line); };

function sqlmap(name, url, extra) {
  const dir = path.join(OUT, 'sqlmap');
  const args = ['-u', url, '--batch', '--flush-session', '--disable-coloring', `--output-dir=${dir}`,
    '--level=2', '--risk=1', '--technique=BEUST', '--time-sec=2', '--timeout=15', '--retries=1',
    '--answers=follow=N', ...extra];
  const t0 = Date.now();
  const r = spawnSync('timeout', ['--kill-after=10', String(SQLMAP_SECONDS), 'sqlmap', ...args],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out = (r.stdout || '') + (r.stderr || '');
  fs.writeFileSync(path.join(OUT, `sqlmap-${name}.log`), out);
  const secs = Math.round((Date.now() - t0) / 1000);
  const found = /identified the following injection point|is vulnerable/i.test(out);
  const timedOut = r.status === 124 || r.status === 137;
  const tested = (out.match(/testing '/g) || []).length;
  const notes = [...new Set((out.match(/heuristic \(XSS\) test shows[^\n]*|might be injectable[^\n]*|\[CRITICAL\][^\n]*/g) || [])
    .map((s) => s.trim()))];
  if (found) findings++;
  report(`sqlmap ${name}: ${found ? 'FINDING' : 'no injection'} (${tested} payload tests, ${secs} s${timedOut ? ', time bound reached' : ''})`);
  for (const n of notes) report(`    note: ${n}`);
  if (!found && ((!timedOut && r.status !== 0) || tested === 0)) {
    findings++;
    report(`    sqlmap exited ${r.status} after ${tested} tests: see ${path.join(OUT, `sqlmap-${name}.log`)}`);
  }
}

const auth = ['--cookie', cookie, '-H', `X-CSRF-Token: ${csrf}`];
const t0 = Date.now();
if (ONLY.includes('sqlmap')) {
  sqlmap('api-list', `${BASE}/api/v1/clients/${c}/risks?q=ransom&status=open&sort=title&limit=10&offset=0`,
    [...auth, '-p', 'q,status,sort,limit,offset']);
  sqlmap('api-json-patch', `${BASE}/api/v1/risks/${risk.id}`,
    [...auth, '--method', 'PATCH', '-H', 'Content-Type: application/json',
      '--data', JSON.stringify({ title: 'Ransomware', description: 'Encrypted shares', owner_id: admin.user.id })]);
  sqlmap('form-post', `${BASE}/actions/${action.id}`,
    ['--cookie', cookie, '--data', new URLSearchParams({ csrf_token: csrf, title: 'Offline backups',
      description: 'Weekly', priority: 'high', status: 'todo', progress: '10' }).toString(),
    '--skip', 'csrf_token']);
  sqlmap('html-list', `${BASE}/clients?q=client&sort=name&page=1`, ['--cookie', cookie, '-p', 'q,sort,page']);
  sqlmap('sign-in', `${BASE}/api/v1/session`,
    ['-H', 'Content-Type: application/json', '--ignore-code=401',
      '--data', JSON.stringify({ email: 'nobody@scan.example', password: 'x' })]);
}
const t1 = Date.now();

if (ONLY.includes('wapiti')) {
  const json = path.join(OUT, 'wapiti.json');
  const off = `${BASE}/_stack/`;  // only ssrf and xxe use them: never outside
  const args = ['-u', `${BASE}/`, '--scope', 'folder', '--flush-session', '--no-bugreport',
    '-m', 'sql,blindsql,exec,file,crlf,xss,permanentxss,csrf,redirect,http_headers,csp,cookieflags',
    '-H', `Cookie: ${cookie}`,
    // wapiti.py: Debian 12's wapiti 3.0.4 crashes on any -x under Python
    // 3.11; the wrapper fixes that one function.
    '-x', `${BASE}/logout`, '-x', `${BASE}/account*`, '-x', `${BASE}/users/*`,
    '--endpoint', off, '--external-endpoint', off, '--internal-endpoint', off,
    '-d', '4', '--max-links-per-page', '60', '--max-files-per-dir', '30',
    '--max-scan-time', String(WAPITI_SECONDS - 30), '--max-attack-time', '60', '-t', '15',
    '-f', 'json', '-o', json, '-v', '1'];
  const r = spawnSync('timeout', ['--kill-after=10', String(WAPITI_SECONDS), '/usr/bin/python3',
    path.join(SRCDIR, 'tests/security/wapiti.py'), ...args],
    { encoding: 'utf8', maxBuffer: 64 << 20, cwd: OUT, env: { ...process.env, HOME: OUT } });
  fs.writeFileSync(path.join(OUT, 'wapiti.log'), (r.stdout || '') + (r.stderr || ''));
  let doc = null;
  try {
    doc = JSON.parse(fs.readFileSync(json, 'utf8'));
  } catch {
    findings++;
    report(`wapiti: no report (exit ${r.status}); see ${path.join(OUT, 'wapiti.log')}`);
  }
  if (doc) {
    const bad = /sql|xss|cross site|command|crlf|path traversal|redirect|csrf|forgery|injection/i;
    const secs = Math.round((Date.now() - t1) / 1000);
    const m = (r.stdout || '').match(/Wapiti found (\d+) URLs and forms/);
    const urls = m ? m[1] : '?';
    let n = 0;
    for (const [cat, items] of Object.entries(doc.vulnerabilities || {})) {
      if (!items.length) continue;
      const fatal = bad.test(cat);
      if (fatal) n += items.length;
      report(`wapiti ${cat}: ${items.length} ${fatal ? 'FINDING' : 'to review'}`);
      for (const v of items.slice(0, 5)) report(`    ${v.method} ${v.path} ${v.parameter || ''}: ${(v.info || '').slice(0, 160)}`);
    }
    for (const [cat, items] of Object.entries(doc.anomalies || {})) {
      if (!items.length) continue;
      report(`wapiti anomaly ${cat}: ${items.length} to review`);
      for (const v of items.slice(0, 5)) report(`    ${v.method} ${v.path} ${v.parameter || ''}: ${(v.info || '').slice(0, 160)}`);
    }
    findings += n;
    report(`wapiti: ${n} injection/XSS/CSRF finding(s), ${urls} URLs and forms attacked, ${secs} s`);
  }
}
report(`security: ${findings} finding(s); sqlmap ${Math.round((t1 - t0) / 1000)} s, wapiti ${Math.round((Date.now() - t1) / 1000)} s; reports in ${OUT}`);
fs.writeFileSync(path.join(OUT, 'summary.txt'), lines.join('\n') + '\n');
process.exit(findings ? 1 : 0);
