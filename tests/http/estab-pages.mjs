// The establishment pages (HTML): a client's list, the creation form, the
// profile (inputs only for the fields one may edit, text for the others,
// suggestions, status actions, plan), duplicates and merging, the CSV
// directory (multipart import with its report, export) and the assignment
// lists of the user form. Same rules as the API: another firm's ids answer
// 404, a missing feature 403, a refused form comes back with its error next
// to the field (400), and no form changes anything without its csrf_token.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack, tidy } from '../lib/testkit.mjs';
import {
  createFirm, createUser, httpTransport, loggedIn, sql, sqlValue, uniqueName, userRow,
} from '../lib/identity.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

// A valid SIRET (Luhn over 14 digits), never one of La Poste's (356000000…).
function siret() {
  for (;;) {
    const d = [...crypto.randomBytes(13)].map((b) => b % 10);
    if (d.slice(0, 3).join('') === '356') continue;
    for (let c = 0; c < 10; c++) {
      const s = [...d, c].reverse().reduce((acc, x, i) => {
        const y = i % 2 ? x * 2 : x;
        return acc + (y > 9 ? y - 9 : y);
      }, 0);
      if (s % 10 === 0) return [...d, c].join('');
    }
  }
}

// POST an HTML form (urlencoded); the csrf_token field unless csrf: false.
async function form(c, p, fields = {}, { csrf = true } = {}) {
  const body = new URLSearchParams();
  if (csrf) body.append('csrf_token', c.csrf);
  for (const [k, v] of Object.entries(fields)) {
    for (const x of Array.isArray(v) ? v : [v]) body.append(k, String(x));
  }
  return c.request('POST', p, undefined, { raw: body.toString(),
    contentType: 'application/x-www-form-urlencoded', csrf: false });
}

// POST multipart/form-data with a file field "file" (RFC 7578).
async function upload(c, p, content, { csrf = true, filename = 'directory.csv' } = {}) {
  const boundary = `----rempart${crypto.randomBytes(8).toString('hex')}`;
  const parts = [];
  if (csrf) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n${c.csrf}\r\n`);
  if (content !== null) {
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n`
      + `Content-Type: text/csv\r\n\r\n${content}\r\n`);
  }
  parts.push(`--${boundary}--\r\n`);
  return c.request('POST', p, undefined, { raw: Buffer.from(parts.join(''), 'utf8'),
    contentType: `multipart/form-data; boundary=${boundary}`, csrf: false });
}

function expectPage(r, status, what) {
  assert.equal(r.status, status, `${what}: status ${r.status} ${r.status >= 300 && r.status < 400 ? r.headers.location : ''}`);
  assert.match(r.headers['content-type'] || '', /^text\/html/, `${what}: HTML`);
  assert.match(r.text, /data-layout="rempart"/, `${what}: the layout`);
  const td = tidy(r.text);
  assert.ok(td.status !== null && td.status < 2, `${what}: tidy errors:\n${td.output}`);
}

function expectRedirect(r, re, what) {
  assert.equal(r.status, 303, `${what}: status ${r.status} ${r.text.slice(0, 300)}`);
  assert.match(r.headers.location || '', re, `${what}: Location`);
}

// The names of the inputs, selects and textareas of a form of the page.
function formNames(html, id) {
  const m = html.match(new RegExp(`<form[^>]*id="${id}"[\\s\\S]*?</form>`));
  if (!m) return null;
  return [...m[0].matchAll(/<(?:input|select|textarea)[^>]*\sname="([^"]+)"/g)].map((x) => x[1])
    .filter((n) => n !== 'csrf_token');
}

const estabName = (id) => sqlValue(env, `SELECT name FROM establishments WHERE id = ${Number(id)}`);
const estabCol = (id, col) => sqlValue(env, `SELECT ${col} FROM establishments WHERE id = ${Number(id)}`);

const A = {};
const B = {};

async function person(by, role, extra = {}) {
  const u = await createUser(by, { role, ...extra });
  u.c = await loggedIn(http, u.email, u.password);
  return u;
}

