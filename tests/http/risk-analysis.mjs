// The risk analysis module (SPEC §1 "Modules": risk_analysis; README "Risk
// analysis"): business assets, supporting assets, threat sources and
// scenarios of a client, created, read, changed and deleted by its vCISOs
// with validation naming the field; references only within the client;
// retaining a scenario records exactly one risk in the register, linked
// both ways; re-scoring shows the difference and changes the risk only on
// sync-risk (an audited risk update); discarding leaves the risk in the
// register. Every route answers 404 where the module is off, for another
// firm and out of scope, 403 for a non-vCISO and support, 403 without the
// CSRF token, changing nothing. The pages: the steps, the forms, the
// decisions, the summary, the side navigation's link.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack, tidy } from '../lib/testkit.mjs';
import {
  Client, createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId, sql, sqlValue,
} from '../lib/identity.mjs';
import { audit, makeClient, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const A = {};
const B = {};
let support;
const MODULE = { modules: ['risk_analysis'] };

const BUSINESS_FIELDS = ['id', 'client_id', 'name', 'description', 'owner', 'supporting_asset_ids', 'scenario_count',
  'created_at', 'updated_at'];
const SUPPORTING_FIELDS = ['id', 'client_id', 'name', 'type', 'description', 'business_asset_ids', 'scenario_count',
  'created_at', 'updated_at'];
const THREAT_FIELDS = ['id', 'client_id', 'name', 'motivation', 'resources', 'scenario_count', 'created_at',
  'updated_at'];
const SCENARIO_FIELDS = ['id', 'client_id', 'title', 'description', 'threat_source_id', 'business_asset_id',
  'supporting_asset_ids', 'likelihood', 'impact', 'score', 'level', 'status', 'risk_id', 'risk', 'risk_differs',
  'risk_diff', 'threat_source_name', 'business_asset_name', 'created_at', 'updated_at'];

// Rows of the module's tables for a client: proof that a refusal changed nothing.
const TABLES = ['ra_business_assets', 'ra_supporting_assets', 'ra_threat_sources', 'ra_scenarios'];
const snapshot = (client) => TABLES.map((t) => sql(env, `SELECT * FROM ${t} WHERE client_id = ${Number(client)}
  ORDER BY id`)).concat([
  sql(env, `SELECT * FROM ra_supporting_links WHERE client_id = ${Number(client)} ORDER BY 1, 2`),
  sql(env, `SELECT * FROM ra_scenario_supports WHERE client_id = ${Number(client)} ORDER BY 1, 2`),
  sql(env, `SELECT * FROM risks WHERE client_id = ${Number(client)} ORDER BY id`)]);
const riskRow = (id) => sql(env, `SELECT id, title, description, asset, threat, likelihood, impact, owner_id, status,
  updated_at FROM risks WHERE id = ${Number(id)}`)[0] ?? null;
const riskCount = (client) => Number(sqlValue(env, `SELECT COUNT(*) FROM risks WHERE client_id = ${Number(client)}`));

async function made(r, what) {
  assert.equal(r.status, 201, `${what}: ${r.text}`);
  return r.json;
}
const mk = {
  business: (c, client, body) => c.post(`/api/v1/clients/${client}/business-assets`, body),
  supporting: (c, client, body) => c.post(`/api/v1/clients/${client}/supporting-assets`, body),
  threat: (c, client, body) => c.post(`/api/v1/clients/${client}/threat-sources`, body),
  scenario: (c, client, body) => c.post(`/api/v1/clients/${client}/scenarios`, body),
};

// A small analysis of client `client`: a business asset, a supporting
// asset serving it, a threat source, and a draft scenario.
async function analysis(c, client, tag = '') {
  const ba = await made(await mk.business(c, client, { name: `Payroll${tag}`, owner: 'HR director' }), 'business');
  const sa = await made(await mk.supporting(c, client, { name: `Payroll server${tag}`, type: 'hardware',
    business_asset_ids: [ba.id] }), 'supporting');
  const ts = await made(await mk.threat(c, client, { name: `Ransomware gang${tag}`, motivation: 'Money',
    resources: 'significant' }), 'threat');
  const sc = await made(await mk.scenario(c, client, { title: `Payroll encrypted${tag}`, description: 'Phishing, then',
    threat_source_id: ts.id, business_asset_id: ba.id, supporting_asset_ids: [sa.id], likelihood: 3, impact: 4 }),
  'scenario');
  return { ba, sa, ts, sc };
}

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.me = A.admin.c.user;
  A.client = await makeClient(A.admin.c, MODULE);
  A.other = await makeClient(A.admin.c, MODULE);
  A.off = await makeClient(A.admin.c);
  A.admin2 = await person(http, A.admin.c, 'admin');
  A.am = await person(http, A.admin.c, 'account_manager', { client_ids: [A.other.id] });
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  B.client = await makeClient(B.admin.c, MODULE);
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
  A.x = await analysis(A.admin.c, A.client.id);
  A.y = await analysis(A.admin.c, A.other.id);
  B.x = await analysis(B.admin.c, B.client.id);
});

