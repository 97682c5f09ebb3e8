// The firm's library and publication (SPEC §1 "Library", §3 `publication`,
// §4 `/templates` and `POST /resources/{id}/template`): templates with their
// versions (each edit a new one, every one readable), requirement tags and
// filters; saving a resource as a template; deployment to many clients,
// all-or-nothing on the caller's rights, copies that record their template
// and version and never change when the template does; the line diff and the
// opt-in update of a copy; the new-mission wizard's template_ids; publishing a
// resource to establishments and what establishment managers then read; and
// every route refusing another firm (404, nothing changed), establishment
// managers and support (403), and a missing CSRF token.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId, sql, sqlValue,
} from '../lib/identity.mjs';
import { assign, audit, clientBody, makeClient, makeEstab, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const TEMPLATE_FIELDS = ['id', 'type', 'title', 'body', 'version', 'requirement_ids', 'created_at', 'updated_at'];
const A = {};
const B = {};
let support;
let anssiReqs;
let csfReqs;
let csfId;

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.admin.id = A.admin.c.user.id;
  A.c1 = await makeClient(A.admin.c);
  A.c2 = await makeClient(A.admin.c);
  A.c3 = await makeClient(A.admin.c);
  // A vCISO of c1 and c2 only, and one without `publication`.
  A.vciso = await person(http, A.admin.c, 'account_manager', { client_ids: [A.c1.id, A.c2.id] });
  A.nopub = await person(http, A.admin.c, 'account_manager', { client_ids: [A.c1.id],
    features: ['profile.read', 'self'] });
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  B.client = await makeClient(B.admin.c);
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
  const fws = (await A.admin.c.get('/api/v1/frameworks')).json.items;
  const anssi = fws.find((f) => f.code === 'anssi-hygiene');
  const csf = fws.find((f) => f.code === 'nist-csf');
  csfId = csf.id;
  // c1 adopted the ANSSI guide, c2 NIST CSF, c3 nothing.
  for (const [c, fw] of [[A.c1.id, anssi.id], [A.c2.id, csf.id]]) {
    const r = await A.admin.c.post(`/api/v1/clients/${c}/frameworks`, { framework_id: fw });
    assert.equal(r.status, 201, r.text);
  }
  anssiReqs = (await A.admin.c.get(`/api/v1/frameworks/${anssi.id}`)).json.requirements
    .filter((r) => r.assessable).map((r) => r.id);
  csfReqs = (await A.admin.c.get(`/api/v1/frameworks/${csf.id}`)).json.requirements
    .filter((r) => r.assessable).map((r) => r.id);
  A.e1 = await makeEstab(A.admin.c, A.c1.id);
  A.e1b = await makeEstab(A.admin.c, A.c1.id);
  A.e2 = await makeEstab(A.admin.c, A.c2.id);
  // Establishment managers of e1: with and without `publication`; one of e2.
  A.em = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [A.e1.id] });
  A.emNopub = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [A.e1.id],
    features: ['profile.read'] });
  A.em2 = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [A.e2.id] });
});

const resources = (client) => Number(sqlValue(env, `SELECT COUNT(*) FROM resources WHERE client_id = ${client}`));
const templates = (firm) => Number(sqlValue(env, `SELECT COUNT(*) FROM templates WHERE firm_id = ${firm}`));
async function template(body, who = A.admin.c) {
  const r = await who.post('/api/v1/templates', body);
  assert.equal(r.status, 201, r.text);
  return r.json;
}
async function resource(client, body, who = A.admin.c) {
  const r = await who.post(`/api/v1/clients/${client}/resources`, body);
  assert.equal(r.status, 201, r.text);
  return r.json;
}
const getRes = async (id, who = A.admin.c) => {
  const r = await who.get(`/api/v1/resources/${id}`);
  assert.equal(r.status, 200, r.text);
  return r.json;
};

