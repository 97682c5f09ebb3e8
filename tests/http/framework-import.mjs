// Framework import (docs/framework-import.md): a firm's admin adds a
// framework to its firm's catalogue from a JSON document (POST
// /api/v1/frameworks) or a CSV file (the /frameworks/import page), all or
// nothing; the firm sees it and adopts it, no other firm does (404); every
// invalid document answers 400 naming the field (and the requirement) with
// nothing stored; a code and version already there answers 409; only
// admins import (managers and support 403, anonymous 401); an unused
// imported framework can be deleted, an adopted one cannot (409).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SRCDIR, ensureStack } from '../lib/stack.mjs';
import { lockStack, tidy } from '../lib/testkit.mjs';
import {
  Client, auditRows, createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId, sqlValue,
} from '../lib/identity.mjs';
import { makeClient, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const SAMPLE_JSON = fs.readFileSync(path.join(SRCDIR, 'docs/framework-sample.json'), 'utf8');
const SAMPLE_CSV = fs.readFileSync(path.join(SRCDIR, 'docs/framework-sample.csv'), 'utf8');
const sample = () => JSON.parse(SAMPLE_JSON);
// The framework's own fields of the sample, as the CSV form sends them.
const FIELDS = Object.fromEntries(Object.entries(sample()).filter(([k]) => k !== 'requirements'));

const A = {};
const B = {};
let support;

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.client = await makeClient(A.admin.c);
  A.mam = await person(http, A.admin.c, 'multi_account_manager');
  A.am = await person(http, A.admin.c, 'account_manager');
  A.em = await person(http, A.admin.c, 'establishment_manager');
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  B.client = await makeClient(B.admin.c);
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
});

// Everything an import may write, to prove a refusal wrote nothing.
const stored = () => ({
  frameworks: Number(sqlValue(env, 'SELECT COUNT(*) FROM frameworks')),
  requirements: Number(sqlValue(env, 'SELECT COUNT(*) FROM requirements')),
  imports: Number(sqlValue(env, "SELECT COUNT(*) FROM audit_log WHERE action = 'framework.import'")),
});

const importJson = (who, doc, opts) => who.post('/api/v1/frameworks', doc, opts);

