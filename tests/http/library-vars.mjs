// Template variables of the library (issue 14, item 6): {{client_name}},
// {{firm_name}}, {{vciso_name}} (the client's first declared vCISO: the
// smallest user id among its active vCISOs, else the deploying user) and
// {{date}} (ISO 8601, the day of the deployment) in a template's title and
// body; an unknown or malformed variable is a 400 naming it and saves
// nothing; saving a resource as a template replaces the client's name by
// {{client_name}} unless told not to (API boolean, page checkbox);
// deployment fills the variables; the "newer version" diff compares the
// copy with the filled template, so a filled copy is "the same".
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack, tidy } from '../lib/testkit.mjs';
import { createFirm, expectError, httpTransport, loggedIn, sql, sqlValue } from '../lib/identity.mjs';
import { makeClient, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const A = {};
const BODY = '# Policy of {{client_name}}\n\nWritten by {{firm_name}} for {{client_name}}.\nvCISO: {{vciso_name}}\nDate: {{date}}';

const today = () => sqlValue(env, "SELECT DATE_FORMAT(CURRENT_TIMESTAMP, '%Y-%m-%d')");
const count = (firm) => Number(sqlValue(env, `SELECT COUNT(*) FROM templates WHERE firm_id = ${firm}`));
function firstVciso(client) {
  return sqlValue(env, `SELECT COALESCE(NULLIF(TRIM(CONCAT(u.first_name, ' ', u.last_name)), ''), u.email)
    FROM client_vcisos v JOIN users u ON u.id = v.user_id WHERE v.client_id = ${client} AND u.active = 1
    ORDER BY u.id LIMIT 1`);
}

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.firm = A.admin.c.user.firm_id;
  A.firmName = sqlValue(env, `SELECT name FROM firms WHERE id = ${A.firm}`);
  A.c1 = await makeClient(A.admin.c, { name: 'Acme Industries' });
  A.c2 = await makeClient(A.admin.c, { name: 'Société Générale des Eaux' });
  A.vciso = await person(http, A.admin.c, 'account_manager', { client_ids: [A.c1.id, A.c2.id] });
});

test('an unknown or malformed variable is a 400 naming it, and nothing is saved', async () => {
  const n = count(A.firm);
  let r = await A.admin.c.post('/api/v1/templates', { type: 'document', title: 'T', body: 'Hello {{client_name}}\n{{foo}}' });
  expectError(assert, 'unknown in body', r, 400, 'unknown_variable', 'body');
  assert.match(r.json.error.message, /\{\{foo\}\} \(line 2\)/);
  r = await A.admin.c.post('/api/v1/templates', { type: 'document', title: 'For {{Client}}', body: 'x' });
  expectError(assert, 'malformed in title', r, 400, 'unknown_variable', 'title');
  assert.match(r.json.error.message, /"\{\{" not closed/);
  r = await A.admin.c.post('/api/v1/templates', { type: 'document', title: 'T', body: 'open {{ here' });
  expectError(assert, 'unclosed', r, 400, 'unknown_variable', 'body');
  assert.equal(count(A.firm), n, 'nothing saved');
  // An update too: the template keeps its version.
  const t = await A.admin.c.post('/api/v1/templates', { type: 'document', title: 'Ok', body: BODY });
  assert.equal(t.status, 201, t.text);
  r = await A.admin.c.patch(`/api/v1/templates/${t.json.id}`, { body: '{{firm}}' });
  expectError(assert, 'update', r, 400, 'unknown_variable', 'body');
  assert.equal(sqlValue(env, `SELECT version FROM templates WHERE id = ${t.json.id}`), '1');
  // The page answers the same 400 with the field marked.
  const page = await A.admin.c.request('POST', '/templates', undefined, {
    raw: new URLSearchParams({ type: 'document', title: 'T', body: 'x {{bar}}', csrf_token: A.admin.c.csrf }).toString(),
    contentType: 'application/x-www-form-urlencoded' });
  assert.equal(page.status, 400);
  assert.match(page.text, /id="err-body">[^<]*\{\{vciso_name\}\}[^<]*<code>\{\{bar\}\} \(1\)<\/code>/);
  assert.equal(count(A.firm), n + 1);
});