test('business assets: create, list, read, change, delete; audited with the client', async () => {
  const c = A.client.id;
  const before = maxAuditId(env);
  const r = await mk.business(A.admin.c, c, { name: 'Customer files', description: 'Two lines\nof text',
    owner: 'Sales' });
  assert.equal(r.status, 201, r.text);
  for (const f of BUSINESS_FIELDS) assert.ok(f in r.json, `business asset.${f}`);
  assert.equal(r.json.client_id, c);
  assert.equal(r.json.description, 'Two lines\nof text');
  assert.deepEqual(r.json.supporting_asset_ids, []);
  assert.equal(r.json.scenario_count, 0);
  const id = r.json.id;
  assert.deepEqual((await A.admin.c.get(`/api/v1/business-assets/${id}`)).json, r.json);
  const list = await A.admin.c.get(`/api/v1/clients/${c}/business-assets`);
  assert.equal(list.status, 200);
  assert.equal(list.json.total, 2);
  assert.deepEqual(list.json.items.map((x) => x.name), ['Customer files', 'Payroll'], 'by name');
  const paged = await A.admin.c.get(`/api/v1/clients/${c}/business-assets?limit=1&offset=1`);
  assert.deepEqual(paged.json.items.map((x) => x.name), ['Payroll']);
  assert.equal(paged.json.total, 2);
  // Payroll: served by its supporting asset, named by its scenario.
  const payroll = list.json.items[1];
  assert.deepEqual(payroll.supporting_asset_ids, [A.x.sa.id]);
  assert.equal(payroll.scenario_count, 1);
  let p = await A.admin.c.patch(`/api/v1/business-assets/${id}`, { owner: '', description: '' });
  assert.equal(p.status, 200, p.text);
  assert.equal(p.json.owner, '');
  assert.equal(p.json.description, '');
  assert.equal(p.json.name, 'Customer files', 'untouched fields kept');
  p = await A.admin.c.patch(`/api/v1/business-assets/${id}`, { name: 'Customer records' });
  assert.equal(p.json.name, 'Customer records');
  const rows = audit(env, `id > ${before} AND object_type = 'business_asset'`);
  assert.deepEqual(rows.map((x) => x.action), ['business_asset.create', 'business_asset.update',
    'business_asset.update']);
  assert.ok(rows.every((x) => x.client_id === c && x.object_id === id));
  assert.deepEqual(JSON.parse(rows[2].raw).name, { from: 'Customer files', to: 'Customer records' });
  assert.equal(JSON.parse(rows[1].raw).description, 'changed');
  const d = await A.admin.c.del(`/api/v1/business-assets/${id}`);
  assert.equal(d.status, 204);
  expectError(assert, 'gone', await A.admin.c.get(`/api/v1/business-assets/${id}`), 404);
  assert.equal(audit(env, `id > ${before} AND action = 'business_asset.delete'`).length, 1);
});

test('supporting assets and threat sources: types, links to business assets, resources', async () => {
  const c = A.client.id;
  const ba2 = await made(await mk.business(A.admin.c, c, { name: 'Website' }), 'business');
  const sa = await made(await mk.supporting(A.admin.c, c, { name: 'Hosting provider', type: 'provider',
    description: 'Cloud', business_asset_ids: [ba2.id, A.x.ba.id, ba2.id] }), 'supporting');
  for (const f of SUPPORTING_FIELDS) assert.ok(f in sa, `supporting asset.${f}`);
  assert.deepEqual(sa.business_asset_ids, [A.x.ba.id, ba2.id].sort((a, b) => a - b), 'each once');
  assert.deepEqual((await A.admin.c.get(`/api/v1/business-assets/${ba2.id}`)).json.supporting_asset_ids, [sa.id]);
  const before = maxAuditId(env);
  const p = await A.admin.c.patch(`/api/v1/supporting-assets/${sa.id}`, { business_asset_ids: [ba2.id], type: 'software' });
  assert.equal(p.status, 200, p.text);
  assert.deepEqual(p.json.business_asset_ids, [ba2.id]);
  assert.equal(p.json.type, 'software');
  const d = JSON.parse(audit(env, `id > ${before} AND action = 'supporting_asset.update'`)[0].raw);
  assert.deepEqual(d.business_asset_ids, { from: [A.x.ba.id, ba2.id].sort((a, b) => a - b), to: [ba2.id] });
  assert.deepEqual(d.type, { from: 'provider', to: 'software' });
  const ts = await made(await mk.threat(A.admin.c, c, { name: 'Disgruntled employee', resources: 'limited' }),
    'threat');
  for (const f of THREAT_FIELDS) assert.ok(f in ts, `threat source.${f}`);
  assert.equal(ts.motivation, '');
  const list = await A.admin.c.get(`/api/v1/clients/${c}/threat-sources`);
  assert.deepEqual(list.json.items.map((x) => x.name), ['Disgruntled employee', 'Ransomware gang']);
  // Deleting a business asset drops its links, not the supporting asset.
  assert.equal((await A.admin.c.del(`/api/v1/business-assets/${ba2.id}`)).status, 204);
  assert.deepEqual((await A.admin.c.get(`/api/v1/supporting-assets/${sa.id}`)).json.business_asset_ids, []);
  assert.equal((await A.admin.c.del(`/api/v1/supporting-assets/${sa.id}`)).status, 204);
  assert.equal((await A.admin.c.del(`/api/v1/threat-sources/${ts.id}`)).status, 204);
});

test('scenarios: score and level, draft, names; a retained-only field cannot be written', async () => {
  const sc = (await A.admin.c.get(`/api/v1/scenarios/${A.x.sc.id}`)).json;
  for (const f of SCENARIO_FIELDS) assert.ok(f in sc, `scenario.${f}`);
  assert.equal(sc.score, 12);
  assert.equal(sc.level, 'high');
  assert.equal(sc.status, 'draft');
  assert.equal(sc.risk_id, null);
  assert.equal(sc.risk, null);
  assert.equal(sc.risk_differs, false);
  assert.deepEqual(sc.risk_diff, {});
  assert.deepEqual(sc.supporting_asset_ids, [A.x.sa.id]);
  assert.equal(sc.threat_source_name, 'Ransomware gang');
  assert.equal(sc.business_asset_name, 'Payroll');
  expectError(assert, 'status is set by retain/discard', await A.admin.c.patch(`/api/v1/scenarios/${sc.id}`,
    { status: 'retained' }), 400, 'unknown_field', 'status');
  expectError(assert, 'risk_id is not writable', await A.admin.c.patch(`/api/v1/scenarios/${sc.id}`,
    { risk_id: 1 }), 400, 'unknown_field', 'risk_id');
  // Levels at their thresholds, through PATCH.
  for (const [l, i, level] of [[1, 4, 'low'], [1, 5, 'medium'], [2, 5, 'high'], [3, 5, 'critical'], [3, 4, 'high']]) {
    const r = await A.admin.c.patch(`/api/v1/scenarios/${sc.id}`, { likelihood: l, impact: i });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.score, l * i);
    assert.equal(r.json.level, level, `${l} × ${i}`);
  }
  // Filter by status, scores highest first.
  const low = await made(await mk.scenario(A.admin.c, A.client.id, { title: 'Minor', threat_source_id: A.x.ts.id,
    business_asset_id: A.x.ba.id, likelihood: 1, impact: 1 }), 'scenario');
  let r = await A.admin.c.get(`/api/v1/clients/${A.client.id}/scenarios`);
  assert.deepEqual(r.json.items.map((x) => x.id), [sc.id, low.id]);
  r = await A.admin.c.get(`/api/v1/clients/${A.client.id}/scenarios?status=retained`);
  assert.equal(r.json.total, 0);
  expectError(assert, 'bad status filter', await A.admin.c.get(`/api/v1/clients/${A.client.id}/scenarios?status=kept`),
    400, 'invalid', 'status');
  assert.equal((await A.admin.c.del(`/api/v1/scenarios/${low.id}`)).status, 204);
});