async function makeEstab(c, clientId, body) {
  const r = await c.post(`/api/v1/clients/${clientId}/establishments`, body);
  assert.equal(r.status, 201, `create establishment: ${r.text}`);
  return r.json.id;
}

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, id: userRow(env, fa.email).id, c: await loggedIn(http, fa.email, fa.password) };
  let r = await A.admin.c.post('/api/v1/clients', { name: uniqueName('Client <i>A</i> '), mission_type: 'permanent',
    plan: 'standard', billing_mode: 'intermediated' });
  assert.equal(r.status, 201, r.text);
  A.client = r.json.id;
  A.clientName = r.json.name;
  A.siret1 = siret();
  A.e1 = await makeEstab(A.admin.c, A.client, { name: uniqueName('Site One '), siret: A.siret1, city: 'Lyon',
    postcode: '69001' });
  A.e2 = await makeEstab(A.admin.c, A.client, { name: `${estabName(A.e1).toUpperCase()}!`, city: 'Lyon',
    postcode: '69001' });
  A.e3 = await makeEstab(A.admin.c, A.client, { name: uniqueName('Site Three '), city: 'Nantes', postcode: '44000' });
  // An account manager who edits the name and the city only; one without
  // profile.read; one without profile.edit nor profile.duplicates; an
  // establishment manager assigned E1 (default rights: no status, no plan).
  A.amr = await person(A.admin.c, 'account_manager', { features: ['profile.read', 'profile.edit', 'self'],
    profile_fields: ['name', 'city'] });
  A.blind = await person(A.admin.c, 'account_manager', { features: ['self'], profile_fields: [] });
  A.nodup = await person(A.admin.c, 'account_manager', { features: ['profile.read', 'self'] });
  A.em = await person(A.admin.c, 'establishment_manager');
  for (const u of [A.amr, A.blind, A.nodup]) {
    r = await A.admin.c.patch(`/api/v1/users/${u.id}`, { client_ids: [A.client] });
    assert.equal(r.status, 200, r.text);
  }
  r = await A.admin.c.patch(`/api/v1/users/${A.em.id}`, { establishment_ids: [A.e1] });
  assert.equal(r.status, 200, r.text);

  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  r = await B.admin.c.post('/api/v1/clients', { name: uniqueName('Client B '), mission_type: 'diagnostic',
    plan: 'essential', billing_mode: 'intermediated' });
  assert.equal(r.status, 201, r.text);
  B.client = r.json.id;
  B.e1 = await makeEstab(B.admin.c, B.client, { name: uniqueName('Secret site '), city: 'Brest' });
  B.e1Name = estabName(B.e1);
});

