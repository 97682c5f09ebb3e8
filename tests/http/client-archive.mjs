// The client archive (issue 14, item 8; docs/client-archive.md): a firm
// admin exports a client's whole mission as a zip of JSON files with a
// manifest (format version, counts, checksums) and imports it into a firm
// as a new client: into another firm it reproduces every count (users
// matched by e-mail or left unassigned), into the same firm it makes a
// separate client (owners and template lineage kept). Admins only (403),
// another firm's client 404, CSRF on import; hostile archives (zip bomb,
// "../x", "/etc/x", duplicate names, bad JSON, wrong version, missing
// manifest, a bad value, an unknown framework) answer 400 naming the path
// at fault and write nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack, tidy } from '../lib/testkit.mjs';
import { createFirm, expectError, httpTransport, loggedIn, sql, sqlValue } from '../lib/identity.mjs';
import { makeClient, makeEstab, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-archive-'));

const A = {};
const B = {};
let archive; // the exported zip's bytes
let csf;

// Rewrite a zip with python's zipfile: ops is a JSON list of
// ["set", name, text] (recomputing the manifest's checksum and bytes),
// ["raw", name, text] (added as is, beside any entry of that name), ["drop", name],
// ["manifest", [keys...], value] on the manifest, ["bomb", name, MiB] (replaces
// the entry by MiB of spaces: a ratio of about 1000), ["values", name, N]
// (a stored entry of N + 1 tiny JSON values, checksum updated).
const ZIPPER = `
import hashlib, json, sys, zipfile
src, dst, ops = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
files = {}
if src != '-':
    with zipfile.ZipFile(src) as z:
        for n in z.namelist(): files[n] = z.read(n)
man = json.loads(files['manifest.json']) if 'manifest.json' in files else None
extra = []
for op in ops:
    if op[0] == 'set':
        data = op[2].encode()
        files[op[1]] = data
        man['files'][op[1]] = {'sha256': hashlib.sha256(data).hexdigest(), 'bytes': len(data)}
    elif op[0] == 'raw': extra.append((op[1], op[2].encode(), False))
    elif op[0] == 'drop': files.pop(op[1], None); man = None if op[1] == 'manifest.json' else man
    elif op[0] == 'manifest':
        o = man
        for k in op[1][:-1]: o = o[k]
        o[op[1][-1]] = op[2]
    elif op[0] == 'bomb': extra.append((op[1], b' ' * (op[2] << 20), True))
    elif op[0] == 'values':
        data = b'[' + b'0,' * op[2] + b'0]'
        extra.append((op[1], data, True, zipfile.ZIP_STORED))
        man['files'][op[1]] = {'sha256': hashlib.sha256(data).hexdigest(), 'bytes': len(data)}
if man is not None: files['manifest.json'] = json.dumps(man).encode()
with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
    for n, d in files.items():
        if not any(n == e[0] and e[2] for e in extra): z.writestr(n, d)
    for e in extra: z.writestr(e[0], e[1], *e[3:])
`;
let seq = 0;
function rezip(ops, src = archive) {
  const s = path.join(tmp, `src${seq}.zip`);
  const d = path.join(tmp, `dst${seq++}.zip`);
  if (src) fs.writeFileSync(s, src);
  execFileSync('python3', ['-W', 'ignore', '-c', ZIPPER, src ? s : '-', d, JSON.stringify(ops)]);
  return fs.readFileSync(d);
}
function unzip(buf) {
  const f = path.join(tmp, `u${seq++}.zip`);
  fs.writeFileSync(f, buf);
  return JSON.parse(execFileSync('python3', ['-c', `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({n: z.read(n).decode() for n in z.namelist()}))`, f], { encoding: 'utf8' }));
}

async function download(who, p) {
  const res = await fetch(`${env.BASE_URL}${p}`, { headers: { cookie: who.cookieHeader() }, redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type'), disp: res.headers.get('content-disposition'),
    buf: Buffer.from(await res.arrayBuffer()) };
}
const upload = (who, buf, opts = {}) => who.request('POST', '/api/v1/clients/import', undefined,
  { raw: buf, contentType: 'application/zip', ...opts });

// Per-table counts of one client: what an import must reproduce.
const TABLES = {
  establishments: 'establishments', establishments_merged: 'establishments WHERE merged_into IS NOT NULL AND',
  client_frameworks: 'client_frameworks', assessments: 'assessments', risks: 'risks',
  risk_requirements: 'risk_requirements', actions: 'actions', action_requirements: 'action_requirements',
  action_risks: 'action_risks', action_resources: 'action_resources', resources: 'resources',
  resource_requirements: 'resource_requirements', audit_log: 'audit_log', client_vcisos: 'client_vcisos',
};
function counts(client) {
  const out = {};
  for (const [k, t] of Object.entries(TABLES)) {
    const where = t.endsWith('AND') ? `${t} client_id = ${client}` : `${t} WHERE client_id = ${client}`;
    out[k] = Number(sqlValue(env, `SELECT COUNT(*) FROM ${where}`));
  }
  out.compliance = sql(env, `SELECT compliant, partial, non_compliant, not_applicable, total FROM client_frameworks
    WHERE client_id = ${client} ORDER BY framework_id`).map((r) => r.join('/')).join(' ');
  out.pct = sqlValue(env, `SELECT compliance_pct FROM clients WHERE id = ${client}`);
  out.open_actions = sqlValue(env, `SELECT open_actions FROM clients WHERE id = ${client}`);
  out.portfolio = sql(env, `SELECT risks_low, risks_medium, risks_high, risks_critical FROM clients
    WHERE id = ${client}`)[0].join('/');
  out.justifications = sqlValue(env, `SELECT GROUP_CONCAT(justification ORDER BY requirement_id) FROM assessments
    WHERE client_id = ${client} AND justification <> ''`);
  return out;
}
// Every table's row count: a refused import must change none.
function everything() {
  const tables = sql(env, `SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()
    AND table_type = 'BASE TABLE' AND table_name NOT IN ('sessions', 'login_failures')`).map((x) => x[0]);
  return Object.fromEntries(tables.map((t) => [t, Number(sqlValue(env, `SELECT COUNT(*) FROM \`${t}\``))]));
}

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.firm = A.admin.c.user.firm_id;
  A.client = await makeClient(A.admin.c, { name: 'Archived Mission' });
  A.am = await person(http, A.admin.c, 'account_manager', { client_ids: [A.client.id] });
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  B.firm = B.admin.c.user.firm_id;
  const c = A.client.id;
  const a = A.admin.c;
  // Establishments (one merged into the other).
  const e1 = await makeEstab(a, c, { siret: '73282932000074' });
  const e2 = await makeEstab(a, c);
  let r = await a.post(`/api/v1/establishments/${e2.id}/merge`, { into: e1.id });
  assert.equal(r.status, 200, r.text);
  // A framework and assessments.
  csf = (await a.get('/api/v1/frameworks')).json.items.find((f) => f.code === 'nist-csf');
  assert.equal((await a.post(`/api/v1/clients/${c}/frameworks`, { framework_id: csf.id })).status, 201);
  const items = (await a.get(`/api/v1/clients/${c}/compliance?framework_id=${csf.id}&limit=3`)).json.items;
  for (const [i, st] of [[0, 'compliant'], [1, 'partial'], [2, 'not_applicable']]) {
    r = await a.patch(`/api/v1/clients/${c}/compliance/${items[i].requirement_id}`, { status: st, comment: `c${i}`,
      ...(st === 'not_applicable' ? { justification: 'No such systems here' } : {}) });
    assert.equal(r.status, 200, r.text);
  }
  // A template deployed: a resource with lineage; another resource.
  const t = await a.post('/api/v1/templates', { type: 'document', title: 'Policy', body: 'For {{client_name}}' });
  assert.equal(t.status, 201, t.text);
  r = await a.post(`/api/v1/templates/${t.json.id}/deploy`, { client_ids: [c] });
  assert.equal(r.status, 201, r.text);
  const res1 = r.json.deployed[0].resource_ids[0];
  r = await a.post(`/api/v1/clients/${c}/resources`, { type: 'tool', title: 'EDR', body: 'x',
    requirement_ids: [items[0].requirement_id] });
  assert.equal(r.status, 201, r.text);
  const res2 = r.json.id;
  // Risks and actions with links and owners.
  r = await a.post(`/api/v1/clients/${c}/risks`, { title: 'Ransomware', likelihood: 4, impact: 5,
    owner_id: A.am.id, requirement_ids: [items[1].requirement_id], residual_likelihood: 2, residual_impact: 3 });
  assert.equal(r.status, 201, r.text);
  A.risk = r.json.id;
  r = await a.post(`/api/v1/clients/${c}/risks`, { title: 'Phishing', likelihood: 2, impact: 2 });
  assert.equal(r.status, 201, r.text);
  r = await a.post(`/api/v1/clients/${c}/actions`, { title: 'Backups', due_date: '2027-01-31', owner_id: A.am.id,
    risk_ids: [A.risk], resource_ids: [res1, res2], requirement_ids: [items[0].requirement_id] });
  assert.equal(r.status, 201, r.text);
  r = await a.post(`/api/v1/clients/${c}/actions`, { title: 'Done thing', status: 'done' });
  assert.equal(r.status, 201, r.text);
});