// POST multipart/form-data (RFC 7578): the file, the form fields, the
// csrf_token field unless csrf: false.
async function upload(c, { content, filename = 'framework.csv', fields = {}, csrf = true, p = '/frameworks/import' }) {
  const boundary = `----rempart${crypto.randomBytes(8).toString('hex')}`;
  const parts = [];
  const field = (name, value) => parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  if (csrf) field('csrf_token', c.csrf);
  for (const [k, v] of Object.entries(fields)) field(k, v);
  if (content !== null) {
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n`
      + `Content-Type: application/octet-stream\r\n\r\n${content}\r\n`);
  }
  parts.push(`--${boundary}--\r\n`);
  return c.request('POST', p, undefined, { raw: Buffer.from(parts.join(''), 'utf8'),
    contentType: `multipart/form-data; boundary=${boundary}`, csrf: false });
}

function expectPage(r, status, what) {
  assert.equal(r.status, status, `${what}: status ${r.status} ${r.headers.location || ''} ${r.text.slice(0, 200)}`);
  assert.match(r.headers['content-type'] || '', /^text\/html/, `${what}: HTML`);
  assert.match(r.text, /data-layout="rempart"/, `${what}: the layout`);
  const td = tidy(r.text);
  assert.ok(td.status !== null && td.status < 2, `${what}: tidy errors:\n${td.output}`);
}

// The sample's tree as [ref, parent ref, assessable] from a GET answer.
function tree(fw) {
  const byId = new Map(fw.requirements.map((x) => [x.id, x.ref]));
  return fw.requirements.map((x) => [x.ref, x.parent_id ? byId.get(x.parent_id) : null, x.assessable]);
}
const SAMPLE_TREE = sample().requirements.map((x) => [x.ref, x.parent_ref, x.assessable]);

test('JSON import: 201 with the framework as GET shows it, audited, in the firm\'s catalogue only, adoptable', async () => {
  const before = stored();
  const audit = maxAuditId(env);
  const r = await importJson(A.admin.c, sample());
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  A.fw = id;
  const got = await A.admin.c.get(`/api/v1/frameworks/${id}`);
  assert.equal(got.status, 200);
  assert.deepEqual(r.json, got.json, 'the answer is the framework as GET returns it');
  assert.equal(r.json.code, 'sample-basics');
  assert.equal(r.json.version, '1.0');
  assert.equal(r.json.name, sample().name_fr, 'French by default');
  assert.equal(r.json.imported, true);
  assert.equal(r.json.requirements_count, 4);
  assert.deepEqual(tree(r.json), SAMPLE_TREE, 'the tree in document order');
  assert.deepEqual(r.json.requirements.map((x) => x.depth), [0, 1, 1, 0, 1, 1]);
  const en = await A.admin.c.get(`/api/v1/frameworks/${id}?lang=en`);
  assert.equal(en.json.name, sample().name_en);
  assert.equal(en.json.requirements[1].title, 'Two-factor remote access');
  const after = stored();
  assert.equal(after.frameworks, before.frameworks + 1);
  assert.equal(after.requirements, before.requirements + 6);
  assert.equal(sqlValue(env, `SELECT firm_id FROM frameworks WHERE id = ${id}`), String(A.admin.firmId));
  const rows = auditRows(env, `id > ${audit} AND action = 'framework.import'`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].object_id, id);
  assert.equal(rows[0].firm_id, A.admin.firmId);
  assert.deepEqual(rows[0].details, { code: 'sample-basics', version: '1.0', count: 6, assessable: 4 });

  // The firm's users list it (imported), beside the platform's catalogue.
  for (const who of [A.admin.c, A.mam.c, A.am.c, A.em.c]) {
    const list = await who.get('/api/v1/frameworks');
    assert.equal(list.status, 200);
    assert.equal(list.json.items.find((f) => f.id === id)?.imported, true, `${who.user.role} sees it`);
    assert.ok(list.json.items.some((f) => f.code === 'nist-csf' && f.imported === false));
  }
  // Another firm never sees it.
  const other = await B.admin.c.get('/api/v1/frameworks');
  assert.ok(!other.json.items.some((f) => f.id === id), 'not in another firm\'s list');
  expectError(assert, 'another firm reads it', await B.admin.c.get(`/api/v1/frameworks/${id}`), 404);
  expectError(assert, 'another firm adopts it', await B.admin.c.post(`/api/v1/clients/${B.client.id}/frameworks`,
    { framework_id: id }), 404, 'not_found', 'framework_id');
  expectError(assert, 'another firm deletes it', await B.admin.c.del(`/api/v1/frameworks/${id}`), 404);
  expectPage(await B.admin.c.get(`/frameworks/${id}`), 404, 'another firm\'s page');

  // The firm's vCISO adopts it and assesses its four items.
  const ad = await A.admin.c.post(`/api/v1/clients/${A.client.id}/frameworks`, { framework_id: id });
  assert.equal(ad.status, 201, ad.text);
  assert.equal(ad.json.total, 4);
  const items = await A.admin.c.get(`/api/v1/clients/${A.client.id}/compliance?framework_id=${id}`);
  assert.equal(items.status, 200);
  assert.deepEqual(items.json.items.map((x) => [x.ref, x.group_ref]),
    [['ACC-1', 'ACC'], ['ACC-2', 'ACC'], ['BAK-1', 'BAK'], ['BAK-2', 'BAK']]);
  const one = await A.admin.c.patch(`/api/v1/clients/${A.client.id}/compliance/${items.json.items[0].requirement_id}`,
    { status: 'compliant' });
  assert.equal(one.status, 200, one.text);
  const pilot = await A.admin.c.get(`/api/v1/clients/${A.client.id}/pilot`);
  assert.equal(pilot.json.frameworks.find((f) => f.framework_id === id).compliance_pct, 25);
});

// Each case: what, a change to the sample document, the field and code of
// the 400.
const reqs = (doc) => doc.requirements;
const CASES = [
  ['code missing', (d) => { delete d.code; }, 'code', 'required'],
  ['code empty', (d) => { d.code = ''; }, 'code', 'required'],
  ['code a number', (d) => { d.code = 12; }, 'code', 'invalid'],
  ['code in capitals', (d) => { d.code = 'Sample'; }, 'code', 'invalid_slug'],
  ['code with a slash', (d) => { d.code = 'a/b'; }, 'code', 'invalid_slug'],
  ['code of 41 characters', (d) => { d.code = 'a'.repeat(41); }, 'code', 'too_long'],
  ['version missing', (d) => { delete d.version; }, 'version', 'required'],
  ['version of 41 characters', (d) => { d.version = '1'.repeat(41); }, 'version', 'too_long'],
  ['name_fr missing', (d) => { delete d.name_fr; }, 'name_fr', 'required'],
  ['name_en of 201 characters', (d) => { d.name_en = 'n'.repeat(201); }, 'name_en', 'too_long'],
  ['name on two lines', (d) => { d.name_en = 'a\nb'; }, 'name_en', 'invalid'],
  ['publisher missing', (d) => { delete d.publisher; }, 'publisher', 'required'],
  ['licence missing', (d) => { d.licence = '  '; }, 'licence', 'required'],
  ['source_url javascript:', (d) => { d.source_url = 'javascript:alert(document.cookie)'; }, 'source_url', 'invalid_url'],
  ['source_url JavaScript: with spaces', (d) => { d.source_url = ' JavaScript:alert(1)'; }, 'source_url', 'invalid_url'],
  ['source_url data:', (d) => { d.source_url = 'data:text/html,<script>alert(1)</script>'; }, 'source_url', 'invalid_url'],
  ['source_url ftp:', (d) => { d.source_url = 'ftp://example.org/x'; }, 'source_url', 'invalid_url'],
  ['source_url of 501 characters', (d) => { d.source_url = `https://example.org/${'x'.repeat(481)}`; }, 'source_url', 'too_long'],
  ['summary_fr of 4001 characters', (d) => { d.summary_fr = 's'.repeat(4001); }, 'summary_fr', 'too_long'],
  ['unknown field', (d) => { d.colour = 'red'; }, 'colour', 'unknown_field'],
  ['requirements missing', (d) => { delete d.requirements; }, 'requirements', 'required'],
  ['requirements empty', (d) => { d.requirements = []; }, 'requirements', 'required'],
  ['requirements an object', (d) => { d.requirements = {}; }, 'requirements', 'invalid'],
  ['a requirement a string', (d) => { reqs(d)[2] = 'ACC-2'; }, 'requirements[2]', 'invalid'],
  ['ref missing', (d) => { delete reqs(d)[3].ref; }, 'requirements[3].ref', 'required'],
  ['ref of 41 characters', (d) => { reqs(d)[5].ref = 'R'.repeat(41); }, 'requirements[5].ref', 'too_long'],
  ['title_fr of 301 characters', (d) => { reqs(d)[1].title_fr = 't'.repeat(301); }, 'requirements[1].title_fr', 'too_long'],
  ['title_en missing', (d) => { delete reqs(d)[4].title_en; }, 'requirements[4].title_en', 'required'],
  ['summary_en of 2001 characters', (d) => { reqs(d)[4].summary_en = 's'.repeat(2001); }, 'requirements[4].summary_en', 'too_long'],
  ['unknown requirement field', (d) => { reqs(d)[1].weight = 2; }, 'requirements[1].weight', 'unknown_field'],
  ['ref repeated (case aside)', (d) => { reqs(d)[5].ref = 'acc-1'; }, 'requirements[5].ref', 'duplicate_ref'],
  ['parent_ref unknown', (d) => { reqs(d)[2].parent_ref = 'NOPE'; }, 'requirements[2].parent_ref', 'unknown_parent'],
  ['parent_ref itself', (d) => { reqs(d)[0].parent_ref = 'ACC'; }, 'requirements[0].parent_ref', 'unknown_parent'],
  ['parent_ref a later requirement (a cycle)', (d) => { reqs(d)[0].parent_ref = 'BAK'; reqs(d)[3].parent_ref = 'ACC'; },
    'requirements[0].parent_ref', 'unknown_parent'],
  ['parent_ref an assessable requirement', (d) => { reqs(d)[2].parent_ref = 'ACC-1'; }, 'requirements[2].parent_ref',
    'parent_not_group'],
  ['parent_ref a number', (d) => { reqs(d)[2].parent_ref = 1; }, 'requirements[2].parent_ref', 'invalid'],
  ['assessable missing', (d) => { delete reqs(d)[1].assessable; }, 'requirements[1].assessable', 'required'],
  ['assessable a string', (d) => { reqs(d)[1].assessable = 'true'; }, 'requirements[1].assessable', 'invalid'],
  ['no assessable requirement', (d) => { d.requirements = [reqs(d)[0], reqs(d)[3]]; }, 'requirements', 'no_assessable'],
  ['six levels', (d) => {
    d.requirements = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5'].map((ref, i) => ({ ref, parent_ref: i ? `L${i - 1}` : null,
      assessable: i === 5, title_fr: ref, title_en: ref }));
  }, 'requirements[5].parent_ref', 'too_deep'],
  ['2,001 requirements', (d) => {
    d.requirements = [{ ref: 'G', parent_ref: null, assessable: false, title_fr: 'g', title_en: 'g' },
      ...Array.from({ length: 2000 }, (_, i) => ({ ref: `R${i}`, parent_ref: 'G', assessable: true, title_fr: 't', title_en: 't' }))];
  }, 'requirements', 'too_many'],
];