test('a template: the SPEC shape, tags of any framework, versions on each edit, every version readable', async () => {
  const before = maxAuditId(env);
  const t = await template({ type: 'document', title: ' Password policy ', body: 'Line one\nLine two',
    requirement_ids: [csfReqs[1], anssiReqs[0], csfReqs[1]] });
  for (const f of TEMPLATE_FIELDS) assert.ok(f in t, `template.${f}`);
  assert.equal(t.title, 'Password policy');
  assert.equal(t.version, 1);
  assert.deepEqual(t.requirement_ids, [csfReqs[1], anssiReqs[0]].sort((x, y) => x - y));
  assert.equal(t.requirements.length, 2, 'the tags with their refs');
  assert.match(t.body_html, /<p>Line one/);
  // No change: no new version.
  let p = await A.admin.c.patch(`/api/v1/templates/${t.id}`, { title: 'Password policy' });
  assert.equal(p.status, 200, p.text);
  assert.equal(p.json.version, 1);
  p = await A.admin.c.patch(`/api/v1/templates/${t.id}`, { body: 'Line one\nLine 2' });
  assert.deepEqual([p.json.version, p.json.body], [2, 'Line one\nLine 2']);
  p = await A.vciso.c.patch(`/api/v1/templates/${t.id}`, { requirement_ids: [anssiReqs[0]] });
  assert.equal(p.status, 200, p.text);
  assert.deepEqual([p.json.version, p.json.requirement_ids], [3, [anssiReqs[0]]]);
  const v = await A.admin.c.get(`/api/v1/templates/${t.id}/versions`);
  assert.equal(v.status, 200);
  assert.deepEqual(v.json.items.map((x) => x.version), [3, 2, 1]);
  assert.equal(v.json.total, 3);
  const old = await A.admin.c.get(`/api/v1/templates/${t.id}?version=1`);
  assert.equal(old.status, 200, old.text);
  assert.deepEqual([old.json.version, old.json.current_version, old.json.body], [1, 3, 'Line one\nLine two']);
  assert.equal(old.json.requirement_ids.length, 2, 'the tags of that version');
  expectError(assert, 'no such version', await A.admin.c.get(`/api/v1/templates/${t.id}?version=9`), 404, 'not_found');
  expectError(assert, 'bad version', await A.admin.c.get(`/api/v1/templates/${t.id}?version=x`), 400, 'invalid', 'version');
  const rows = audit(env, `id > ${before} AND object_type = 'template' AND object_id = ${t.id}`);
  assert.deepEqual(rows.map((r) => r.action), ['template.create', 'template.update', 'template.update']);
});

test('template input is validated, naming the field, and writes nothing', async () => {
  const n = templates(A.admin.c.user.firm_id);
  const ok = { type: 'process', title: 'Incident response' };
  for (const [what, body, code, field] of [
    ['type missing', { title: 'x' }, 'required', 'type'],
    ['type unknown', { ...ok, type: 'memo' }, 'invalid', 'type'],
    ['title missing', { type: 'tool' }, 'required', 'title'],
    ['title too long', { ...ok, title: 'x'.repeat(201) }, 'too_long', 'title'],
    ['body too long', { ...ok, body: 'y'.repeat(200001) }, 'too_long', 'body'],
    ['requirement unknown', { ...ok, requirement_ids: [99999999] }, 'invalid', 'requirement_ids'],
    ['requirement ids not a list', { ...ok, requirement_ids: 3 }, 'invalid', 'requirement_ids'],
    ['unknown field', { ...ok, version: 3 }, 'unknown_field', 'version'],
  ]) expectError(assert, what, await A.admin.c.post('/api/v1/templates', body), 400, code, field);
  assert.equal(templates(A.admin.c.user.firm_id), n);
});