test('deployment fills every variable, per client', async () => {
  const t = (await A.admin.c.post('/api/v1/templates', { type: 'document', title: 'Policy — {{client_name}}', body: BODY })).json;
  const d = await A.vciso.c.post(`/api/v1/templates/${t.id}/deploy`, { client_ids: [A.c1.id, A.c2.id] });
  assert.equal(d.status, 201, d.text);
  const [r1, r2] = d.json.deployed.map((x) => x.resource_ids[0]);
  const g1 = (await A.admin.c.get(`/api/v1/resources/${r1}`)).json;
  const g2 = (await A.admin.c.get(`/api/v1/resources/${r2}`)).json;
  assert.equal(g1.title, 'Policy — Acme Industries');
  assert.equal(g2.title, 'Policy — Société Générale des Eaux');
  const want = (name, client) => `# Policy of ${name}\n\nWritten by ${A.firmName} for ${name}.\nvCISO: ${firstVciso(client)}\nDate: ${today()}`;
  assert.equal(g1.body, want('Acme Industries', A.c1.id));
  assert.equal(g2.body, want('Société Générale des Eaux', A.c2.id));
  assert.ok(!g1.body.includes('{{'));
  // The template keeps its variables.
  assert.equal((await A.admin.c.get(`/api/v1/templates/${t.id}`)).json.body, BODY);
  // The diff compares filled text: a fresh copy is the same as its template.
  const diff = await A.vciso.c.get(`/api/v1/resources/${r1}/template-diff`);
  assert.equal(diff.status, 200, diff.text);
  assert.equal(diff.json.same, true, JSON.stringify(diff.json).slice(0, 400));
  assert.equal(diff.json.added, 0);
  // A new version shows only its real change, filled; applying it fills too.
  await A.admin.c.patch(`/api/v1/templates/${t.id}`, { body: `${BODY}\nContact {{client_name}} security.` });
  const d2 = (await A.vciso.c.get(`/api/v1/resources/${r1}/template-diff`)).json;
  assert.equal(d2.added, 1);
  assert.equal(d2.deleted, 0);
  assert.equal(d2.lines.find((l) => l.op === 'add').text, 'Contact Acme Industries security.');
  const ap = await A.vciso.c.post(`/api/v1/resources/${r1}/template-update`, {});
  assert.ok(ap.status === 200 || ap.status === 201, ap.text);
  const g3 = (await A.admin.c.get(`/api/v1/resources/${r1}`)).json;
  assert.ok(g3.body.endsWith('\nContact Acme Industries security.'));
  assert.equal((await A.vciso.c.get(`/api/v1/resources/${r1}/template-diff`)).json.same, true);
});

test("saving a resource as a template: the client's name becomes {{client_name}} unless refused", async () => {
  const res = await A.admin.c.post(`/api/v1/clients/${A.c1.id}/resources`, { type: 'document',
    title: 'Charter of Acme Industries', body: 'Acme Industries staff follow this charter.' });
  assert.equal(res.status, 201, res.text);
  let s = await A.admin.c.post(`/api/v1/resources/${res.json.id}/template`, {});
  assert.equal(s.status, 201, s.text);
  assert.equal(s.json.title, 'Charter of {{client_name}}');
  assert.equal(s.json.body, '{{client_name}} staff follow this charter.');
  s = await A.admin.c.post(`/api/v1/resources/${res.json.id}/template`, { client_name_variable: false });
  assert.equal(s.status, 201, s.text);
  assert.equal(s.json.title, 'Charter of Acme Industries');
  expectError(assert, 'not a boolean', await A.admin.c.post(`/api/v1/resources/${res.json.id}/template`,
    { client_name_variable: 'yes' }), 400, 'invalid', 'client_name_variable');
  // Deployed to the other client, the generalised template speaks of it.
  const t = (await A.admin.c.post(`/api/v1/resources/${res.json.id}/template`, {})).json;
  const d = await A.admin.c.post(`/api/v1/templates/${t.id}/deploy`, { client_ids: [A.c2.id] });
  const r2 = (await A.admin.c.get(`/api/v1/resources/${d.json.deployed[0].resource_ids[0]}`)).json;
  assert.equal(r2.body, 'Société Générale des Eaux staff follow this charter.');
  // A resource holding an unknown variable cannot become a template.
  const bad = await A.admin.c.post(`/api/v1/clients/${A.c1.id}/resources`, { type: 'document', title: 'B', body: 'x {{y}}' });
  expectError(assert, 'unknown variable in the resource', await A.admin.c.post(`/api/v1/resources/${bad.json.id}/template`, {}),
    400, 'unknown_variable', 'body');
  // The page: ticked by default; unticked keeps the name.
  const page = await A.admin.c.get(`/resources/${res.json.id}`);
  assert.match(page.text, /name="client_name_variable" value="1" id="f-client-name-variable" checked/);
  const td = tidy(page.text);
  assert.ok(td.status !== null && td.status < 2, `resource page: tidy errors:\n${td.output}`);
  const n = count(A.firm);
  const off = await A.admin.c.request('POST', `/resources/${res.json.id}/template`, undefined, {
    raw: new URLSearchParams({ client_name_variable_present: '1', csrf_token: A.admin.c.csrf }).toString(),
    contentType: 'application/x-www-form-urlencoded' });
  assert.equal(off.status, 303, off.text);
  const on = await A.admin.c.request('POST', `/resources/${res.json.id}/template`, undefined, {
    raw: new URLSearchParams({ client_name_variable_present: '1', client_name_variable: '1', csrf_token: A.admin.c.csrf }).toString(),
    contentType: 'application/x-www-form-urlencoded' });
  assert.equal(on.status, 303, on.text);
  assert.equal(count(A.firm), n + 2);
  const titles = sql(env, `SELECT title FROM templates WHERE firm_id = ${A.firm} ORDER BY id DESC LIMIT 2`).map((x) => x[0]);
  assert.deepEqual(titles, ['Charter of {{client_name}}', 'Charter of Acme Industries']);
});