test('every invalid document: 400 naming the field (and the requirement), nothing stored', async () => {
  const before = stored();
  for (const [what, change, field, code] of CASES) {
    const doc = sample();
    doc.code = `bad-${crypto.randomBytes(4).toString('hex')}`;
    change(doc);
    expectError(assert, what, await importJson(A.admin.c, doc), 400, code, field);
  }
  // The database compares refs ignoring accents too: the second of "É1"
  // and "E1" fails there, and the whole import rolls back.
  const doc = sample();
  doc.code = 'accents';
  reqs(doc)[1].ref = 'É1';
  reqs(doc)[2].ref = 'E1';
  expectError(assert, 'refs alike but for an accent', await importJson(A.admin.c, doc), 400, 'duplicate_ref',
    'requirements[2].ref');
  // Not a JSON object at all.
  expectError(assert, 'malformed JSON', await A.admin.c.request('POST', '/api/v1/frameworks', undefined,
    { raw: '{"code": "x",' }), 400, 'invalid_json', 'body');
  expectError(assert, 'a CSV body', await A.admin.c.request('POST', '/api/v1/frameworks', undefined,
    { raw: SAMPLE_CSV, contentType: 'text/csv' }), 415);
  assert.deepEqual(stored(), before, 'nothing stored, nothing audited');
});