test('the library list: filters by type, requirement, framework and text; sort; pages', async () => {
  const tag = csfReqs[5];
  const mine = [
    await template({ type: 'control', title: 'Zeta backup check', requirement_ids: [tag] }),
    await template({ type: 'tool', title: 'Alpha vault', requirement_ids: [tag] }),
    await template({ type: 'control', title: 'Mid control' }),
  ];
  let r = await A.admin.c.get(`/api/v1/templates?requirement_id=${tag}`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.items.map((x) => x.title), ['Alpha vault', 'Zeta backup check']);
  assert.equal(r.json.total, 2);
  assert.ok(!('body' in r.json.items[0]), 'the list leaves bodies out');
  r = await A.admin.c.get(`/api/v1/templates?requirement_id=${tag}&type=control`);
  assert.deepEqual(r.json.items.map((x) => x.id), [mine[0].id]);
  r = await A.admin.c.get(`/api/v1/templates?framework_id=${csfId}&q=vault`);
  assert.deepEqual(r.json.items.map((x) => x.id), [mine[1].id]);
  r = await A.admin.c.get(`/api/v1/templates?requirement_id=${tag}&sort=title&dir=desc&limit=1`);
  assert.deepEqual([r.json.items.length, r.json.items[0].title, r.json.total], [1, 'Zeta backup check', 2]);
  for (const [q, field] of [['type=memo', 'type'], ['requirement_id=x', 'requirement_id'],
    ['sort=size', 'sort'], ['dir=up', 'dir'], ['limit=0', 'limit']]) {
    expectError(assert, q, await A.admin.c.get(`/api/v1/templates?${q}`), 400, undefined, field);
  }
  // Another firm's library is its own.
  r = await B.admin.c.get('/api/v1/templates');
  assert.equal(r.status, 200);
  assert.ok(!r.json.items.some((x) => mine.some((m) => m.id === x.id)));
});

test('who reaches the library: establishment managers and support are refused, another firm gets 404', async () => {
  const t = await template({ type: 'tool', title: 'Password manager' });
  for (const [who, c] of [['establishment manager', A.em.c], ['support', support]]) {
    expectError(assert, `${who} lists`, await c.get('/api/v1/templates'), 403);
    expectError(assert, `${who} creates`, await c.post('/api/v1/templates', { type: 'tool', title: 'x' }), 403);
    expectError(assert, `${who} reads`, await c.get(`/api/v1/templates/${t.id}`), 403);
    expectError(assert, `${who} deploys`, await c.post(`/api/v1/templates/${t.id}/deploy`,
      { client_ids: [A.c1.id] }), 403);
  }
  const n = resources(B.client.id);
  for (const [what, r] of [
    ['get', await B.admin.c.get(`/api/v1/templates/${t.id}`)],
    ['versions', await B.admin.c.get(`/api/v1/templates/${t.id}/versions`)],
    ['patch', await B.admin.c.patch(`/api/v1/templates/${t.id}`, { title: 'Taken' })],
    ['deploy', await B.admin.c.post(`/api/v1/templates/${t.id}/deploy`, { client_ids: [B.client.id] })],
    ['batch deploy', await B.admin.c.post('/api/v1/templates/deploy', { template_ids: [t.id], client_ids: [B.client.id] })],
  ]) expectError(assert, `another firm: ${what}`, r, 404, 'not_found');
  assert.equal(resources(B.client.id), n, 'nothing deployed');
  assert.equal(sqlValue(env, `SELECT title FROM templates WHERE id = ${t.id}`), 'Password manager');
  expectError(assert, 'no CSRF', await A.admin.c.patch(`/api/v1/templates/${t.id}`, { title: 'x' }, { csrf: false }), 403);
  expectError(assert, 'no CSRF deploy', await A.admin.c.post(`/api/v1/templates/${t.id}/deploy`,
    { client_ids: [A.c1.id] }, { csrf: false }), 403);
  assert.equal(sqlValue(env, `SELECT version FROM templates WHERE id = ${t.id}`), '1');
});