test('bad input answers 400 naming the field (409 for a name taken), and changes nothing', async () => {
  const c = A.client.id;
  const snap = snapshot(c);
  const before = maxAuditId(env);
  const sc = { title: 'T', threat_source_id: A.x.ts.id, business_asset_id: A.x.ba.id, likelihood: 2, impact: 2 };
  const cases = [
    ['business: no name', mk.business(A.admin.c, c, { owner: 'x' }), 400, 'required', 'name'],
    ['business: empty name', mk.business(A.admin.c, c, { name: '  ' }), 400, 'required', 'name'],
    ['business: null name', mk.business(A.admin.c, c, { name: null }), 400, 'required', 'name'],
    ['business: name too long', mk.business(A.admin.c, c, { name: 'x'.repeat(201) }), 400, 'too_long', 'name'],
    ['business: name a number', mk.business(A.admin.c, c, { name: 3 }), 400, 'invalid', 'name'],
    ['business: owner too long', mk.business(A.admin.c, c, { name: 'N', owner: 'x'.repeat(201) }), 400, 'too_long',
      'owner'],
    ['business: unknown field', mk.business(A.admin.c, c, { name: 'N', colour: 'red' }), 400, 'unknown_field',
      'colour'],
    ['business: name taken (any case)', mk.business(A.admin.c, c, { name: 'PAYROLL' }), 409, 'ra_name_taken', 'name'],
    ['supporting: no type', mk.supporting(A.admin.c, c, { name: 'S' }), 400, 'required', 'type'],
    ['supporting: bad type', mk.supporting(A.admin.c, c, { name: 'S', type: 'cloud' }), 400, 'invalid', 'type'],
    ['supporting: links not a list', mk.supporting(A.admin.c, c, { name: 'S', type: 'site', business_asset_ids: 3 }),
      400, 'invalid', 'business_asset_ids'],
    ['supporting: another client\'s business asset', mk.supporting(A.admin.c, c, { name: 'S', type: 'site',
      business_asset_ids: [A.y.ba.id] }), 400, 'invalid', 'business_asset_ids'],
    ['supporting: another firm\'s business asset', mk.supporting(A.admin.c, c, { name: 'S', type: 'site',
      business_asset_ids: [B.x.ba.id] }), 400, 'invalid', 'business_asset_ids'],
    ['threat: no resources', mk.threat(A.admin.c, c, { name: 'T' }), 400, 'required', 'resources'],
    ['threat: bad resources', mk.threat(A.admin.c, c, { name: 'T', resources: 'huge' }), 400, 'invalid', 'resources'],
    ['threat: motivation too long', mk.threat(A.admin.c, c, { name: 'T', resources: 'limited',
      motivation: 'x'.repeat(2001) }), 400, 'too_long', 'motivation'],
    ['scenario: no title', mk.scenario(A.admin.c, c, { ...sc, title: undefined }), 400, 'required', 'title'],
    ['scenario: no threat source', mk.scenario(A.admin.c, c, { ...sc, threat_source_id: undefined }), 400,
      'required', 'threat_source_id'],
    ['scenario: no business asset', mk.scenario(A.admin.c, c, { ...sc, business_asset_id: null }), 400, 'required',
      'business_asset_id'],
    ['scenario: no likelihood', mk.scenario(A.admin.c, c, { ...sc, likelihood: undefined }), 400, 'required',
      'likelihood'],
    ['scenario: impact 6', mk.scenario(A.admin.c, c, { ...sc, impact: 6 }), 400, 'out_of_range', 'impact'],
    ['scenario: likelihood 0', mk.scenario(A.admin.c, c, { ...sc, likelihood: 0 }), 400, 'out_of_range',
      'likelihood'],
    ['scenario: likelihood a string', mk.scenario(A.admin.c, c, { ...sc, likelihood: '3' }), 400, 'invalid',
      'likelihood'],
    ['scenario: another client\'s threat source', mk.scenario(A.admin.c, c, { ...sc, threat_source_id: A.y.ts.id }),
      400, 'invalid', 'threat_source_id'],
    ['scenario: another firm\'s business asset', mk.scenario(A.admin.c, c, { ...sc, business_asset_id: B.x.ba.id }),
      400, 'invalid', 'business_asset_id'],
    ['scenario: a supporting asset id as business asset', mk.scenario(A.admin.c, c, { ...sc,
      business_asset_id: A.x.sa.id + 100000 }), 400, 'invalid', 'business_asset_id'],
    ['scenario: another client\'s supporting asset', mk.scenario(A.admin.c, c, { ...sc,
      supporting_asset_ids: [A.x.sa.id, A.y.sa.id] }), 400, 'invalid', 'supporting_asset_ids'],
    ['scenario: status on creation', mk.scenario(A.admin.c, c, { ...sc, status: 'retained' }), 400, 'unknown_field',
      'status'],
    ['PATCH business: empty name', A.admin.c.patch(`/api/v1/business-assets/${A.x.ba.id}`, { name: '' }), 400,
      'required', 'name'],
    ['PATCH supporting: null type', A.admin.c.patch(`/api/v1/supporting-assets/${A.x.sa.id}`, { type: null }), 400,
      'required', 'type'],
    ['PATCH scenario: likelihood null', A.admin.c.patch(`/api/v1/scenarios/${A.x.sc.id}`, { likelihood: null }),
      400, 'required', 'likelihood'],
    ['PATCH scenario: another client\'s business asset', A.admin.c.patch(`/api/v1/scenarios/${A.x.sc.id}`,
      { business_asset_id: A.y.ba.id }), 400, 'invalid', 'business_asset_id'],
    ['PATCH scenario: another firm\'s supporting asset', A.admin.c.patch(`/api/v1/scenarios/${A.x.sc.id}`,
      { supporting_asset_ids: [B.x.sa.id] }), 400, 'invalid', 'supporting_asset_ids'],
    ['PATCH threat: name of another threat source', (async () => {
      const t = await made(await mk.threat(A.admin.c, A.other.id, { name: 'Competitor', resources: 'important' }),
        'threat');
      return A.admin.c.patch(`/api/v1/threat-sources/${t.id}`, { name: 'ransomware GANG' });
    })(), 409, 'ra_name_taken', 'name'],
    ['malformed JSON', A.admin.c.request('POST', `/api/v1/clients/${c}/business-assets`, undefined,
      { raw: '{"name":' }), 400, 'invalid_json', 'body'],
  ];
  for (const [what, call, status, code, field] of cases) expectError(assert, what, await call, status, code, field);
  assert.deepEqual(snapshot(c), snap, 'nothing changed');
  assert.equal(audit(env, `id > ${before} AND client_id = ${c}`).length, 0, 'nothing audited');
});