test('export: a zip of JSON files with a manifest (format, version, counts, checksums); admins only', async () => {
  const r = await download(A.admin.c, `/api/v1/clients/${A.client.id}/archive`);
  assert.equal(r.status, 200);
  assert.equal(r.type, 'application/zip');
  assert.match(r.disp, new RegExp(`attachment; filename="client-${A.client.id}\\.zip"`));
  archive = r.buf;
  const files = unzip(archive);
  assert.deepEqual(Object.keys(files).sort(), ['actions.json', 'audit.json', 'client.json', 'establishments.json',
    'frameworks.json', 'manifest.json', 'resources.json', 'risks.json']);
  const man = JSON.parse(files['manifest.json']);
  assert.equal(man.format, 'rempart-client-archive');
  assert.equal(man.version, 1);
  assert.equal(man.counts.risks, 2);
  assert.equal(man.counts.actions, 2);
  assert.equal(man.counts.establishments, 2);
  assert.equal(man.counts.assessments, 3);
  const crypto = await import('node:crypto');
  for (const [n, f] of Object.entries(man.files)) {
    assert.equal(crypto.createHash('sha256').update(files[n]).digest('hex'), f.sha256, n);
  }
  const res = JSON.parse(files['resources.json']);
  assert.ok(res.some((x) => x.template && x.template.title === 'Policy'), 'template lineage');
  const risks = JSON.parse(files['risks.json']);
  assert.equal(risks[0].owner_email, A.am.email);
  assert.deepEqual(risks[0].requirements.map((q) => q.framework), ['nist-csf']);
  // The page's download is the same route family.
  const ui = await download(A.admin.c, `/clients/${A.client.id}/archive`);
  assert.equal(ui.status, 200);
  const page = await A.admin.c.get(`/clients/${A.client.id}`);
  assert.match(page.text, /id="client-archive"/);
  const list = await A.admin.c.get('/clients');
  assert.match(list.text, /id="client-import-form"/);
  for (const [what, p] of [['client page', page], ['clients list', list]]) {
    const td = tidy(p.text);
    assert.ok(td.status !== null && td.status < 2, `${what}: tidy errors:\n${td.output}`);
  }
  // Others: not an admin 403, another firm 404.
  assert.equal((await download(A.am.c, `/api/v1/clients/${A.client.id}/archive`)).status, 403);
  assert.equal((await download(B.admin.c, `/api/v1/clients/${A.client.id}/archive`)).status, 404);
  assert.ok(!(await A.am.c.get(`/clients/${A.client.id}`)).text.includes('id="client-archive"'));
});