test('saving a resource as a template: its vCISOs only, another firm 404', async () => {
  const r = await resource(A.c1.id, { type: 'document', title: 'Security policy of C1', body: '# Policy\n\nText.',
    requirement_ids: [anssiReqs[1]] });
  const s = await A.vciso.c.post(`/api/v1/resources/${r.id}/template`, {});
  assert.equal(s.status, 201, s.text);
  assert.deepEqual([s.json.type, s.json.title, s.json.body, s.json.version, s.json.requirement_ids],
    ['document', 'Security policy of C1', '# Policy\n\nText.', 1, [anssiReqs[1]]]);
  const named = await A.admin.c.post(`/api/v1/resources/${r.id}/template`, { title: 'Security policy' });
  assert.equal(named.status, 201, named.text);
  assert.equal(named.json.title, 'Security policy');
  // Editing the template leaves the resource as it was.
  await A.admin.c.patch(`/api/v1/templates/${s.json.id}`, { body: 'Changed' });
  assert.equal((await getRes(r.id)).body, '# Policy\n\nText.');
  const n = templates(A.admin.c.user.firm_id);
  expectError(assert, 'another firm', await B.admin.c.post(`/api/v1/resources/${r.id}/template`, {}), 404, 'not_found');
  const am = await person(http, A.admin.c, 'account_manager', { client_ids: [A.c3.id] });
  expectError(assert, 'not vCISO, out of scope', await am.c.post(`/api/v1/resources/${r.id}/template`, {}), 404);
  expectError(assert, 'establishment manager', await A.em.c.post(`/api/v1/resources/${r.id}/template`, {}), 403);
  expectError(assert, 'unknown field', await A.admin.c.post(`/api/v1/resources/${r.id}/template`, { body: 'x' }),
    400, 'unknown_field', 'body');
  assert.equal(templates(A.admin.c.user.firm_id), n);
});

test('deployment: copies record template and version, keep the tags of adopted frameworks, never change afterwards', async () => {
  const t = await template({ type: 'document', title: 'Backup policy', body: 'Backups run daily.\nRestores are tested.',
    requirement_ids: [anssiReqs[2], csfReqs[2]] });
  const before = maxAuditId(env);
  const d = await A.vciso.c.post(`/api/v1/templates/${t.id}/deploy`, { client_ids: [A.c1.id, A.c2.id] });
  assert.equal(d.status, 201, d.text);
  assert.deepEqual(d.json.deployed.map((x) => x.client_id), [A.c1.id, A.c2.id]);
  const [r1, r2] = d.json.deployed.map((x) => x.resource_ids[0]);
  const c1 = await getRes(r1);
  assert.deepEqual([c1.client_id, c1.template_id, c1.template_version, c1.status, c1.version, c1.title],
    [A.c1.id, t.id, 1, 'draft', 1, 'Backup policy']);
  assert.deepEqual(c1.requirement_ids, [anssiReqs[2]], 'c1 adopted the ANSSI guide only');
  assert.deepEqual((await getRes(r2)).requirement_ids, [csfReqs[2]], 'c2 adopted NIST CSF only');
  assert.equal(c1.template_update, false);
  assert.equal(audit(env, `id > ${before} AND action = 'resource.deploy'`).length, 2);
  // Independence: the template moves on, the copies stay.
  const p = await A.admin.c.patch(`/api/v1/templates/${t.id}`, { body: 'Backups run hourly.\nRestores are tested.' });
  assert.equal(p.json.version, 2);
  const after = await getRes(r1);
  assert.deepEqual([after.body, after.template_version, after.version], ['Backups run daily.\nRestores are tested.', 1, 1]);
  assert.deepEqual([after.template_update, after.template_latest_version], [true, 2]);
  // The diff from the copy to the new version.
  const diff = await A.vciso.c.get(`/api/v1/resources/${r1}/template-diff`);
  assert.equal(diff.status, 200, diff.text);
  assert.deepEqual([diff.json.from_version, diff.json.to_version, diff.json.added, diff.json.deleted], [1, 2, 1, 1]);
  assert.deepEqual(diff.json.lines.map((l) => [l.op, l.text]), [
    ['del', 'Backups run daily.'], ['add', 'Backups run hourly.'], ['same', 'Restores are tested.']]);
  // A local edit shows in the diff: it is what the update would replace.
  await A.admin.c.patch(`/api/v1/resources/${r1}`, { body: 'Backups run daily.\nRestores are tested.\nLocal note.' });
  const d2 = await A.admin.c.get(`/api/v1/resources/${r1}/template-diff`);
  assert.ok(d2.json.lines.some((l) => l.op === 'del' && l.text === 'Local note.'));
  // The opt-in update: a new version of the copy, a draft, at template version 2.
  const u = await A.vciso.c.post(`/api/v1/resources/${r1}/template-update`, {});
  assert.equal(u.status, 200, u.text);
  assert.deepEqual([u.json.body, u.json.template_version, u.json.version, u.json.status, u.json.template_update],
    ['Backups run hourly.\nRestores are tested.', 2, 2, 'draft', false]);
  assert.equal((await getRes(r2)).template_version, 1, 'the other copy is untouched');
  expectError(assert, 'not from a template', await A.admin.c.get(`/api/v1/resources/${(await resource(A.c1.id,
    { type: 'tool', title: 'Own tool' })).id}/template-diff`), 404, 'not_found');
  expectError(assert, 'another firm diff', await B.admin.c.get(`/api/v1/resources/${r1}/template-diff`), 404);
  expectError(assert, 'another firm update', await B.admin.c.post(`/api/v1/resources/${r1}/template-update`, {}), 404);
  expectError(assert, 'bad version', await A.admin.c.post(`/api/v1/resources/${r1}/template-update`,
    { version: 'x' }), 400, undefined, 'version');
});