test('a large document (over http.max_body, under http.max_upload) is taken whole', async () => {
  const doc = sample();
  doc.code = 'large';
  const long = 'Une phrase assez longue pour grossir le document sans rien changer à sa forme. '.repeat(6);
  doc.requirements = [{ ref: 'G', parent_ref: null, assessable: false, title_fr: 'Groupe', title_en: 'Group' },
    ...Array.from({ length: 1999 }, (_, i) => ({ ref: `G-${i + 1}`, parent_ref: 'G', assessable: true,
      title_fr: `Exigence ${i + 1}`, title_en: `Requirement ${i + 1}`, summary_fr: long, summary_en: long }))];
  assert.ok(JSON.stringify(doc).length > 1024 * 1024, 'over 1 MiB');
  const r = await importJson(A.admin.c, doc);
  assert.equal(r.status, 201, r.text.slice(0, 300));
  assert.equal(r.json.requirements.length, 2000);
  assert.equal(r.json.requirements_count, 1999);
  assert.equal(r.json.requirements[1999].ref, 'G-1999');
});

test('code and version already in the catalogue: 409; another version, or another firm, is fine', async () => {
  const before = stored();
  expectError(assert, 'the same again', await importJson(A.admin.c, sample()), 409, 'framework_exists', 'code');
  const platform = sample();
  platform.code = 'nist-csf';
  platform.version = '2.0';
  expectError(assert, 'a platform framework\'s code and version', await importJson(A.admin.c, platform), 409,
    'framework_exists', 'code');
  assert.deepEqual(stored(), before, 'nothing stored');
  const v2 = sample();
  v2.version = '2.0';
  assert.equal((await importJson(A.admin.c, v2)).status, 201, 'a new version');
  assert.equal((await importJson(B.admin.c, sample())).status, 201, 'the same code in another firm');
});