test('every page renders for an allowed user (200, valid HTML, escaped data)', async () => {
  const c = A.admin.c;
  for (const p of [`/clients/${A.client}/establishments`, `/clients/${A.client}/establishments/new`,
    `/establishments/${A.e1}`, `/clients/${A.client}/duplicates`, `/clients/${A.client}/establishments/import`,
    `/clients/${A.client}/establishments?lang=en`, `/establishments/${A.e1}?lang=en`]) {
    const r = await c.get(p);
    expectPage(r, 200, p);
    assert.ok(!r.text.includes('<i>A</i>'), `${p}: the client's name is escaped`);
    assert.ok(r.text.includes('Client &lt;i&gt;A&lt;/i&gt;'), `${p}: the client's name, escaped`);
  }
  const list = await c.get(`/clients/${A.client}/establishments`);
  for (const id of [A.e1, A.e2, A.e3]) assert.ok(list.text.includes(`href="/establishments/${id}"`), `E${id} listed`);
  assert.ok(list.text.includes(A.siret1), 'SIRET column with profile.read');
  assert.ok(list.text.includes(`href="/clients/${A.client}/establishments/new"`), 'New establishment button');
  assert.ok(list.text.includes(`href="/clients/${A.client}/duplicates"`), 'duplicates link');
  assert.ok(list.text.includes(`href="/clients/${A.client}/establishments/import"`), 'import/export link');
  // Search and status filter.
  const q = await c.get(`/clients/${A.client}/establishments?q=Nantes&status=active`);
  expectPage(q, 200, 'filtered list');
  assert.ok(q.text.includes(`/establishments/${A.e3}"`) && !q.text.includes(`/establishments/${A.e1}"`), 'q filters');
  assert.match(q.text, /<option value="active" selected>/, 'status kept in the filter');
  const none = await c.get(`/clients/${A.client}/establishments?q=nothing-matches-this`);
  assert.match(none.text, /class="empty"/, 'empty state of a search');
  // The export is the API's CSV.
  const csv = await c.get(`/clients/${A.client}/establishments/export.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers['content-type'], /^text\/csv/);
  assert.match(csv.headers['content-disposition'] || '', /attachment/);
  const api = await c.get(`/api/v1/clients/${A.client}/establishments/export`);
  assert.equal(csv.text, api.text, 'same CSV as the API');
  assert.ok(csv.text.includes(A.siret1));
});

test('the list by rights: an establishment manager sees its own, without creation', async () => {
  const r = await A.em.c.get(`/clients/${A.client}/establishments`);
  expectPage(r, 200, 'EM list');
  assert.ok(r.text.includes(`/establishments/${A.e1}"`), 'its establishment');
  assert.ok(!r.text.includes(`/establishments/${A.e3}"`), 'not the others');
  assert.ok(!r.text.includes('/establishments/new'), 'no New establishment button');
  expectPage(await A.em.c.get(`/clients/${A.client}/establishments/new`), 403, 'EM creation form');
  // Without profile.read: names only, no SIRET column.
  const b = await A.blind.c.get(`/clients/${A.client}/establishments`);
  expectPage(b, 200, 'list without profile.read');
  assert.ok(!b.text.includes(A.siret1), 'no SIRET without profile.read');
  assert.ok(!b.text.includes('>Lyon<'), 'no city without profile.read');
  assert.ok(!b.text.includes('/duplicates"'), 'no duplicates link without the feature');
  assert.ok(!b.text.includes('/establishments/import"'), 'no import link without profile.edit');
});

test('another firm\'s ids answer 404 on every page and form', async () => {
  const c = A.admin.c;
  for (const p of [`/clients/${B.client}/establishments`, `/clients/${B.client}/establishments/new`,
    `/establishments/${B.e1}`, `/clients/${B.client}/duplicates`, `/clients/${B.client}/establishments/import`,
    `/clients/${B.client}/establishments/export.csv`]) {
    const r = await c.get(p);
    assert.equal(r.status, 404, `${p}: ${r.status}`);
    assert.ok(!r.text.includes(B.e1Name), `${p}: nothing of B shows`);
  }
  for (const [p, f] of [[`/establishments/${B.e1}`, { city: 'Taken' }], [`/establishments/${B.e1}/status`, { action: 'close' }],
    [`/establishments/${B.e1}/plan`, { plan: 'premium' }], [`/establishments/${B.e1}/suggestions`, { field: 'city', value: 'X' }],
    [`/establishments/${A.e1}/merge`, { into: B.e1 }], [`/clients/${B.client}/establishments`, { name: 'Intruder' }]]) {
    const r = await form(c, p, f);
    assert.equal(r.status, 404, `POST ${p}: ${r.status}`);
  }
  assert.equal(estabCol(B.e1, 'city'), 'Brest', 'B unchanged');
  assert.equal(estabCol(B.e1, 'status'), 'active');
  assert.equal(estabCol(A.e1, 'merged_into'), null);
  // Out of the caller's own scope inside its firm: 404 too.
  assert.equal((await A.em.c.get(`/establishments/${A.e3}`)).status, 404, 'EM, an establishment not assigned');
});

test('a missing feature answers 403', async () => {
  for (const p of [`/clients/${A.client}/duplicates`, `/clients/${A.client}/establishments/import`,
    `/clients/${A.client}/establishments/export.csv`]) {
    const r = await A.nodup.c.get(p);
    assert.equal(r.status, 403, `${p} without the feature: ${r.status}`);
  }
  assert.equal((await form(A.nodup.c, `/establishments/${A.e1}`, { name: 'X' })).status, 403, 'edit without profile.edit');
  assert.equal((await form(A.em.c, `/establishments/${A.e1}/status`, { action: 'deactivate' })).status, 403,
    'status without profile.status');
  assert.equal((await form(A.em.c, `/establishments/${A.e1}/plan`, { plan: 'premium' })).status, 403, 'plan without plan');
  assert.equal((await form(A.blind.c, `/establishments/${A.e1}/suggestions`, { field: 'city', value: 'X' })).status, 403,
    'suggestion without profile.read');
  assert.equal((await upload(A.nodup.c, `/clients/${A.client}/establishments/import`, 'name\nX\n')).status, 403,
    'import without profile.edit');
  assert.equal(estabCol(A.e1, 'status'), 'active');
  assert.notEqual(estabName(A.e1), 'X');
});

test('profile: inputs only for the fields one may edit, text for the others', async () => {
  const r = await A.amr.c.get(`/establishments/${A.e1}`);
  expectPage(r, 200, 'profile for a name+city editor');
  assert.deepEqual(formNames(r.text, 'profile-form'), ['name', 'city'], 'inputs for name and city only');
  assert.match(r.text, new RegExp(`id="ro-siret"[\\s\\S]*?${A.siret1}`), 'the SIRET as text');
  assert.match(r.text, /id="ro-postcode"[\s\S]*?69001/, 'the postcode as text');
  // Suggestions for the fields it may not edit, not for name and city.
  assert.deepEqual(formNames(r.text, 'suggest-form'), ['field', 'value']);
  const opts = [...r.text.match(/<select id="f-field"[\s\S]*?<\/select>/)[0].matchAll(/value="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(opts.includes('siret') && opts.includes('postcode'), 'read-only fields may be suggested');
  assert.ok(!opts.includes('name') && !opts.includes('city'), 'editable fields are not suggested');
  assert.ok(!r.text.includes('id="status-actions"'), 'no status actions without profile.status');
  assert.ok(!r.text.includes('id="plan-form"'), 'no plan form without plan');
  // An admin edits everything, changes the status and the plan.
  const a = await A.admin.c.get(`/establishments/${A.e1}`);
  assert.equal(formNames(a.text, 'profile-form').length, 11, 'every profile field is an input');
  assert.ok(!a.text.includes('id="ro-'), 'nothing read-only');
  assert.ok(!a.text.includes('id="suggest-form"'), 'nothing to suggest');
  const actions = [...a.text.match(/id="status-actions"[\s\S]*?<\/div>/)[0].matchAll(/name="action" value="(\w+)"/g)]
    .map((m) => m[1]);
  assert.deepEqual(actions, ['cancel', 'close', 'deactivate'], 'transitions from active');
  assert.match(a.text, /value="close"><button[^>]*data-confirm="/, 'closing asks for confirmation');
  assert.ok(a.text.includes('id="plan-form"'));
  // No profile.read: name, status and plan only.
  const b = await A.blind.c.get(`/establishments/${A.e1}`);
  expectPage(b, 200, 'profile without profile.read');
  assert.ok(!b.text.includes(A.siret1) && !b.text.includes('ro-city'), 'no profile field but the name');
  assert.ok(b.text.includes(estabName(A.e1).replace(/</g, '&lt;')), 'the name');
  assert.ok(!b.text.includes('id="profile-form"') && !b.text.includes('suggest-form'), 'no forms');
});

test('a refused form shows its error next to the field (400) and keeps what was typed', async () => {
  let r = await form(A.admin.c, `/establishments/${A.e1}`, { siret: '12345', city: 'Typed city' });
  expectPage(r, 400, 'bad SIRET');
  assert.match(r.text, /<div class="field has-error">\s*<label for="f-siret">/, 'the SIRET field is marked');
  assert.match(r.text, /id="f-siret"[^>]*value="12345"[^>]*aria-invalid="true" aria-describedby="err-siret"/);
  assert.match(r.text, /<p class="field-error" id="err-siret">/, 'the message under the field');
  assert.match(r.text, /id="f-city"[^>]*value="Typed city"/, 'other typed values kept');
  assert.equal(estabCol(A.e1, 'city'), 'Lyon', 'nothing saved');
  r = await form(A.admin.c, `/clients/${A.client}/establishments`, { name: '', city: 'Somewhere' });
  expectPage(r, 400, 'creation without a name');
  assert.match(r.text, /<p class="field-error" id="err-name">/);
  assert.match(r.text, /id="f-city"[^>]*value="Somewhere"/);
  r = await form(A.amr.c, `/establishments/${A.e1}/suggestions`, { field: 'siret', value: 'abc' });
  expectPage(r, 400, 'invalid suggestion');
  assert.match(r.text, /<p class="field-error" id="err-value">/);
  // A field outside one's rights: 403, shown in the form's summary.
  r = await form(A.amr.c, `/establishments/${A.e1}`, { siret: siret() });
  expectPage(r, 403, 'a field outside the rights');
  assert.match(r.text, /class="error-summary"/);
  assert.equal(estabCol(A.e1, 'siret'), A.siret1);
});

test('saving, suggesting, deciding, status and plan through the forms', async () => {
  const city = uniqueName('City ');
  let r = await form(A.amr.c, `/establishments/${A.e1}`, { name: estabName(A.e1), city });
  expectRedirect(r, new RegExp(`^/establishments/${A.e1}\\?done=saved$`), 'save');
  assert.equal(estabCol(A.e1, 'city'), city);
  const sector = uniqueName('Sector ');
  r = await form(A.amr.c, `/establishments/${A.e1}/suggestions`, { field: 'sector', value: sector });
  expectRedirect(r, /done=suggested/, 'suggest');
  const sid = Number(sqlValue(env, `SELECT id FROM establishment_suggestions WHERE establishment_id = ${A.e1}
    AND value = '${sector}'`));
  // The suggester sees it pending; an editor of the field may decide.
  r = await A.amr.c.get(`/establishments/${A.e1}`);
  assert.ok(r.text.includes(sector) && !r.text.includes(`/suggestions/${sid}/accept`), 'pending, no buttons');
  r = await A.admin.c.get(`/establishments/${A.e1}`);
  assert.ok(r.text.includes(`action="/suggestions/${sid}/accept"`) && r.text.includes(`action="/suggestions/${sid}/reject"`));
  r = await form(A.amr.c, `/suggestions/${sid}/accept`);
  assert.equal(r.status, 403, 'not an editor of the field');
  r = await form(A.admin.c, `/suggestions/${sid}/accept`);
  expectRedirect(r, new RegExp(`^/establishments/${A.e1}\\?done=accepted$`), 'accept');
  assert.equal(estabCol(A.e1, 'sector'), sector);
  r = await form(A.admin.c, `/suggestions/${sid}/reject`);
  expectPage(r, 409, 'deciding twice');
  // Status: deactivate, then only reactivate and close remain.
  r = await form(A.admin.c, `/establishments/${A.e3}/status`, { action: 'deactivate' });
  expectRedirect(r, /done=status_changed/, 'deactivate');
  r = await A.admin.c.get(`/establishments/${A.e3}`);
  const actions = [...r.text.match(/id="status-actions"[\s\S]*?<\/div>/)[0].matchAll(/name="action" value="(\w+)"/g)]
    .map((m) => m[1]);
  assert.deepEqual(actions, ['close', 'reactivate']);
  r = await form(A.admin.c, `/establishments/${A.e3}/status`, { action: 'deactivate' });
  expectPage(r, 409, 'an impossible transition');
  r = await form(A.admin.c, `/establishments/${A.e3}/plan`, { plan: 'premium' });
  expectRedirect(r, /done=plan_changed/, 'plan');
  assert.equal(estabCol(A.e3, 'plan'), 'premium');
  // Closing is final: no forms afterwards.
  r = await form(A.admin.c, `/establishments/${A.e3}/status`, { action: 'close' });
  expectRedirect(r, /done=status_changed/, 'close');
  r = await A.admin.c.get(`/establishments/${A.e3}`);
  expectPage(r, 200, 'closed profile');
  assert.ok(r.text.includes('id="closed-note"'));
  for (const f of ['profile-form', 'suggest-form', 'plan-form', 'status-actions']) assert.ok(!r.text.includes(`id="${f}"`), f);
  // A new establishment through the form.
  const name = uniqueName('Created ');
  r = await form(A.admin.c, `/clients/${A.client}/establishments`, { name, postcode: '75001', plan: 'premium' });
  expectRedirect(r, /^\/establishments\/\d+\?done=estab_created$/, 'create');
  const id = Number(r.headers.location.match(/\/establishments\/(\d+)/)[1]);
  assert.equal(estabName(id), name);
  assert.equal(estabCol(id, 'plan'), 'premium');
});

test('import: a multipart upload is applied; a bad file shows the report and changes nothing', async () => {
  const p = `/clients/${A.client}/establishments/import`;
  const n1 = uniqueName('Imported ');
  const n2 = uniqueName('Imported ');
  let r = await upload(A.admin.c, p, `name;postcode;city\r\n${n1};13001;Marseille\r\n${n2};31000;Toulouse\r\n`);
  expectRedirect(r, new RegExp(`^/clients/${A.client}/establishments\\?created=2&updated=0&unchanged=0&done=imported$`),
    'import');
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM establishments WHERE name IN ('${n1}', '${n2}')`)), 2);
  r = await A.admin.c.get(r.headers.location);
  expectPage(r, 200, 'after the import');
  assert.match(r.text, /id="import-counts"[^>]*>[^<]*2/, 'the counts are shown');
  assert.match(r.text, /class="flash"/);
  // One bad row: nothing imported, the report names line and column.
  const n3 = uniqueName('Never ');
  const before = Number(sqlValue(env, `SELECT COUNT(*) FROM establishments WHERE client_id = ${A.client}`));
  r = await upload(A.admin.c, p, `name,siret,city\n${n3},,Paris\nBad one,12345678901234,Paris\n`);
  expectPage(r, 400, 'rejected file');
  assert.ok(r.text.includes('id="import-report"'), 'the report');
  assert.match(r.text, /<tr>\s*<td>3<\/td>\s*<td>SIRET<\/td>/, 'line 3, column SIRET');
  assert.ok(r.text.includes('Rien n&#39;a été importé'), 'says nothing was imported');
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM establishments WHERE client_id = ${A.client}`)), before,
    'all or nothing');
  r = await upload(A.admin.c, `${p}?lang=en`, 'nom;ville\nX;Y\n');
  expectPage(r, 400, 'unknown column');
  assert.ok(r.text.includes('Nothing was imported') && r.text.includes('Whole file'));
  // No file, or an empty one: the error under the file field.
  for (const content of [null, '']) {
    r = await upload(A.admin.c, p, content);
    expectPage(r, 400, `file ${JSON.stringify(content)}`);
    assert.match(r.text, /<p class="field-error" id="err-file">/);
  }
  // Establishment managers export but do not import.
  r = await A.em.c.get(p);
  expectPage(r, 200, 'EM directory page');
  assert.ok(!r.text.includes('id="import-form"') && r.text.includes('export.csv'));
});

test('duplicates: groups with merge forms, merging, and the removed duplicates', async () => {
  const p = `/clients/${A.client}/duplicates`;
  let r = await A.admin.c.get(p);
  expectPage(r, 200, 'duplicates');
  const form2 = r.text.match(new RegExp(`<form method="post" action="/establishments/${A.e2}/merge"[\\s\\S]*?</form>`));
  assert.ok(form2, 'a merge form for E2');
  assert.match(form2[0], new RegExp(`<option value="${A.e1}">`), 'merge into E1');
  assert.ok(!form2[0].includes(`<option value="${A.e2}">`), 'not into itself');
  assert.match(form2[0], /data-confirm="/);
  r = await form(A.admin.c, `/establishments/${A.e2}/merge`, { into: A.e2 });
  expectPage(r, 400, 'merge into itself');
  assert.match(r.text, /class="error-summary"/);
  r = await form(A.admin.c, `/establishments/${A.e2}/merge`, { into: A.e1 });
  expectRedirect(r, new RegExp(`^/clients/${A.client}/duplicates\\?done=merged$`), 'merge');
  assert.equal(Number(estabCol(A.e2, 'merged_into')), A.e1);
  r = await A.admin.c.get(p);
  const removed = r.text.match(/id="removed"[\s\S]*?<\/section>/)[0];
  assert.ok(removed.includes(`href="/establishments/${A.e2}"`) && removed.includes(`href="/establishments/${A.e1}"`),
    'the removed one and where it went');
  assert.ok(!r.text.includes(`action="/establishments/${A.e2}/merge"`), 'no longer a duplicate');
  r = await A.admin.c.get(`/establishments/${A.e2}`);
  expectPage(r, 200, 'merged profile');
  assert.ok(r.text.includes('id="merged-note"') && r.text.includes(`href="/establishments/${A.e1}"`));
  for (const f of ['profile-form', 'suggest-form', 'plan-form', 'status-actions']) assert.ok(!r.text.includes(`id="${f}"`), f);
});

test('user forms list the assignments the editor may give', async () => {
  let r = await A.admin.c.get(`/users/${A.amr.id}`);
  expectPage(r, 200, 'edit an account manager');
  assert.match(r.text, new RegExp(`name="client_ids" value="${A.client}" checked`), 'its client, checked');
  assert.ok(r.text.includes('name="client_ids_present"') && !r.text.includes('name="establishment_ids"'));
  r = await A.admin.c.get(`/users/${A.em.id}`);
  assert.match(r.text, new RegExp(`name="establishment_ids" value="${A.e1}" checked`), 'its establishment, checked');
  assert.match(r.text, new RegExp(`name="establishment_ids" value="${A.e3}">`), 'another one, unchecked');
  assert.ok(!r.text.includes('name="client_ids"'));
  r = await form(A.admin.c, `/users/${A.em.id}`, { establishment_ids: [A.e1, A.e3], establishment_ids_present: 1 });
  expectRedirect(r, /done=saved/, 'assign through the form');
  assert.deepEqual(sql(env, `SELECT establishment_id FROM user_establishments WHERE user_id = ${A.em.id}
    ORDER BY establishment_id`).map((x) => Number(x[0])), [A.e1, A.e3].sort((x, y) => x - y));
  r = await form(A.admin.c, `/users/${A.em.id}`, { client_ids: [A.client], client_ids_present: 1 });
  expectPage(r, 400, 'clients for an establishment manager');
  assert.match(r.text, /<p class="field-error" id="err-client_ids">|class="error-summary"/);
  r = await A.admin.c.get('/users/new');
  assert.ok(r.text.includes('id="assign-clients"') && r.text.includes('id="assign-estabs"'), 'both on the creation form');
});

test('no form changes anything without its csrf_token (403)', async () => {
  const name = estabName(A.e1);
  for (const [p, f] of [[`/establishments/${A.e1}`, { name: 'No token' }], [`/establishments/${A.e1}/status`, { action: 'close' }],
    [`/establishments/${A.e1}/plan`, { plan: 'essential' }], [`/clients/${A.client}/establishments`, { name: 'No token' }],
    [`/establishments/${A.e1}/suggestions`, { field: 'sector', value: 'No token' }]]) {
    const r = await form(A.admin.c, p, f, { csrf: false });
    assert.equal(r.status, 403, `POST ${p} without csrf_token: ${r.status}`);
  }
  const bad = await form(A.admin.c, `/establishments/${A.e1}`, { csrf_token: 'x'.repeat(64), name: 'Bad token' }, { csrf: false });
  assert.equal(bad.status, 403, 'a wrong token');
  const up = await upload(A.admin.c, `/clients/${A.client}/establishments/import`, 'name\nNo token\n', { csrf: false });
  assert.equal(up.status, 403, 'import without csrf_token');
  assert.equal(estabName(A.e1), name);
  assert.equal(estabCol(A.e1, 'status'), 'active');
  assert.equal(Number(sqlValue(env, "SELECT COUNT(*) FROM establishments WHERE name = 'No token'")), 0);
});