test('deployment is all or nothing on rights: one client refused, nothing deployed anywhere', async () => {
  const t = await template({ type: 'control', title: 'Access review' });
  const counts = () => [A.c1.id, A.c2.id, A.c3.id, B.client.id].map(resources);
  const start = counts();
  // The vCISO of c1 and c2 is not vCISO of c3 (out of its scope: 404).
  expectError(assert, 'a client out of scope', await A.vciso.c.post(`/api/v1/templates/${t.id}/deploy`,
    { client_ids: [A.c1.id, A.c2.id, A.c3.id] }), 404, 'not_found', 'client_ids');
  // An admin not declared vCISO of c3: 403.
  const admin2 = await person(http, A.admin.c, 'admin');
  await A.admin.c.put(`/api/v1/clients/${A.c1.id}/vcisos`, { user_ids: [A.admin.id, A.vciso.id, A.nopub.id, admin2.id] });
  expectError(assert, 'a client it is not vCISO of', await admin2.c.post(`/api/v1/templates/${t.id}/deploy`,
    { client_ids: [A.c1.id, A.c3.id] }), 403, 'not_vciso', 'client_ids');
  expectError(assert, 'another firm\'s client', await A.admin.c.post(`/api/v1/templates/${t.id}/deploy`,
    { client_ids: [A.c1.id, B.client.id] }), 404, 'not_found', 'client_ids');
  expectError(assert, 'no clients', await A.admin.c.post(`/api/v1/templates/${t.id}/deploy`, { client_ids: [] }),
    400, 'required', 'client_ids');
  expectError(assert, 'unknown field', await A.admin.c.post(`/api/v1/templates/${t.id}/deploy`,
    { client_ids: [A.c1.id], status: 'approved' }), 400, 'unknown_field', 'status');
  assert.deepEqual(counts(), start, 'nothing deployed anywhere');
  // A dry run checks and writes nothing.
  const dry = await A.admin.c.post(`/api/v1/templates/${t.id}/deploy`, { client_ids: [A.c1.id, A.c2.id], dry_run: true });
  assert.equal(dry.status, 200, dry.text);
  assert.deepEqual(counts(), start);
  // Many templates to many clients at once.
  const t2 = await template({ type: 'process', title: 'Incident process' });
  const many = await A.admin.c.post('/api/v1/templates/deploy', { template_ids: [t.id, t2.id], client_ids: [A.c1.id, A.c2.id] });
  assert.equal(many.status, 201, many.text);
  assert.deepEqual(counts(), [start[0] + 2, start[1] + 2, start[2], start[3]]);
  expectError(assert, 'another firm\'s template in the batch', await A.admin.c.post('/api/v1/templates/deploy',
    { template_ids: [t.id, 99999999], client_ids: [A.c1.id] }), 404, 'not_found', 'template_ids');
  assert.deepEqual(counts(), [start[0] + 2, start[1] + 2, start[2], start[3]]);
});