test('import into another firm reproduces every count; users unknown there are left unassigned', async () => {
  const before = counts(A.client.id);
  const r = await upload(B.admin.c, archive);
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  assert.notEqual(id, A.client.id);
  assert.equal(r.json.name, 'Archived Mission');
  assert.equal(sqlValue(env, `SELECT firm_id FROM clients WHERE id = ${id}`), String(B.firm));
  const after = counts(id);
  // The import adds its own audit entry; B's admin is the team.
  assert.equal(after.audit_log, before.audit_log + 1);
  assert.equal(after.client_vcisos, 1);
  for (const k of Object.keys(before)) {
    if (k !== 'audit_log' && k !== 'client_vcisos') assert.equal(after[k], before[k], k);
  }
  assert.equal(sqlValue(env, `SELECT COUNT(*) FROM risks WHERE client_id = ${id} AND owner_id IS NOT NULL`), '0');
  assert.equal(sqlValue(env, `SELECT COUNT(*) FROM resources WHERE client_id = ${id} AND template_id IS NOT NULL`), '0',
    'another firm\'s template is not linked');
  // Every row belongs to firm B.
  for (const t of ['establishments', 'risks', 'actions', 'resources', 'assessments', 'audit_log']) {
    assert.equal(sqlValue(env, `SELECT COUNT(*) FROM ${t} WHERE client_id = ${id} AND firm_id <> ${B.firm}`), '0', t);
  }
  const list = await B.admin.c.get(`/api/v1/clients/${id}/risks`);
  assert.equal(list.status, 200);
  assert.deepEqual(list.json.items.map((x) => x.title).sort(), ['Phishing', 'Ransomware']);
});

test('import into the same firm makes a separate client; owners and template lineage kept', async () => {
  const before = counts(A.client.id);
  const r = await upload(A.admin.c, archive);
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  assert.notEqual(id, A.client.id);
  const after = counts(id);
  for (const k of Object.keys(before)) {
    if (k !== 'audit_log') assert.equal(after[k], before[k], k);
  }
  assert.equal(counts(A.client.id).risks, before.risks, 'the original is untouched');
  assert.equal(sqlValue(env, `SELECT owner_id FROM risks WHERE client_id = ${id} AND title = 'Ransomware'`), String(A.am.id));
  assert.equal(sqlValue(env, `SELECT COUNT(*) FROM resources WHERE client_id = ${id} AND template_id IS NOT NULL`), '1');
  // The page's form: multipart, then the new client's page.
  const fd = new FormData();
  fd.append('csrf_token', A.admin.c.csrf);
  fd.append('file', new Blob([archive], { type: 'application/zip' }), 'client.zip');
  const res = await fetch(`${env.BASE_URL}/clients/import`, { method: 'POST', body: fd, redirect: 'manual',
    headers: { cookie: A.admin.c.cookieHeader() } });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), /^\/clients\/\d+\?done=client_imported|^\/clients\/\d+/);
});