test('what scenarios name cannot be deleted (409 ra_in_use), nothing changed', async () => {
  const c = A.client.id;
  const snap = snapshot(c);
  expectError(assert, 'business asset', await A.admin.c.del(`/api/v1/business-assets/${A.x.ba.id}`), 409, 'ra_in_use');
  expectError(assert, 'supporting asset', await A.admin.c.del(`/api/v1/supporting-assets/${A.x.sa.id}`), 409,
    'ra_in_use');
  expectError(assert, 'threat source', await A.admin.c.del(`/api/v1/threat-sources/${A.x.ts.id}`), 409, 'ra_in_use');
  assert.deepEqual(snapshot(c), snap);
});

test('retaining creates exactly one risk, linked both ways, in one audited step; twice changes nothing', async () => {
  const c = A.client.id;
  const { ba, ts } = A.x;
  const sc = await made(await mk.scenario(A.admin.c, c, { title: 'Site defaced', description: 'Old CMS',
    threat_source_id: ts.id, business_asset_id: ba.id, likelihood: 4, impact: 2 }), 'scenario');
  const count = riskCount(c);
  const before = maxAuditId(env);
  const r = await A.admin.c.post(`/api/v1/scenarios/${sc.id}/retain`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'retained');
  assert.equal(riskCount(c), count + 1, 'one risk recorded');
  const riskId = r.json.risk_id;
  assert.ok(riskId > 0);
  assert.equal(r.json.risk.id, riskId);
  assert.equal(r.json.risk_differs, false);
  const risk = (await A.admin.c.get(`/api/v1/risks/${riskId}`)).json;
  assert.equal(risk.scenario_id, sc.id, 'the risk names its scenario');
  assert.equal(risk.scenario_title, 'Site defaced');
  assert.equal(risk.title, 'Site defaced');
  assert.equal(risk.description, 'Old CMS');
  assert.equal(risk.asset, 'Payroll');
  assert.equal(risk.threat, 'Ransomware gang');
  assert.equal(risk.likelihood, 4);
  assert.equal(risk.impact, 2);
  assert.equal(risk.status, 'open');
  assert.equal(risk.owner_id, A.me.id, 'who retained it follows it');
  const rows = audit(env, `id > ${before}`);
  assert.deepEqual(rows.map((x) => x.action), ['risk.create', 'scenario.retain']);
  assert.ok(rows.every((x) => x.client_id === c));
  const d = JSON.parse(rows[1].raw);
  assert.deepEqual(d.status, { from: 'draft', to: 'retained' });
  assert.equal(d.risk_id, riskId);
  // Twice: the same risk, nothing written.
  const again = await A.admin.c.post(`/api/v1/scenarios/${sc.id}/retain`);
  assert.equal(again.status, 200);
  assert.equal(again.json.risk_id, riskId);
  assert.equal(riskCount(c), count + 1, 'no second risk');
  assert.equal(audit(env, `id > ${rows[1].id}`).length, 0, 'nothing audited');
  const list = await A.admin.c.get(`/api/v1/clients/${c}/scenarios?status=retained`);
  assert.deepEqual(list.json.items.map((x) => x.id), [sc.id]);
  const sum = await A.admin.c.get(`/api/v1/clients/${c}/risk-analysis`);
  assert.equal(sum.status, 200);
  assert.deepEqual(sum.json.scenarios, { total: 2, draft: 1, retained: 1, discarded: 0 });
  assert.equal(sum.json.business_assets, 1);
  assert.equal(sum.json.supporting_assets, 1);
  assert.equal(sum.json.threat_sources, 1);
  A.retained = { sc, riskId };
});