test('the new-mission wizard deploys template_ids in its transaction', async () => {
  const t1 = await template({ type: 'document', title: 'Starter policy', body: 'Policy.' });
  const t2 = await template({ type: 'control', title: 'Starter control' });
  const r = await A.admin.c.post('/api/v1/clients', clientBody({ template_ids: [t1.id, t2.id] }));
  assert.equal(r.status, 201, r.text);
  const list = (await A.admin.c.get(`/api/v1/clients/${r.json.id}/resources`)).json.items;
  assert.deepEqual(list.map((x) => [x.title, x.template_id, x.template_version, x.status]).sort(),
    [['Starter control', t2.id, 1, 'draft'], ['Starter policy', t1.id, 1, 'draft']]);
  const n = Number(sqlValue(env, `SELECT COUNT(*) FROM clients WHERE firm_id = ${A.admin.c.user.firm_id}`));
  const bt = await template({ type: 'tool', title: 'B tool' }, B.admin.c);
  expectError(assert, 'another firm\'s template', await A.admin.c.post('/api/v1/clients', clientBody({ template_ids: [t1.id, bt.id] })),
    404, 'not_found', 'template_ids');
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM clients WHERE firm_id = ${A.admin.c.user.firm_id}`)), n,
    'no client created');
});

test('publication: to establishments of the client, what establishment managers read, and withdrawal', async () => {
  const r = await resource(A.c1.id, { type: 'document', title: 'Acceptable use charter', body: '# Charter\n\nBe kind.' });
  const pub = (body, who = A.admin.c) => who.post(`/api/v1/resources/${r.id}/publications`, body);
  expectError(assert, 'a draft', await pub({ establishment_ids: [A.e1.id] }), 409, 'approve_first', 'status');
  await A.admin.c.patch(`/api/v1/resources/${r.id}`, { status: 'approved' });
  expectError(assert, 'without the feature', await pub({ establishment_ids: [A.e1.id] }, A.nopub.c), 403);
  expectError(assert, 'another client\'s establishment', await pub({ establishment_ids: [A.e1.id, A.e2.id] }),
    404, 'not_found', 'establishment_ids');
  expectError(assert, 'none', await pub({ establishment_ids: [] }), 400, 'required', 'establishment_ids');
  assert.equal(sqlValue(env, `SELECT COUNT(*) FROM resource_publications WHERE resource_id = ${r.id}`), '0');
  const before = maxAuditId(env);
  const p = await pub({ establishment_ids: [A.e1.id, A.e1b.id] });
  assert.equal(p.status, 200, p.text);
  assert.deepEqual(p.json.items.map((x) => x.establishment_id).sort(), [A.e1.id, A.e1b.id].sort());
  assert.equal((await getRes(r.id)).status, 'published', 'approved → published');
  assert.equal(audit(env, `id > ${before} AND action = 'resource.publish'`).length, 1);
  // The establishment manager of e1 with `publication` reads it, and nothing else of the Pilot.
  const list = await A.em.c.get(`/api/v1/establishments/${A.e1.id}/publications`);
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.json.items.map((x) => x.id), [r.id]);
  const one = await A.em.c.get(`/api/v1/establishments/${A.e1.id}/publications/${r.id}`);
  assert.equal(one.status, 200, one.text);
  assert.deepEqual([one.json.title, one.json.body], ['Acceptable use charter', '# Charter\n\nBe kind.']);
  assert.match(one.json.body_html, /<h1>Charter<\/h1>/);
  expectError(assert, 'the resource itself', await A.em.c.get(`/api/v1/resources/${r.id}`), 403);
  expectError(assert, 'the Pilot', await A.em.c.get(`/api/v1/clients/${A.c1.id}/pilot`), 403);
  expectError(assert, 'the resources list', await A.em.c.get(`/api/v1/clients/${A.c1.id}/resources`), 403);
  expectError(assert, 'without publication', await A.emNopub.c.get(`/api/v1/establishments/${A.e1.id}/publications`), 403);
  expectError(assert, 'another establishment', await A.em2.c.get(`/api/v1/establishments/${A.e1.id}/publications`), 404);
  expectError(assert, 'not published there', await A.em2.c.get(`/api/v1/establishments/${A.e2.id}/publications/${r.id}`), 404);
  expectError(assert, 'another firm', await B.admin.c.get(`/api/v1/establishments/${A.e1.id}/publications`), 404);
  expectError(assert, 'another firm publishes', await B.admin.c.post(`/api/v1/resources/${r.id}/publications`,
    { establishment_ids: [A.e1.id] }), 404);
  // Withdraw from one establishment.
  expectError(assert, 'withdraw without the feature', await A.nopub.c.del(`/api/v1/resources/${r.id}/publications/${A.e1b.id}`), 403);
  const w = await A.admin.c.del(`/api/v1/resources/${r.id}/publications/${A.e1b.id}`);
  assert.equal(w.status, 204, w.text);
  expectError(assert, 'withdraw twice', await A.admin.c.del(`/api/v1/resources/${r.id}/publications/${A.e1b.id}`), 404);
  // A new version (back to draft) withdraws it everywhere.
  await A.admin.c.patch(`/api/v1/resources/${r.id}`, { body: 'New text' });
  assert.equal((await A.em.c.get(`/api/v1/establishments/${A.e1.id}/publications`)).json.total, 0);
  assert.equal(sqlValue(env, `SELECT COUNT(*) FROM resource_publications WHERE resource_id = ${r.id}`), '0');
  expectError(assert, 'gone', await A.em.c.get(`/api/v1/establishments/${A.e1.id}/publications/${r.id}`), 404);
});

test('an unassigned establishment manager learns nothing', async () => {
  const r = await resource(A.c1.id, { type: 'document', title: 'Published to e1', status: 'approved' });
  await A.admin.c.post(`/api/v1/resources/${r.id}/publications`, { establishment_ids: [A.e1.id] });
  await assign(A.admin.c, A.em2.id, [A.e2.id]);
  expectError(assert, 'e1 for the manager of e2', await A.em2.c.get(`/api/v1/establishments/${A.e1.id}/publications/${r.id}`), 404);
  const rows = sql(env, `SELECT COUNT(*) FROM resource_publications WHERE establishment_id = ${A.e1.id}`);
  assert.ok(Number(rows[0][0]) >= 1);
});

// ------------------------------------------------------------ HTML pages ---

const form = (who, fields) => ({ raw: new URLSearchParams([['csrf_token', who.csrf], ...fields]).toString(),
  contentType: 'application/x-www-form-urlencoded' });
const post = (p, fields, who = A.admin.c) => who.request('POST', p, undefined, form(who, fields));

test('pages: save as template, the newer-version notice, the diff and the update of a copy', async () => {
  const r = await resource(A.c1.id, { type: 'document', title: 'Page policy', body: 'First line\nSecond line' });
  const page = await A.admin.c.get(`/resources/${r.id}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /id="save-as-template"/);
  assert.doesNotMatch(page.text, /id="template-update"/, 'written for the client: no template notice');
  const n = templates(A.admin.c.user.firm_id);
  let s = await post(`/resources/${r.id}/template`, [], A.vciso.c);
  assert.equal(s.status, 303, s.text);
  const tid = Number(s.headers.location.match(/^\/templates\/(\d+)\?done=template_saved/)[1]);
  assert.equal(templates(A.admin.c.user.firm_id), n + 1);
  s = await A.admin.c.request('POST', `/resources/${r.id}/template`, undefined, { raw: '', csrf: false,
    contentType: 'application/x-www-form-urlencoded' });
  assert.equal(s.status, 403, 'no CSRF');
  assert.equal(templates(A.admin.c.user.firm_id), n + 1, 'nothing saved');
  // Deployed to c2, then the template changes: the copy's page says so.
  const d = await A.admin.c.post(`/api/v1/templates/${tid}/deploy`, { client_ids: [A.c2.id] });
  const copy = d.json.deployed[0].resource_ids[0];
  await A.admin.c.patch(`/api/v1/templates/${tid}`, { body: 'First line\nSecond line, <b>revised</b>' });
  const listed = await A.vciso.c.get(`/clients/${A.c2.id}/resources`);
  assert.match(listed.text, new RegExp(`class="badge badge-warn" href="/resources/${copy}/template-diff"`),
    'the list flags the copy');
  const view = await A.vciso.c.get(`/resources/${copy}`);
  assert.match(view.text, /id="template-update"/);
  assert.match(view.text, new RegExp(`href="/resources/${copy}/template-diff"`));
  const diff = await A.vciso.c.get(`/resources/${copy}/template-diff`);
  assert.equal(diff.status, 200, diff.text);
  assert.match(diff.text, /<tr class="diff-del">[^]*?Second line<\/code>/);
  assert.match(diff.text, /<tr class="diff-add">[^]*?Second line, &lt;b&gt;revised&lt;\/b&gt;<\/code>/, 'escaped');
  assert.equal((await B.admin.c.get(`/resources/${copy}/template-diff`)).status, 404, 'another firm');
  const up = await post(`/resources/${copy}/template-update`, [['version', '2']], A.vciso.c);
  assert.equal(up.status, 303, up.text);
  const after = await getRes(copy);
  assert.deepEqual([after.template_version, after.version, after.body], [2, 2, 'First line\nSecond line, <b>revised</b>']);
  assert.doesNotMatch((await A.vciso.c.get(`/resources/${copy}`)).text, /id="template-update"/);
  assert.equal((await post(`/resources/${copy}/template-update`, [], B.admin.c)).status, 404, 'another firm');
});