test('import: admins only, CSRF, and a body that is not a zip', async () => {
  const n = everything();
  expectError(assert, 'account manager', await upload(A.am.c, archive), 403);
  expectError(assert, 'no CSRF', await upload(A.admin.c, archive, { csrf: false }), 403);
  expectError(assert, 'JSON body', await A.admin.c.post('/api/v1/clients/import', {}), 415);
  expectError(assert, 'not a zip', await upload(A.admin.c, Buffer.from('hello')), 400, 'invalid_archive', 'archive');
  assert.deepEqual(everything(), n, 'nothing written');
});

test('hostile archives: 400 naming the path at fault, and nothing written', async () => {
  const risks = JSON.parse(unzip(archive)['risks.json']);
  const bad = JSON.parse(JSON.stringify(risks));
  bad[1].likelihood = 9;
  const fws = JSON.parse(unzip(archive)['frameworks.json']);
  fws[0].code = 'no-such-framework';
  const cases = [
    ['zip bomb (ratio)', rezip([['bomb', 'audit.json', 20]]), 'audit.json', /ratio/],
    ['zip bomb (size)', rezip([['bomb', 'audit.json', 40]]), 'audit.json', /too large/],
    ['too many values', rezip([['values', 'audit.json', 2100000]]), 'audit.json', /too many values/],
    ['parent path', rezip([['raw', '../x', 'x']]), /^archive\.entries\[\d+\]$/, /absolute or parent/],
    ['absolute path', rezip([['raw', '/etc/x', 'x']]), /^archive\.entries\[\d+\]$/, /absolute or parent/],
    ['unknown file', rezip([['raw', 'evil.sh', 'x']]), /^archive\.entries\[\d+\]$/, /Not a file/],
    // (libzip itself refuses a directory with a name twice.)
    ['duplicate name', rezip([['raw', 'risks.json', '[]']]), /^(archive|risks\.json)$/, /twice|not a readable zip/],
    ['missing manifest', rezip([['drop', 'manifest.json']]), 'manifest.json', /missing/],
    ['wrong version', rezip([['manifest', ['version'], 2]]), 'manifest.json.version', /version 1/],
    ['wrong format', rezip([['manifest', ['format'], 'other']]), 'manifest.json.format', /Not a Rempart/],
    ['bad JSON', rezip([['set', 'risks.json', '[{"id": 1,']]), 'risks.json', /not valid JSON/],
    ['a bad value', rezip([['set', 'risks.json', JSON.stringify(bad)]]), 'risks.json[1].likelihood', /Between 1 and 5/],
    ['count mismatch', rezip([['set', 'risks.json', JSON.stringify(risks.slice(1))]]), 'manifest.json.counts.risks', /count/],
    ['unknown framework', rezip([['set', 'frameworks.json', JSON.stringify(fws)]]), 'frameworks.json[0].code',
      /no framework no-such-framework/],
  ];
  // A file edited without its checksum.
  const tampered = rezip([['set', 'risks.json', JSON.stringify(bad)], ['manifest', ['files', 'risks.json', 'sha256'], '0'.repeat(64)]]);
  cases.push(['tampered', tampered, 'risks.json', /checksum/]);
  const n = everything();
  for (const [what, zip, field, msg] of cases) {
    const r = await upload(A.admin.c, zip);
    assert.equal(r.status, 400, `${what}: ${r.text}`);
    assert.equal(r.json.error.code, 'invalid_archive', what);
    if (field instanceof RegExp) assert.match(r.json.error.field, field, what);
    else assert.equal(r.json.error.field, field, what);
    assert.match(r.json.error.message, msg, what);
    assert.ok(!r.text.includes('../x') && !r.text.includes('/etc/x') && !r.text.includes('evil'), `${what}: not echoed`);
  }
  // The page's form answers the error page naming the path.
  const fd = new FormData();
  fd.append('csrf_token', A.admin.c.csrf);
  fd.append('file', new Blob([tampered], { type: 'application/zip' }), 'client.zip');
  const res = await fetch(`${env.BASE_URL}/clients/import`, { method: 'POST', body: fd, redirect: 'manual',
    headers: { cookie: A.admin.c.cookieHeader() } });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /<code>risks\.json<\/code>/);
  assert.deepEqual(everything(), n, 'nothing written by any refused archive');
});