test('re-scoring shows how the risk differs; only sync-risk changes it, as an audited risk update', async () => {
  const c = A.client.id;
  const { sc, riskId } = A.retained;
  const before = maxAuditId(env);
  const row = riskRow(riskId);
  let r = await A.admin.c.patch(`/api/v1/scenarios/${sc.id}`, { likelihood: 5, title: 'Site defaced and down' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.risk_differs, true);
  assert.deepEqual(r.json.risk_diff, {
    title: { scenario: 'Site defaced and down', risk: 'Site defaced' },
    likelihood: { scenario: 5, risk: 4 },
  });
  assert.deepEqual(riskRow(riskId), row, 'the risk did not change');
  assert.equal(audit(env, `id > ${before} AND object_type = 'risk'`).length, 0);
  // Bad requests change nothing.
  expectError(assert, 'unknown field', await A.admin.c.post(`/api/v1/scenarios/${sc.id}/sync-risk`, { colour: 1 }),
    400, 'unknown_field', 'colour');
  expectError(assert, 'unknown key', await A.admin.c.post(`/api/v1/scenarios/${sc.id}/sync-risk`,
    { fields: ['owner_id'] }), 400, 'invalid', 'fields');
  expectError(assert, 'empty list', await A.admin.c.post(`/api/v1/scenarios/${sc.id}/sync-risk`, { fields: [] }),
    400, 'required', 'fields');
  assert.deepEqual(riskRow(riskId), row);
  // The default: the scores only.
  const mark = maxAuditId(env);
  r = await A.admin.c.post(`/api/v1/scenarios/${sc.id}/sync-risk`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.risk_diff, { title: { scenario: 'Site defaced and down', risk: 'Site defaced' } });
  assert.equal(r.json.risk.likelihood, 5);
  assert.equal(r.json.risk.score, 10);
  let risk = (await A.admin.c.get(`/api/v1/risks/${riskId}`)).json;
  assert.equal(risk.likelihood, 5);
  assert.equal(risk.title, 'Site defaced');
  let rows = audit(env, `id > ${mark}`);
  assert.deepEqual(rows.map((x) => x.action), ['risk.update', 'scenario.sync_risk']);
  assert.equal(rows[0].object_id, riskId);
  assert.equal(rows[0].client_id, c);
  assert.deepEqual(JSON.parse(rows[0].raw), { likelihood: { from: '4', to: '5' } });
  assert.deepEqual(JSON.parse(rows[1].raw), { risk_id: riskId, fields: ['likelihood'] });
  // Named fields: the title too.
  r = await A.admin.c.post(`/api/v1/scenarios/${sc.id}/sync-risk`, { fields: ['title', 'impact'] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.risk_differs, false);
  risk = (await A.admin.c.get(`/api/v1/risks/${riskId}`)).json;
  assert.equal(risk.title, 'Site defaced and down');
  // Nothing left to copy: nothing written.
  const mark2 = maxAuditId(env);
  r = await A.admin.c.post(`/api/v1/scenarios/${sc.id}/sync-risk`, { fields: ['likelihood', 'impact', 'title',
    'description'] });
  assert.equal(r.status, 200);
  assert.equal(audit(env, `id > ${mark2}`).length, 0);
  // Changes made in the register show as differences too.
  assert.equal((await A.admin.c.patch(`/api/v1/risks/${riskId}`, { impact: 5 })).status, 200);
  r = await A.admin.c.get(`/api/v1/scenarios/${sc.id}`);
  assert.deepEqual(r.json.risk_diff, { impact: { scenario: 2, risk: 5 } });
  rows = audit(env, `id > ${before} AND action = 'risk.update'`);
  assert.equal(rows.length, 3);
});

test('discarding a retained scenario leaves its risk in the register, linked; retaining again finds it', async () => {
  const c = A.client.id;
  const { sc, riskId } = A.retained;
  const row = riskRow(riskId);
  const count = riskCount(c);
  const before = maxAuditId(env);
  expectError(assert, 'a retained scenario is not deleted', await A.admin.c.del(`/api/v1/scenarios/${sc.id}`), 409,
    'ra_retained');
  let r = await A.admin.c.post(`/api/v1/scenarios/${sc.id}/discard`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'discarded');
  assert.equal(r.json.risk_id, riskId, 'still linked');
  assert.deepEqual(riskRow(riskId), row, 'the risk is untouched');
  assert.equal((await A.admin.c.get(`/api/v1/risks/${riskId}`)).json.scenario_id, sc.id);
  const rows = audit(env, `id > ${before}`);
  assert.deepEqual(rows.map((x) => x.action), ['scenario.discard']);
  assert.deepEqual(JSON.parse(rows[0].raw).status, { from: 'retained', to: 'discarded' });
  expectError(assert, 'sync of a discarded scenario', await A.admin.c.post(`/api/v1/scenarios/${sc.id}/sync-risk`),
    409, 'invalid_transition');
  r = await A.admin.c.post(`/api/v1/scenarios/${sc.id}/discard`);
  assert.equal(r.status, 200, 'twice is fine');
  assert.equal(audit(env, `id > ${rows[0].id}`).length, 0);
  r = await A.admin.c.post(`/api/v1/scenarios/${sc.id}/retain`);
  assert.equal(r.json.status, 'retained');
  assert.equal(r.json.risk_id, riskId, 'the same risk');
  assert.equal(riskCount(c), count, 'no new risk');
  // Deleted in the register: the scenario has no risk; retaining again records a new one.
  assert.equal((await A.admin.c.del(`/api/v1/risks/${riskId}`)).status, 204);
  r = await A.admin.c.get(`/api/v1/scenarios/${sc.id}`);
  assert.equal(r.json.status, 'retained');
  assert.equal(r.json.risk_id, null);
  expectError(assert, 'sync without a risk', await A.admin.c.post(`/api/v1/scenarios/${sc.id}/sync-risk`), 409,
    'ra_no_risk');
  r = await A.admin.c.post(`/api/v1/scenarios/${sc.id}/retain`);
  assert.ok(r.json.risk_id > 0 && r.json.risk_id !== riskId);
  assert.equal(riskCount(c), count, 'one risk again');
  // Discarded, then deleted: its risk stays, without a scenario.
  const newRisk = r.json.risk_id;
  assert.equal((await A.admin.c.post(`/api/v1/scenarios/${sc.id}/discard`)).status, 200);
  assert.equal((await A.admin.c.del(`/api/v1/scenarios/${sc.id}`)).status, 204);
  const gone = (await A.admin.c.get(`/api/v1/risks/${newRisk}`)).json;
  assert.equal(gone.scenario_id, null);
  assert.equal(gone.title, 'Site defaced and down');
});

test('a client without the module: every route answers 404, for its vCISO too', async () => {
  const c = A.off.id;
  const routes = (cl, ids) => [
    ['summary', () => A.admin.c.get(`/api/v1/clients/${cl}/risk-analysis`)],
    ...['business-assets', 'supporting-assets', 'threat-sources', 'scenarios'].flatMap((k) => [
      [`list ${k}`, () => A.admin.c.get(`/api/v1/clients/${cl}/${k}`)],
      [`create ${k}`, () => A.admin.c.post(`/api/v1/clients/${cl}/${k}`, { name: 'X' })],
      [`page ${k}`, () => A.admin.c.get(`/clients/${cl}/risk-analysis/${k}`)],
    ]),
    ['page summary', () => A.admin.c.get(`/clients/${cl}/risk-analysis`)],
    ...(ids ? [
      ['get business', () => A.admin.c.get(`/api/v1/business-assets/${ids.ba.id}`)],
      ['patch supporting', () => A.admin.c.patch(`/api/v1/supporting-assets/${ids.sa.id}`, { name: 'Y' })],
      ['delete threat', () => A.admin.c.del(`/api/v1/threat-sources/${ids.ts.id}`)],
      ['retain', () => A.admin.c.post(`/api/v1/scenarios/${ids.sc.id}/retain`)],
      ['discard', () => A.admin.c.post(`/api/v1/scenarios/${ids.sc.id}/discard`)],
      ['sync', () => A.admin.c.post(`/api/v1/scenarios/${ids.sc.id}/sync-risk`)],
      ['scenario page', () => A.admin.c.get(`/scenarios/${ids.sc.id}`)],
      ['retain form', () => A.admin.c.request('POST', `/scenarios/${ids.sc.id}/retain`, undefined,
        { raw: `csrf_token=${A.admin.c.csrf}`, contentType: 'application/x-www-form-urlencoded' })],
    ] : []),
  ];
  for (const [what, call] of routes(c)) {
    const r = await call();
    assert.equal(r.status, 404, `${what}: ${r.status}`);
  }
  // Switched off where there is an analysis: its items are gone from view,
  // and come back with the module, unchanged.
  const other = A.other.id;
  const snap = snapshot(other);
  assert.equal((await A.admin.c.patch(`/api/v1/clients/${other}`, { modules: [] })).status, 200);
  for (const [what, call] of routes(other, A.y)) {
    const r = await call();
    assert.equal(r.status, 404, `module off: ${what}: ${r.status}`);
  }
  // The side navigation links to it only when it is on.
  assert.doesNotMatch((await A.admin.c.get(`/clients/${other}/risks`)).text, /risk-analysis/);
  assert.equal((await A.admin.c.patch(`/api/v1/clients/${other}`, MODULE)).status, 200);
  assert.match((await A.admin.c.get(`/clients/${other}/risks`)).text,
    new RegExp(`href="/clients/${other}/risk-analysis"`));
  assert.deepEqual(snapshot(other), snap);
});

test('every route refuses another firm (404), non-vCISOs (403), support (403), no CSRF (403); nothing changes', async () => {
  const c = A.client.id;
  const { ba, sa, ts } = A.x;
  const sc = await made(await mk.scenario(A.admin.c, c, { title: 'Guarded', threat_source_id: ts.id,
    business_asset_id: ba.id, likelihood: 2, impact: 2 }), 'scenario');
  const snap = snapshot(c);
  const before = maxAuditId(env);
  const routes = (who, opts) => [
    ['summary', () => who.get(`/api/v1/clients/${c}/risk-analysis`)],
    ['list business', () => who.get(`/api/v1/clients/${c}/business-assets`)],
    ['create business', () => who.post(`/api/v1/clients/${c}/business-assets`, { name: 'Intruder' }, opts)],
    ['get business', () => who.get(`/api/v1/business-assets/${ba.id}`)],
    ['patch business', () => who.patch(`/api/v1/business-assets/${ba.id}`, { name: 'Hijacked' }, opts)],
    ['delete business', () => who.del(`/api/v1/business-assets/${ba.id}`, opts)],
    ['list supporting', () => who.get(`/api/v1/clients/${c}/supporting-assets`)],
    ['create supporting', () => who.post(`/api/v1/clients/${c}/supporting-assets`, { name: 'I', type: 'site' }, opts)],
    ['get supporting', () => who.get(`/api/v1/supporting-assets/${sa.id}`)],
    ['patch supporting', () => who.patch(`/api/v1/supporting-assets/${sa.id}`, { name: 'Hijacked' }, opts)],
    ['delete supporting', () => who.del(`/api/v1/supporting-assets/${sa.id}`, opts)],
    ['list threats', () => who.get(`/api/v1/clients/${c}/threat-sources`)],
    ['create threat', () => who.post(`/api/v1/clients/${c}/threat-sources`, { name: 'I', resources: 'limited' }, opts)],
    ['get threat', () => who.get(`/api/v1/threat-sources/${ts.id}`)],
    ['patch threat', () => who.patch(`/api/v1/threat-sources/${ts.id}`, { name: 'Hijacked' }, opts)],
    ['delete threat', () => who.del(`/api/v1/threat-sources/${ts.id}`, opts)],
    ['list scenarios', () => who.get(`/api/v1/clients/${c}/scenarios`)],
    ['create scenario', () => who.post(`/api/v1/clients/${c}/scenarios`, { title: 'I', threat_source_id: ts.id,
      business_asset_id: ba.id, likelihood: 1, impact: 1 }, opts)],
    ['get scenario', () => who.get(`/api/v1/scenarios/${sc.id}`)],
    ['patch scenario', () => who.patch(`/api/v1/scenarios/${sc.id}`, { title: 'Hijacked' }, opts)],
    ['delete scenario', () => who.del(`/api/v1/scenarios/${sc.id}`, opts)],
    ['retain', () => who.post(`/api/v1/scenarios/${sc.id}/retain`, undefined, opts)],
    ['discard', () => who.post(`/api/v1/scenarios/${sc.id}/discard`, undefined, opts)],
    ['sync', () => who.post(`/api/v1/scenarios/${sc.id}/sync-risk`, undefined, opts)],
  ];
  for (const [name, call] of routes(B.admin.c)) expectError(assert, `another firm: ${name}`, await call(), 404);
  for (const [name, call] of routes(A.am.c)) expectError(assert, `manager out of scope: ${name}`, await call(), 404);
  for (const [name, call] of routes(A.admin2.c)) {
    expectError(assert, `admin not on the team: ${name}`, await call(), 403, 'not_vciso');
  }
  for (const [name, call] of routes(support)) expectError(assert, `support: ${name}`, await call(), 403);
  for (const [name, call] of routes(A.admin.c, { csrf: false }).filter(([n]) => !/^(list|get|summary)/.test(n))) {
    expectError(assert, `no CSRF: ${name}`, await call(), 403);
  }
  expectError(assert, 'anonymous', await new Client(http).get(`/api/v1/scenarios/${sc.id}`), 401);
  expectError(assert, 'no such scenario', await A.admin.c.get('/api/v1/scenarios/99999999'), 404);
  // A's vCISO on B's client and items: the same 404.
  expectError(assert, 'A on B\'s client', await A.admin.c.get(`/api/v1/clients/${B.client.id}/scenarios`), 404);
  expectError(assert, 'A on B\'s scenario', await A.admin.c.post(`/api/v1/scenarios/${B.x.sc.id}/retain`), 404);
  expectError(assert, 'A on B\'s business asset', await A.admin.c.patch(`/api/v1/business-assets/${B.x.ba.id}`,
    { name: 'Hijacked' }), 404);
  assert.deepEqual(snapshot(c), snap, 'nothing changed');
  assert.equal(audit(env, `id > ${before}`).length, 0, 'nothing audited');
  assert.equal(sqlValue(env, `SELECT name FROM ra_business_assets WHERE id = ${B.x.ba.id}`), 'Payroll');
  assert.equal(sqlValue(env, `SELECT status FROM ra_scenarios WHERE id = ${B.x.sc.id}`), 'draft');
  // Pages: 404 for another firm, 403 for a non-vCISO.
  for (const p of [`/clients/${c}/risk-analysis`, `/clients/${c}/risk-analysis/scenarios`, `/scenarios/${sc.id}`,
    `/business-assets/${ba.id}`]) {
    assert.equal((await B.admin.c.get(p)).status, 404, `another firm: ${p}`);
    assert.equal((await A.admin2.c.get(p)).status, 403, `not on the team: ${p}`);
  }
  assert.equal((await A.admin.c.del(`/api/v1/scenarios/${sc.id}`)).status, 204);
});

test('the pages: steps with empty states, forms naming the field, decisions, the summary and the risk\'s origin', async () => {
  const c = (await makeClient(A.admin.c, MODULE)).id;
  const form = (fields) => ({ raw: new URLSearchParams({ csrf_token: A.admin.c.csrf, ...fields }).toString(),
    contentType: 'application/x-www-form-urlencoded' });
  const post = (p, fields) => A.admin.c.request('POST', p, undefined, form(fields));
  // Every page shown passes tidy without errors.
  const valid = (r, what) => {
    const t = tidy(r.text);
    assert.ok(t.status < 2, `${what}: tidy errors\n${t.output}`);
    return r;
  };
  let r = valid(await A.admin.c.get(`/clients/${c}/risk-analysis`), 'empty summary');
  assert.equal(r.status, 200);
  assert.match(r.text, /class="steps ra-steps"/);
  assert.match(r.text, /aria-current="step"/);
  assert.match(r.text, new RegExp(`href="/clients/${c}/risk-analysis/business-assets"`));
  assert.match(r.text, new RegExp(`<a href="/clients/${c}/risk-analysis" aria-current="page"`), 'side navigation');
  for (const k of ['business-assets', 'supporting-assets', 'threat-sources', 'scenarios']) {
    r = valid(await A.admin.c.get(`/clients/${c}/risk-analysis/${k}`), k);
    assert.equal(r.status, 200, k);
    assert.match(r.text, /id="ra-empty"/, `${k}: empty state`);
  }
  assert.match(r.text, /id="ra-needs"/, 'a scenario needs assets and threat sources first');
  // Business asset: refused, then made.
  r = valid(await post(`/clients/${c}/risk-analysis/business-assets`, { name: '', owner: 'Boss' }), 'refused form');
  assert.equal(r.status, 400);
  assert.match(r.text, /class="error-summary"/);
  assert.match(r.text, /id="err-name"/);
  assert.match(r.text, /value="Boss"/, 'what was typed is kept');
  r = await post(`/clients/${c}/risk-analysis/business-assets`, { name: 'Orders', description: 'Line 1\r\nLine 2',
    owner: '' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(r.headers.location, `/clients/${c}/risk-analysis/business-assets?done=ra_created`);
  const ba = Number(sqlValue(env, `SELECT MAX(id) FROM ra_business_assets WHERE client_id = ${c}`));
  r = await post(`/clients/${c}/risk-analysis/supporting-assets`, { name: 'ERP', type: 'software',
    business_asset_ids: String(ba), business_asset_ids_present: '1' });
  assert.equal(r.status, 303);
  const sa = Number(sqlValue(env, `SELECT MAX(id) FROM ra_supporting_assets WHERE client_id = ${c}`));
  r = valid(await A.admin.c.get(`/clients/${c}/risk-analysis/supporting-assets`), 'supporting assets');
  assert.match(r.text, new RegExp(`href="/supporting-assets/${sa}"`));
  assert.match(r.text, /Orders/, 'names the business assets it serves');
  r = await post(`/clients/${c}/risk-analysis/threat-sources`, { name: 'Competitor', motivation: '', resources: '' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="err-resources"/);
  r = await post(`/clients/${c}/risk-analysis/threat-sources`, { name: 'Competitor', motivation: 'Market share',
    resources: 'important' });
  assert.equal(r.status, 303);
  const ts = Number(sqlValue(env, `SELECT MAX(id) FROM ra_threat_sources WHERE client_id = ${c}`));
  r = valid(await A.admin.c.get(`/clients/${c}/risk-analysis/scenarios`), 'scenario form');
  assert.doesNotMatch(r.text, /id="ra-needs"/);
  assert.match(r.text, /name="threat_source_id"/);
  r = await post(`/clients/${c}/risk-analysis/scenarios`, { title: 'Orders leaked', threat_source_id: String(ts),
    business_asset_id: String(ba), supporting_asset_ids: String(sa), supporting_asset_ids_present: '1',
    likelihood: '9', impact: '3' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="err-likelihood"/);
  assert.match(r.text, new RegExp(`value="${sa}" checked`), 'checked boxes kept');
  r = await post(`/clients/${c}/risk-analysis/scenarios`, { title: 'Orders leaked', description: '',
    threat_source_id: String(ts), business_asset_id: String(ba), supporting_asset_ids: String(sa),
    supporting_asset_ids_present: '1', likelihood: '2', impact: '3' });
  assert.equal(r.status, 303);
  const sc = Number(sqlValue(env, `SELECT MAX(id) FROM ra_scenarios WHERE client_id = ${c}`));
  // Edit pages.
  r = valid(await A.admin.c.get(`/business-assets/${ba}`), 'business asset');
  assert.equal(r.status, 200);
  assert.match(r.text, /Line 1\nLine 2<\/textarea>/);
  assert.doesNotMatch(r.text, /data-confirm=/, 'named by a scenario: no delete button');
  r = await post(`/business-assets/${ba}`, { name: 'Orders book', description: '', owner: 'Sales' });
  assert.equal(r.status, 303);
  assert.equal(r.headers.location, `/business-assets/${ba}?done=ra_saved`);
  r = await post(`/business-assets/${ba}/delete`, {});
  assert.equal(r.status, 409, 'in use');
  assert.match(r.text, /class="error-summary"/);
  // Scenario: retain through the page; the risk names it.
  r = valid(await A.admin.c.get(`/scenarios/${sc}`), 'draft scenario');
  assert.equal(r.status, 200);
  assert.match(r.text, new RegExp(`action="/scenarios/${sc}/retain"`));
  r = await A.admin.c.request('POST', `/scenarios/${sc}/retain`, undefined,
    { raw: '', contentType: 'application/x-www-form-urlencoded', csrf: false });
  assert.equal(r.status, 403, 'no CSRF token');
  assert.equal(sqlValue(env, `SELECT status FROM ra_scenarios WHERE id = ${sc}`), 'draft');
  r = await post(`/scenarios/${sc}/retain`, {});
  assert.equal(r.status, 303);
  assert.equal(r.headers.location, `/scenarios/${sc}?done=ra_retained`);
  const risk = Number(sqlValue(env, `SELECT risk_id FROM ra_scenarios WHERE id = ${sc}`));
  r = await A.admin.c.get(`/scenarios/${sc}?done=ra_retained`);
  assert.match(r.text, /class="flash"/);
  assert.match(r.text, new RegExp(`href="/risks/${risk}"`));
  r = await A.admin.c.get(`/risks/${risk}`);
  assert.match(r.text, new RegExp(`id="risk-scenario"[^\n]*href="/scenarios/${sc}"`));
  // Re-scored: the page shows the difference and offers the update.
  r = await post(`/scenarios/${sc}`, { title: 'Orders leaked', description: '', threat_source_id: String(ts),
    business_asset_id: String(ba), supporting_asset_ids_present: '1', likelihood: '4', impact: '3' });
  assert.equal(r.status, 303);
  r = valid(await A.admin.c.get(`/scenarios/${sc}`), 'scenario with a difference');
  assert.match(r.text, /id="ra-diff"/);
  assert.match(r.text, /name="fields" value="likelihood" checked/);
  r = await post(`/scenarios/${sc}/sync-risk`, { fields: 'likelihood', fields_present: '1' });
  assert.equal(r.status, 303);
  assert.equal(r.headers.location, `/scenarios/${sc}?done=ra_synced`);
  assert.equal(sqlValue(env, `SELECT likelihood FROM risks WHERE id = ${risk}`), '4');
  assert.doesNotMatch((await A.admin.c.get(`/scenarios/${sc}`)).text, /id="ra-diff"/);
  r = await post(`/scenarios/${sc}/delete`, {});
  assert.equal(r.status, 409, 'retained');
  // The summary lists it with its risk.
  r = valid(await A.admin.c.get(`/clients/${c}/risk-analysis`), 'summary');
  assert.match(r.text, new RegExp(`href="/scenarios/${sc}"`));
  r = valid(await A.admin.c.get(`/clients/${c}/risk-analysis/scenarios?status=retained`), 'scenarios');
  assert.match(r.text, new RegExp(`href="/risks/${risk}"`));
  valid(await A.admin.c.get(`/threat-sources/${ts}`), 'threat source');
  valid(await A.admin.c.get(`/supporting-assets/${sa}`), 'supporting asset');
  valid(await A.admin.c.get(`/clients/${c}/risk-analysis/business-assets`), 'business assets');
  valid(await A.admin.c.get(`/clients/${c}/risk-analysis/threat-sources`), 'threat sources');
  r = await A.admin.c.get(`/clients/${c}/risk-analysis`);
  assert.match(r.text, new RegExp(`href="/risks/${risk}"`));
  r = await post(`/scenarios/${sc}/discard`, {});
  assert.equal(r.status, 303);
  assert.equal(sqlValue(env, `SELECT status FROM risks WHERE id = ${risk}`), 'open', 'the risk stays');
  r = await post(`/scenarios/${sc}/delete`, {});
  assert.equal(r.status, 303);
  assert.equal(r.headers.location, `/clients/${c}/risk-analysis/scenarios?done=ra_deleted`);
  // English.
  r = await A.admin.c.get(`/clients/${c}/risk-analysis?lang=en`);
  assert.match(r.text, /Risk analysis/);
});