test('only a firm\'s admins import: managers 403, support 403, anonymous 401, no CSRF 403', async () => {
  const before = stored();
  const doc = sample();
  doc.code = 'refused';
  for (const who of [A.mam, A.am, A.em]) {
    expectError(assert, who.user.role, await importJson(who.c, doc), 403, 'forbidden');
    expectError(assert, `${who.user.role} deletes`, await who.c.del(`/api/v1/frameworks/${A.fw}`), 403);
    expectPage(await who.c.get('/frameworks/import'), 403, `${who.user.role} import page`);
    expectPage(await upload(who.c, { content: SAMPLE_CSV, fields: { ...FIELDS, code: 'refused' } }), 403,
      `${who.user.role} upload`);
  }
  expectError(assert, 'support', await importJson(support, doc), 403, 'forbidden');
  expectError(assert, 'support deletes', await support.del(`/api/v1/frameworks/${A.fw}`), 403);
  expectError(assert, 'anonymous', await importJson(new Client(http), doc), 401);
  expectError(assert, 'anonymous deletes', await new Client(http).del(`/api/v1/frameworks/${A.fw}`), 401);
  expectError(assert, 'no CSRF token', await importJson(A.admin.c, doc, { csrf: false }), 403, 'csrf');
  expectError(assert, 'a wrong CSRF token', await importJson(A.admin.c, doc, { csrf: `${A.admin.c.csrf}0` }), 403, 'csrf');
  expectPage(await upload(A.admin.c, { content: SAMPLE_CSV, fields: { ...FIELDS, code: 'refused' }, csrf: false }), 403,
    'upload without csrf_token');
  const anon = await new Client(http).get('/frameworks/import');
  assert.equal(anon.status, 303, 'anonymous: to the login page');
  assert.deepEqual(stored(), before, 'nothing stored');
});