test('pages: publishing from the resource page, the establishment page and the published document', async () => {
  const r = await resource(A.c1.id, { type: 'document', title: 'Charter for sites', body: '# Rules\n\nBe <i>careful</i>.',
    status: 'approved' });
  let page = await A.admin.c.get(`/resources/${r.id}`);
  assert.match(page.text, /id="publish-form"/);
  assert.match(page.text, new RegExp(`name="establishment_ids" value="${A.e1.id}"`));
  assert.doesNotMatch((await A.nopub.c.get(`/resources/${r.id}`)).text, /id="publish-form"/, 'no right, no form');
  let p = await post(`/resources/${r.id}/publications`, [['establishment_ids', String(A.e2.id)]]);
  assert.equal(p.status, 404, 'another client\'s establishment');
  assert.match(p.text, /error-summary/);
  p = await post(`/resources/${r.id}/publications`, [['establishment_ids', String(A.e1.id)]], A.nopub.c);
  assert.equal(p.status, 403);
  p = await post(`/resources/${r.id}/publications`, [['establishment_ids', String(A.e1.id)]]);
  assert.equal(p.status, 303, p.text);
  page = await A.admin.c.get(`/resources/${r.id}`);
  assert.match(page.text, /id="published-to"/);
  // The establishment manager: the list on the establishment's page, the document read-only.
  const est = await A.em.c.get(`/establishments/${A.e1.id}`);
  assert.equal(est.status, 200);
  assert.match(est.text, new RegExp(`href="/establishments/${A.e1.id}/publications/${r.id}">Charter for sites</a>`));
  const doc = await A.em.c.get(`/establishments/${A.e1.id}/publications/${r.id}`);
  assert.equal(doc.status, 200, doc.text);
  assert.match(doc.text, /<h1>Rules<\/h1>/);
  assert.doesNotMatch(doc.text, /<i>careful<\/i>/, 'raw HTML is not kept');
  assert.doesNotMatch((await A.emNopub.c.get(`/establishments/${A.e1.id}`)).text, /id="publications"/,
    'without the right: no section');
  assert.equal((await A.emNopub.c.get(`/establishments/${A.e1.id}/publications/${r.id}`)).status, 403);
  assert.equal((await A.em2.c.get(`/establishments/${A.e1.id}/publications/${r.id}`)).status, 404);
  assert.equal((await B.admin.c.get(`/establishments/${A.e1.id}/publications/${r.id}`)).status, 404);
  // Withdrawn from the page: gone for the establishment.
  const w = await post(`/resources/${r.id}/publications/${A.e1.id}/delete`, []);
  assert.equal(w.status, 303, w.text);
  assert.equal((await A.em.c.get(`/establishments/${A.e1.id}/publications/${r.id}`)).status, 404);
  assert.doesNotMatch((await A.em.c.get(`/establishments/${A.e1.id}`)).text, /Charter for sites/);
});