test('the pages: the import link for admins only, the imported badge, the source link http(s) only', async () => {
  let r = await A.admin.c.get('/frameworks');
  expectPage(r, 200, 'catalogue (admin)');
  assert.match(r.text, /<a class="button" href="\/frameworks\/import" id="import-link">/);
  assert.match(r.text, new RegExp(`href="/frameworks/${A.fw}">[^<]*</a> <span class="badge badge-imported">`));
  r = await A.am.c.get('/frameworks');
  expectPage(r, 200, 'catalogue (account manager)');
  assert.ok(!r.text.includes('/frameworks/import'), 'no link for a manager');
  assert.match(r.text, /badge-imported/, 'a manager sees the badge too');
  r = await A.admin.c.get('/frameworks/import?lang=en');
  expectPage(r, 200, 'import form');
  assert.match(r.text, /<form method="post" action="\/frameworks\/import" enctype="multipart\/form-data" id="fw-import-form"/);
  assert.match(r.text, /name="csrf_token"/);
  for (const f of ['file', ...Object.keys(FIELDS)]) assert.match(r.text, new RegExp(`name="${f}"`), `field ${f}`);

  // Markup in every text comes out escaped; a platform framework keeps its
  // link, and no other scheme than http(s) ever becomes one.
  const doc = sample();
  doc.code = 'escaping';
  doc.name_fr = '<script>alert(1)</script> & "co"';
  reqs(doc)[1].title_fr = '<img src=x onerror=alert(1)>';
  doc.source_url = "https://example.org/?a=1&b=2'3";
  const im = await importJson(A.admin.c, doc);
  assert.equal(im.status, 201, im.text);
  r = await A.admin.c.get(`/frameworks/${im.json.id}`);
  expectPage(r, 200, 'an imported framework with markup');
  assert.ok(!r.text.includes('<script>alert') && !r.text.includes('<img src=x'), 'nothing raw');
  assert.ok(r.text.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;'), 'the name escaped');
  assert.ok(r.text.includes('&lt;img src=x onerror=alert(1)&gt;'), 'a title escaped');
  assert.ok(r.text.includes('href="https://example.org/?a=1&amp;b=2&#39;3"'), 'the link escaped');
  // A URL that slipped in by other means (the database) is shown, not linked.
  sqlValue(env, `UPDATE frameworks SET source_url = 'javascript:alert(1)' WHERE id = ${im.json.id}`);
  r = await A.admin.c.get(`/frameworks/${im.json.id}`);
  expectPage(r, 200, 'a framework with a javascript: source_url');
  assert.ok(!/href="javascript:/i.test(r.text), 'no javascript: link');
  const csf = (await A.admin.c.get('/api/v1/frameworks')).json.items.find((f) => f.code === 'nist-csf');
  r = await A.admin.c.get(`/frameworks/${csf.id}`);
  assert.ok(r.text.includes('href="https://doi.org/10.6028/NIST.CSWP.29"'), 'the platform\'s link stays');
  assert.ok(!r.text.includes('fw-delete-form') && !r.text.includes('badge-imported'), 'no delete, no badge');
});

test('CSV through the page: a multipart upload with CSRF imports, the page confirms it', async () => {
  const before = stored();
  const fields = { ...FIELDS, code: 'sample-csv' };
  const r = await upload(A.admin.c, { content: SAMPLE_CSV, fields });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  const m = r.headers.location.match(/^\/frameworks\/(\d+)\?done=framework_imported$/);
  assert.ok(m, `Location ${r.headers.location}`);
  const id = Number(m[1]);
  const page = await A.admin.c.get(r.headers.location);
  expectPage(page, 200, 'the new framework');
  assert.match(page.text, /class="flash"/);
  assert.match(page.text, /badge-imported/);
  const fw = (await A.admin.c.get(`/api/v1/frameworks/${id}`)).json;
  assert.equal(fw.code, 'sample-csv');
  assert.deepEqual(tree(fw), SAMPLE_TREE, 'the same tree as the JSON sample');
  const json = (await A.admin.c.get(`/api/v1/frameworks/${A.fw}`)).json;
  assert.deepEqual(fw.requirements.map((x) => [x.title, x.summary]), json.requirements.map((x) => [x.title, x.summary]),
    'the same texts as the JSON sample');
  assert.equal(fw.summary, sample().summary_fr);
  assert.deepEqual(stored(), { ...before, frameworks: before.frameworks + 1, requirements: before.requirements + 6,
    imports: before.imports + 1 });
  // A JSON file through the same form: its own fields, the form's ignored.
  const doc = sample();
  doc.code = 'sample-json-file';
  const j = await upload(A.admin.c, { content: JSON.stringify(doc), filename: 'fw.json', fields: { code: 'ignored' } });
  assert.equal(j.status, 303, j.text.slice(0, 500));
  const jid = Number(j.headers.location.match(/^\/frameworks\/(\d+)\?/)[1]);
  assert.equal((await A.admin.c.get(`/api/v1/frameworks/${jid}`)).json.code, 'sample-json-file');
});

test('refused uploads: the form again (400) with the fault next to its field or line, nothing stored', async () => {
  const before = stored();
  const fields = { ...FIELDS, code: 'csv-bad' };
  const lines = SAMPLE_CSV.trimEnd().split('\n');
  const withLine = (i, text) => [...lines.slice(0, i), text, ...lines.slice(i + 1)].join('\n');
  // A row naming an unknown parent (line 4): line and column shown.
  let r = await upload(A.admin.c, { content: withLine(3, 'ACC-2,NOPE,1,t,t,,'), fields });
  expectPage(r, 400, 'unknown parent');
  assert.match(r.text, /id="import-where">Ligne 4, colonne <code>parent_ref<\/code>/);
  assert.match(r.text, /<p class="field-error" id="err-file">/, 'under the file input');
  assert.ok(r.text.includes('Rien n&#39;a été importé'), 'says nothing was imported');
  assert.ok(r.text.includes('value="csv-bad"'), 'the typed fields are kept');
  // An unknown column, a missing one, a bad boolean, unreadable text.
  r = await upload(A.admin.c, { content: `ref,parent_ref,assessable,title_fr,title_en,weight\nA,,1,a,a,3\n`, fields });
  expectPage(r, 400, 'unknown column');
  assert.match(r.text, /Ligne 1, colonne <code>weight<\/code>/);
  r = await upload(A.admin.c, { content: withLine(2, 'ACC-1,ACC,peut-être,t,t,,'), fields, p: '/frameworks/import?lang=en' });
  expectPage(r, 400, 'bad boolean');
  assert.match(r.text, /Line 3, column <code>assessable<\/code>/);
  r = await upload(A.admin.c, { content: 'ref,parent_ref,assessable,title_fr,title_en\n"A,,1,a,a\n', fields });
  expectPage(r, 400, 'unclosed quote');
  assert.match(r.text, /<p class="small" lang="en">A quoted field is not closed.<\/p>/);
  // The framework's own fields: next to their input.
  r = await upload(A.admin.c, { content: SAMPLE_CSV, fields: { ...fields, code: 'Bad Code' } });
  expectPage(r, 400, 'bad code');
  assert.match(r.text, /<p class="field-error" id="err-code">/);
  assert.match(r.text, /id="f-code"[^>]*aria-invalid="true"/);
  r = await upload(A.admin.c, { content: SAMPLE_CSV, fields: { ...fields, source_url: 'javascript:alert(1)' } });
  expectPage(r, 400, 'javascript: source_url');
  assert.match(r.text, /<p class="field-error" id="err-source_url">/);
  r = await upload(A.admin.c, { content: SAMPLE_CSV, fields: { ...FIELDS } });
  expectPage(r, 409, 'code and version taken');
  assert.match(r.text, /<p class="field-error" id="err-code">/);
  // A JSON file: the path in the document.
  const doc = sample();
  doc.code = 'json-bad';
  reqs(doc)[4].parent_ref = 'ACC-1';
  r = await upload(A.admin.c, { content: JSON.stringify(doc), filename: 'fw.json', fields: {} });
  expectPage(r, 400, 'JSON file');
  assert.match(r.text, /<code>requirements\[4\]\.parent_ref<\/code>/);
  r = await upload(A.admin.c, { content: '{"code":', filename: 'fw.json' });
  expectPage(r, 400, 'malformed JSON file');
  assert.match(r.text, /<p class="field-error" id="err-file">/);
  // No file, or an empty one.
  for (const content of [null, '']) {
    r = await upload(A.admin.c, { content, fields });
    expectPage(r, 400, `file ${JSON.stringify(content)}`);
    assert.match(r.text, /<p class="field-error" id="err-file">/);
  }
  assert.deepEqual(stored(), before, 'nothing stored');
});

test('deleting an imported framework: only while no client adopted it; never the platform\'s', async () => {
  const doc = sample();
  doc.code = 'to-delete';
  const id = (await importJson(A.admin.c, doc)).json.id;
  // The page offers the button; an adopted framework says why it stays.
  let r = await A.admin.c.get(`/frameworks/${id}`);
  expectPage(r, 200, 'unused framework');
  assert.match(r.text, new RegExp(`<form method="post" action="/frameworks/${id}/delete"[^>]*id="fw-delete-form">`));
  assert.match(r.text, /data-confirm="/);
  r = await A.am.c.get(`/frameworks/${id}`);
  assert.ok(!r.text.includes('fw-delete-form'), 'no button for a manager');
  r = await A.admin.c.get(`/frameworks/${A.fw}`);
  expectPage(r, 200, 'adopted framework');
  assert.ok(!r.text.includes('fw-delete-form'), 'no button on an adopted one');
  assert.match(r.text, /id="fw-in-use"[^>]*>[^<]*1<\/p>/);

  const csf = (await A.admin.c.get('/api/v1/frameworks')).json.items.find((f) => f.code === 'nist-csf');
  const before = stored();
  expectError(assert, 'adopted', await A.admin.c.del(`/api/v1/frameworks/${A.fw}`), 409, 'in_use');
  expectError(assert, 'the platform\'s', await A.admin.c.del(`/api/v1/frameworks/${csf.id}`), 403, 'forbidden');
  expectError(assert, 'unknown', await A.admin.c.del('/api/v1/frameworks/99999999'), 404);
  expectError(assert, 'another firm\'s', await B.admin.c.del(`/api/v1/frameworks/${id}`), 404);
  expectError(assert, 'no CSRF', await A.admin.c.del(`/api/v1/frameworks/${id}`, { csrf: false }), 403, 'csrf');
  const form = (who, p, extra = {}) => who.request('POST', p, undefined, { raw: new URLSearchParams({
    csrf_token: who.csrf, ...extra }).toString(), contentType: 'application/x-www-form-urlencoded', csrf: false });
  r = await form(A.admin.c, `/frameworks/${A.fw}/delete`);
  expectPage(r, 409, 'deleting an adopted framework through the page');
  assert.match(r.text, /class="error-summary"/);
  expectPage(await form(B.admin.c, `/frameworks/${id}/delete`), 404, 'another firm through the page');
  expectPage(await form(A.am.c, `/frameworks/${id}/delete`), 403, 'a manager through the page');
  assert.deepEqual(stored(), before, 'nothing deleted');

  const audit = maxAuditId(env);
  r = await form(A.admin.c, `/frameworks/${id}/delete`);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(r.headers.location, '/frameworks?done=framework_deleted');
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM frameworks WHERE id = ${id}`)), 0);
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM requirements WHERE framework_id = ${id}`)), 0);
  const rows = auditRows(env, `id > ${audit} AND action = 'framework.delete'`);
  assert.deepEqual(rows.map((x) => [x.object_id, x.details]), [[id, { code: 'to-delete', version: '1.0' }]]);
  expectError(assert, 'gone', await A.admin.c.get(`/api/v1/frameworks/${id}`), 404);
  // Through the API: 204, and the code may be imported again.
  const again = (await importJson(A.admin.c, doc)).json.id;
  const d = await A.admin.c.del(`/api/v1/frameworks/${again}`);
  assert.equal(d.status, 204, d.text);
  assert.equal(d.text, '');
});
