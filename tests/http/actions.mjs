// The action plan (SPEC §1 "Action plan", §4 `GET,POST /clients/{id}/actions`,
// `GET,PATCH,DELETE /actions/{id}`): the action object, validation naming
// the field, the owner among the client's active vCISOs, links to adopted
// requirements (and compliance items' action_ids), filters, sort and
// pages, the overdue rule, clients.open_actions and the Pilot's figures
// kept on every write, audit; every route refuses another firm (404,
// nothing changed), a firm user not declared vCISO (403, or 404 when out
// of its scope), support (403), a missing CSRF token; and the HTML pages
// and CSV export do the same.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  Client, auditRows, createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId, sql, sqlValue,
} from '../lib/identity.mjs';
import { audit, makeClient, parseCsv, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const ACTION_FIELDS = ['id', 'client_id', 'title', 'description', 'owner_id', 'due_date', 'priority', 'status',
  'progress', 'risk_ids', 'requirement_ids', 'resource_ids'];
const PAST = '2020-01-15';
const FUTURE = '2099-12-31';

const A = {};
const B = {};
let support;
let anssiReqs;
let csfReq;

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.admin.id = A.admin.c.user.id;
  A.client = await makeClient(A.admin.c);
  A.other = await makeClient(A.admin.c);
  // On the client's team: an account manager (an owner); off it: an
  // admin of the firm, an account manager of another client, a site
  // manager.
  A.vciso = await person(http, A.admin.c, 'account_manager', { client_ids: [A.client.id] });
  A.gone = await person(http, A.admin.c, 'account_manager', { client_ids: [A.client.id] });
  const off = await A.admin.c.patch(`/api/v1/users/${A.gone.id}`, { active: false });
  assert.equal(off.status, 200, off.text);
  A.admin2 = await person(http, A.admin.c, 'admin');
  A.am = await person(http, A.admin.c, 'account_manager', { client_ids: [A.other.id] });
  A.em = await person(http, A.admin.c, 'establishment_manager');
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  B.admin.id = B.admin.c.user.id;
  B.client = await makeClient(B.admin.c);
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
  const fws = (await A.admin.c.get('/api/v1/frameworks')).json.items;
  const anssi = fws.find((f) => f.code === 'anssi-hygiene');
  const csf = fws.find((f) => f.code === 'nist-csf');
  const adopt = await A.admin.c.post(`/api/v1/clients/${A.client.id}/frameworks`, { framework_id: anssi.id });
  assert.equal(adopt.status, 201, adopt.text);
  A.anssi = anssi.id;
  anssiReqs = (await A.admin.c.get(`/api/v1/frameworks/${anssi.id}`)).json.requirements
    .filter((r) => r.assessable).map((r) => r.id);
  csfReq = (await A.admin.c.get(`/api/v1/frameworks/${csf.id}`)).json.requirements.find((r) => r.assessable).id;
});

const actionCount = (client) => Number(sqlValue(env, `SELECT COUNT(*) FROM actions WHERE client_id = ${client}`));
const openColumn = (client) => Number(sqlValue(env, `SELECT open_actions FROM clients WHERE id = ${client}`));
const actionRow = (id) => sql(env, `SELECT id, client_id, title, description, owner_id, due_date, priority, status,
  progress, updated_at FROM actions WHERE id = ${Number(id)}`)[0] ?? null;
const links = (id) => sql(env, `SELECT requirement_id FROM action_requirements WHERE action_id = ${Number(id)}
  ORDER BY requirement_id`).map((r) => Number(r[0]));
const create = (who, body, client = A.client.id) => who.post(`/api/v1/clients/${client}/actions`, body);
async function made(body, client = A.client.id) {
  const r = await create(A.admin.c, body, client);
  assert.equal(r.status, 201, r.text);
  return r.json;
}
const pilotActions = async (client = A.client.id) => (await A.admin.c.get(`/api/v1/clients/${client}/pilot`)).json.actions;

test('creating an action: the SPEC shape, defaults, links, audit, open_actions and the Pilot', async () => {
  const c = A.client.id;
  assert.equal((await A.admin.c.get(`/api/v1/clients/${c}`)).json.open_actions, 0, 'none yet');
  assert.deepEqual(await pilotActions(), { open: 0, done: 0, overdue: 0 });
  const before = maxAuditId(env);
  const r = await create(A.admin.c, { title: '  Offline backups  ', description: 'Weekly,\r\ntested', owner_id: A.vciso.id,
    due_date: FUTURE, priority: 'critical', status: 'in_progress', progress: 30,
    requirement_ids: [anssiReqs[3], anssiReqs[1], anssiReqs[3]], risk_ids: [], resource_ids: [] });
  assert.equal(r.status, 201, r.text);
  for (const f of ACTION_FIELDS) assert.ok(f in r.json, `action.${f}`);
  const a = r.json;
  assert.equal(a.client_id, c);
  assert.equal(a.title, 'Offline backups', 'trimmed');
  assert.equal(a.description, 'Weekly,\ntested');
  assert.equal(a.owner_id, A.vciso.id);
  assert.equal(a.due_date, FUTURE);
  assert.equal(a.priority, 'critical');
  assert.equal(a.status, 'in_progress');
  assert.equal(a.progress, 30);
  assert.equal(a.overdue, false);
  assert.deepEqual(a.requirement_ids, [anssiReqs[1], anssiReqs[3]].sort((x, y) => x - y), 'each once');
  assert.deepEqual(a.risk_ids, []);
  assert.deepEqual(a.resource_ids, []);
  const g = await A.admin.c.get(`/api/v1/actions/${a.id}`);
  assert.equal(g.status, 200);
  assert.deepEqual(g.json, a);
  const rows = audit(env, `id > ${before} AND action = 'action.create'`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].client_id, c);
  assert.equal(rows[0].object_type, 'action');
  assert.equal(rows[0].object_id, a.id);
  assert.equal(rows[0].user_id, A.admin.id);
  // Defaults: medium, todo, 0 %, no owner, no due date.
  const d = await made({ title: 'Minimal' });
  assert.equal(d.priority, 'medium');
  assert.equal(d.status, 'todo');
  assert.equal(d.progress, 0);
  assert.equal(d.owner_id, null);
  assert.equal(d.due_date, null);
  assert.equal(d.description, '');
  // Created done: 100 %.
  const done = await made({ title: 'Already done', status: 'done', progress: 20 });
  assert.equal(done.progress, 100);
  assert.equal((await A.admin.c.get(`/api/v1/clients/${c}`)).json.open_actions, 2, 'todo and in_progress count');
  assert.equal(openColumn(c), 2);
  assert.deepEqual(await pilotActions(), { open: 2, done: 1, overdue: 0 });
  // The compliance items name the actions linked to them.
  const items = (await A.admin.c.get(`/api/v1/clients/${c}/compliance?framework_id=${A.anssi}&limit=10`)).json.items;
  assert.deepEqual(items.find((x) => x.requirement_id === anssiReqs[1]).action_ids, [a.id]);
  assert.deepEqual(items.find((x) => x.requirement_id === anssiReqs[0]).action_ids, []);
  const one = await A.admin.c.patch(`/api/v1/clients/${c}/compliance/${anssiReqs[3]}`, { status: 'partial' });
  assert.deepEqual(one.json.action_ids, [a.id]);
  for (const x of [a.id, d.id, done.id]) await A.admin.c.del(`/api/v1/actions/${x}`);
});

test('bad input answers 400 naming the field, and writes nothing', async () => {
  const c = A.client.id;
  const count = actionCount(c);
  const ok = { title: 'T' };
  const cases = [
    ['no title', {}, 'required', 'title'],
    ['empty title', { title: '   ' }, 'required', 'title'],
    ['title too long', { title: 'x'.repeat(201) }, 'too_long', 'title'],
    ['title a number', { title: 12 }, 'invalid', 'title'],
    ['two-line title', { title: 'a\nb' }, 'invalid', 'title'],
    ['description too long', { ...ok, description: 'x'.repeat(10001) }, 'too_long', 'description'],
    ['bad priority', { ...ok, priority: 'urgent' }, 'invalid', 'priority'],
    ['bad status', { ...ok, status: 'open' }, 'invalid', 'status'],
    ['progress above 100', { ...ok, progress: 101 }, 'out_of_range', 'progress'],
    ['negative progress', { ...ok, progress: -1 }, 'out_of_range', 'progress'],
    ['progress a string', { ...ok, progress: '50' }, 'invalid', 'progress'],
    ['progress null', { ...ok, progress: null }, 'required', 'progress'],
    ['progress a fraction', { ...ok, progress: 12.5 }, 'invalid', 'progress'],
    ['30 February', { ...ok, due_date: '2026-02-30' }, 'invalid', 'due_date'],
    ['29 February 2100', { ...ok, due_date: '2100-02-29' }, 'invalid', 'due_date'],
    ['date as DD/MM/YYYY', { ...ok, due_date: '31/12/2026' }, 'invalid', 'due_date'],
    ['date with a time', { ...ok, due_date: '2026-12-31T10:00:00Z' }, 'invalid', 'due_date'],
    ['date a number', { ...ok, due_date: 20261231 }, 'invalid', 'due_date'],
    ['owner not on the team', { ...ok, owner_id: A.admin2.id }, 'invalid', 'owner_id'],
    ['owner of another client', { ...ok, owner_id: A.am.id }, 'invalid', 'owner_id'],
    ['owner of another firm', { ...ok, owner_id: B.admin.id }, 'invalid', 'owner_id'],
    ['owner disabled', { ...ok, owner_id: A.gone.id }, 'invalid', 'owner_id'],
    ['owner unknown', { ...ok, owner_id: 99999999 }, 'invalid', 'owner_id'],
    ['owner a string', { ...ok, owner_id: String(A.vciso.id) }, 'invalid', 'owner_id'],
    ['requirement of a framework not adopted', { ...ok, requirement_ids: [csfReq] }, 'invalid', 'requirement_ids'],
    ['requirement unknown', { ...ok, requirement_ids: [anssiReqs[0], 99999999] }, 'invalid', 'requirement_ids'],
    ['requirement ids not a list', { ...ok, requirement_ids: anssiReqs[0] }, 'invalid', 'requirement_ids'],
    ['requirement id a string', { ...ok, requirement_ids: [String(anssiReqs[0])] }, 'invalid', 'requirement_ids'],
    ['a risk that is not this client\'s', { ...ok, risk_ids: [99999999] }, 'not_found', 'risk_ids'],
    ['a resource that does not exist yet', { ...ok, resource_ids: [1] }, 'not_found', 'resource_ids'],
    ['unknown field', { ...ok, colour: 'red' }, 'unknown_field', 'colour'],
  ];
  for (const [what, body, code, field] of cases) {
    expectError(assert, what, await create(A.admin.c, body), code === 'not_found' ? 404 : 400, code, field);
  }
  const malformed = await A.admin.c.request('POST', `/api/v1/clients/${c}/actions`, undefined,
    { raw: '{"title":', contentType: 'application/json' });
  assert.equal(malformed.status, 400);
  assert.equal(actionCount(c), count, 'nothing created');
  assert.equal(openColumn(c), 0);
  // The same rules for a change, on an existing action.
  const a = await made({ title: 'To change', owner_id: A.vciso.id });
  const row = actionRow(a.id);
  for (const [what, body, code, field] of cases.slice(1)) {
    // A title is not required in a change, but never empty.
    const want = what === 'empty title' ? 'invalid' : code;
    expectError(assert, `PATCH: ${what}`, await A.admin.c.patch(`/api/v1/actions/${a.id}`, body),
      code === 'not_found' ? 404 : 400, want, field);
  }
  assert.deepEqual(actionRow(a.id), row, 'action unchanged');
  await A.admin.c.del(`/api/v1/actions/${a.id}`);
});

test('changing an action: any subset, done means 100 %, the overdue rule, open_actions and audit follow', async () => {
  const c = A.client.id;
  const a = await made({ title: 'Patch me', description: 'first', owner_id: A.vciso.id, due_date: FUTURE,
    priority: 'low', progress: 10, requirement_ids: [anssiReqs[0]] });
  assert.equal(openColumn(c), 1);
  let before = maxAuditId(env);
  let r = await A.admin.c.patch(`/api/v1/actions/${a.id}`, { priority: 'high', progress: 60 });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.priority, 'high');
  assert.equal(r.json.progress, 60);
  assert.equal(r.json.title, 'Patch me', 'other fields kept');
  assert.equal(r.json.description, 'first');
  assert.equal(r.json.owner_id, A.vciso.id);
  assert.deepEqual(r.json.requirement_ids, [anssiReqs[0]]);
  let rows = audit(env, `id > ${before} AND action = 'action.update'`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].client_id, c);
  assert.equal(rows[0].object_id, a.id);
  const details = JSON.parse(rows[0].raw);
  assert.deepEqual(details.priority, { from: 'low', to: 'high' });
  assert.deepEqual(details.progress, { from: 10, to: 60 });
  assert.equal(details.title, undefined, 'unchanged fields not recorded');

  // Overdue: open and past its due date; a cleared date or done is not.
  r = await A.admin.c.patch(`/api/v1/actions/${a.id}`, { due_date: PAST });
  assert.equal(r.json.overdue, true);
  assert.deepEqual(await pilotActions(), { open: 1, done: 0, overdue: 1 });
  let list = await A.admin.c.get(`/api/v1/clients/${c}/actions?overdue=1`);
  assert.deepEqual(list.json.items.map((x) => x.id), [a.id]);
  r = await A.admin.c.patch(`/api/v1/actions/${a.id}`, { due_date: null, description: '', owner_id: null,
    requirement_ids: [anssiReqs[2], anssiReqs[1]] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.due_date, null);
  assert.equal(r.json.overdue, false);
  assert.equal(r.json.description, '');
  assert.equal(r.json.owner_id, null);
  assert.deepEqual(links(a.id), [anssiReqs[1], anssiReqs[2]].sort((x, y) => x - y));
  r = await A.admin.c.patch(`/api/v1/actions/${a.id}`, { due_date: PAST, status: 'done' });
  assert.equal(r.json.status, 'done');
  assert.equal(r.json.progress, 100, 'done means 100 %');
  assert.equal(r.json.overdue, false, 'a done action is never overdue');
  assert.equal(openColumn(c), 0);
  assert.equal((await A.admin.c.get(`/api/v1/clients/${c}`)).json.open_actions, 0);
  assert.deepEqual(await pilotActions(), { open: 0, done: 1, overdue: 0 });
  r = await A.admin.c.patch(`/api/v1/actions/${a.id}`, { status: 'in_progress', progress: 80 });
  assert.equal(r.json.progress, 80);
  assert.equal(openColumn(c), 1, 'reopened');
  r = await A.admin.c.patch(`/api/v1/actions/${a.id}`, { status: 'cancelled' });
  assert.equal(openColumn(c), 0, 'cancelled is not open');
  assert.deepEqual(await pilotActions(), { open: 0, done: 0, overdue: 0 });
  // The same values again change nothing and record nothing.
  before = maxAuditId(env);
  r = await A.admin.c.patch(`/api/v1/actions/${a.id}`, { status: 'cancelled', title: 'Patch me' });
  assert.equal(r.status, 200);
  rows = audit(env, `id > ${before}`);
  assert.equal(rows.length, 0);
  // A vCISO who is not admin changes it too.
  r = await A.vciso.c.patch(`/api/v1/actions/${a.id}`, { title: 'By the manager', owner_id: A.vciso.id });
  assert.equal(r.status, 200, r.text);
  await A.admin.c.del(`/api/v1/actions/${a.id}`);
});

test('listing: filters, sort (due dates first, then none), pages; bad parameters name themselves', async () => {
  const c = (await makeClient(A.admin.c, { vciso_ids: [A.admin.id, A.vciso.id] })).id;
  const tag = `L${Date.now().toString(36)}`;
  const mk = (body) => made({ ...body, title: `${tag} ${body.title}` }, c);
  const x1 = await mk({ title: 'one', due_date: '2099-03-01', priority: 'low' });
  const x2 = await mk({ title: 'two', due_date: '2099-01-01', priority: 'critical', owner_id: A.vciso.id });
  const x3 = await mk({ title: 'three', priority: 'high', status: 'in_progress', owner_id: A.vciso.id });
  const x4 = await mk({ title: 'four', due_date: PAST, priority: 'medium' });
  const x5 = await mk({ title: 'five', due_date: PAST, status: 'done' });
  const get = (qs, who = A.admin.c) => who.get(`/api/v1/clients/${c}/actions${qs}`);
  let r = await get('');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.total, 5);
  for (const f of ACTION_FIELDS) assert.ok(f in r.json.items[0], `item.${f}`);
  assert.deepEqual(r.json.items.map((x) => x.id), [x4.id, x5.id, x2.id, x1.id, x3.id], 'by due date, none last');
  r = await get('?sort=due_date&dir=desc');
  assert.deepEqual(r.json.items.map((x) => x.id), [x1.id, x2.id, x4.id, x5.id, x3.id], 'none last both ways');
  r = await get('?sort=priority');
  assert.deepEqual(r.json.items.map((x) => x.priority).slice(0, 3), ['critical', 'high', 'medium']);
  r = await get('?sort=priority&dir=asc');
  assert.equal(r.json.items[0].priority, 'low');
  r = await get('?sort=updated_at');
  assert.equal(r.json.total, 5);
  r = await get('?status=in_progress');
  assert.deepEqual(r.json.items.map((x) => x.id), [x3.id]);
  r = await get('?priority=critical');
  assert.deepEqual(r.json.items.map((x) => x.id), [x2.id]);
  r = await get('?overdue=1');
  assert.deepEqual(r.json.items.map((x) => x.id), [x4.id], 'done is never overdue');
  r = await get('?mine=1', A.vciso.c);
  assert.deepEqual(r.json.items.map((x) => x.id).sort(), [x2.id, x3.id].sort());
  r = await get('?mine=1');
  assert.equal(r.json.total, 0, 'the admin owns none');
  r = await get(`?q=${encodeURIComponent('thr')}`);
  assert.deepEqual(r.json.items.map((x) => x.id), [x3.id]);
  r = await get('?q=%25');
  assert.equal(r.json.total, 0, '% matched literally');
  r = await get('?limit=2&offset=2');
  assert.equal(r.json.total, 5);
  assert.deepEqual(r.json.items.map((x) => x.id), [x2.id, x1.id]);
  for (const [qs, field] of [['?status=open', 'status'], ['?priority=p1', 'priority'], ['?sort=title', 'sort'],
    ['?dir=up', 'dir'], ['?mine=yes', 'mine'], ['?overdue=2', 'overdue'], ['?limit=0', 'limit'],
    ['?limit=501', 'limit'], ['?offset=-1', 'offset'], [`?q=${'x'.repeat(201)}`, 'q']]) {
    expectError(assert, qs.slice(0, 20), await get(qs), 400, undefined, field);
  }
  assert.deepEqual(await pilotActions(c), { open: 4, done: 1, overdue: 1 });
  assert.equal((await A.admin.c.get(`/api/v1/clients/${c}`)).json.open_actions, 4);
  const listed = (await A.admin.c.get(`/api/v1/clients?q=${encodeURIComponent((await A.admin.c.get(`/api/v1/clients/${c}`)).json.name)}`)).json.items[0];
  assert.equal(listed.open_actions, 4, 'the client list shows the column');
});

test('every route refuses another firm (404), a non-vCISO (403 or 404), support (403), no CSRF (403): nothing changes', async () => {
  const c = A.client.id;
  const a = await made({ title: 'Guarded', owner_id: A.vciso.id, requirement_ids: [anssiReqs[0]] });
  const row = actionRow(a.id);
  const count = actionCount(c);
  const bAction = (await B.admin.c.post(`/api/v1/clients/${B.client.id}/actions`, { title: 'B own' })).json;
  const bRow = actionRow(bAction.id);
  const calls = (who, opts) => [
    ['list', () => who.get(`/api/v1/clients/${c}/actions`, opts)],
    ['create', () => who.post(`/api/v1/clients/${c}/actions`, { title: 'Intruder' }, opts)],
    ['get', () => who.get(`/api/v1/actions/${a.id}`, opts)],
    ['patch', () => who.patch(`/api/v1/actions/${a.id}`, { title: 'Intruder' }, opts)],
    ['delete', () => who.del(`/api/v1/actions/${a.id}`, opts)],
  ];
  for (const [name, call] of calls(B.admin.c)) expectError(assert, `another firm: ${name}`, await call(), 404);
  for (const [name, call] of calls(A.admin2.c)) expectError(assert, `admin not on the team: ${name}`, await call(), 403, 'not_vciso');
  for (const [name, call] of calls(A.am.c)) expectError(assert, `manager out of scope: ${name}`, await call(), 404);
  for (const [name, call] of calls(A.em.c)) expectError(assert, `site manager: ${name}`, await call(), 404);
  for (const [name, call] of calls(support)) expectError(assert, `support: ${name}`, await call(), 403);
  for (const [name, call] of calls(new Client(http))) expectError(assert, `anonymous: ${name}`, await call(), 401);
  for (const [name, call] of calls(A.admin.c, { csrf: false }).filter(([n]) => !['list', 'get'].includes(n))) {
    expectError(assert, `no CSRF: ${name}`, await call(), 403);
  }
  // A's vCISO on B's action, by its id: absent.
  for (const r of [await A.admin.c.get(`/api/v1/actions/${bAction.id}`),
    await A.admin.c.patch(`/api/v1/actions/${bAction.id}`, { title: 'Intruder' }),
    await A.admin.c.del(`/api/v1/actions/${bAction.id}`),
    await A.admin.c.get(`/api/v1/clients/${B.client.id}/actions`),
    await A.admin.c.post(`/api/v1/clients/${B.client.id}/actions`, { title: 'Intruder' })]) expectError(assert, 'A on B', r, 404);
  expectError(assert, 'unknown action', await A.admin.c.get('/api/v1/actions/99999999'), 404);
  // B's own owner and requirements do not reach A's client either.
  expectError(assert, 'B cannot link into A', await B.admin.c.post(`/api/v1/clients/${B.client.id}/actions`,
    { title: 'x', requirement_ids: [anssiReqs[0]] }), 400, 'invalid', 'requirement_ids');
  assert.deepEqual(actionRow(a.id), row, 'A\'s action unchanged');
  assert.deepEqual(links(a.id), [anssiReqs[0]]);
  assert.deepEqual(actionRow(bAction.id), bRow, 'B\'s action unchanged');
  assert.equal(actionCount(c), count, 'nothing created');
  assert.equal(openColumn(c), 1);
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM actions WHERE title = 'Intruder'`)), 0);
  await A.admin.c.del(`/api/v1/actions/${a.id}`);
});

test('actions treat risks: risk_ids on the action, action_ids on the risk; another client\'s or firm\'s risk is not found', async () => {
  const risk = async (who, client, title) => {
    const r = await who.post(`/api/v1/clients/${client}/risks`, { title, likelihood: 3, impact: 4 });
    assert.equal(r.status, 201, r.text);
    return r.json.id;
  };
  const r1 = await risk(A.admin.c, A.client.id, 'Phishing');
  const r2 = await risk(A.admin.c, A.client.id, 'Ransomware');
  const otherClient = await risk(A.admin.c, A.other.id, 'Elsewhere');
  const otherFirm = await risk(B.admin.c, B.client.id, 'Other firm');
  const a = await made({ title: 'Train the staff', risk_ids: [r2, r1, r2] });
  assert.deepEqual(a.risk_ids, [r1, r2].sort((x, y) => x - y));
  let got = await A.admin.c.get(`/api/v1/risks/${r1}`);
  assert.deepEqual(got.json.action_ids, [a.id]);
  const before = maxAuditId(env);
  let r = await A.admin.c.patch(`/api/v1/actions/${a.id}`, { risk_ids: [r2] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.risk_ids, [r2]);
  assert.deepEqual((await A.admin.c.get(`/api/v1/risks/${r1}`)).json.action_ids, []);
  const row = auditRows(env, `id > ${before} AND action = 'action.update' AND object_id = ${a.id}`);
  assert.equal(row.length, 1);
  assert.deepEqual(row[0].details.risk_ids, { from: [r1, r2].sort((x, y) => x - y), to: [r2] });
  for (const [what, id] of [['another client\'s risk', otherClient], ['another firm\'s risk', otherFirm]]) {
    expectError(assert, what, await A.admin.c.patch(`/api/v1/actions/${a.id}`, { risk_ids: [id] }), 404,
      'not_found', 'risk_ids');
  }
  assert.deepEqual((await A.admin.c.get(`/api/v1/actions/${a.id}`)).json.risk_ids, [r2], 'unchanged');
  // A deleted risk leaves the action, without its link.
  r = await A.admin.c.del(`/api/v1/risks/${r2}`);
  assert.equal(r.status, 204);
  assert.deepEqual((await A.admin.c.get(`/api/v1/actions/${a.id}`)).json.risk_ids, []);
  got = await A.admin.c.get(`/api/v1/actions/${a.id}`);
  assert.equal(got.status, 200);
  // Leave the client's plan as the other tests expect it.
  assert.equal((await A.admin.c.del(`/api/v1/actions/${a.id}`)).status, 204);
  assert.equal((await A.admin.c.del(`/api/v1/risks/${r1}`)).status, 204);
});

test('deleting: 204, gone with its links, open_actions down, audited', async () => {
  const c = A.client.id;
  const a = await made({ title: 'Delete me', requirement_ids: [anssiReqs[5]] });
  assert.equal(openColumn(c), 1);
  const before = maxAuditId(env);
  const r = await A.vciso.c.del(`/api/v1/actions/${a.id}`);
  assert.equal(r.status, 204, r.text);
  assert.equal(r.text, '');
  expectError(assert, 'deleted', await A.admin.c.get(`/api/v1/actions/${a.id}`), 404);
  expectError(assert, 'deleted twice', await A.admin.c.del(`/api/v1/actions/${a.id}`), 404);
  assert.equal(actionRow(a.id), null);
  assert.deepEqual(links(a.id), []);
  assert.equal(openColumn(c), 0);
  const rows = audit(env, `id > ${before} AND action = 'action.delete'`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].client_id, c);
  assert.equal(rows[0].object_id, a.id);
  assert.equal(rows[0].user_id, A.vciso.id);
});

test('the pages: list, form, create, edit, delete and CSV export, with the same rules', async () => {
  const c = A.client.id;
  const form = (who, fields) => ({ raw: new URLSearchParams([['csrf_token', who.csrf], ...fields]).toString(),
    contentType: 'application/x-www-form-urlencoded' });
  const post = (p, fields, who = A.admin.c) => who.request('POST', p, undefined, form(who, fields));
  let r = await A.admin.c.get(`/clients/${c}/actions`);
  assert.equal(r.status, 200);
  assert.match(r.text, /class="empty"/, 'empty state');
  assert.match(r.text, new RegExp(`href="/clients/${c}/actions/new"`));
  r = await A.admin.c.get(`/clients/${c}/actions/new`);
  assert.equal(r.status, 200);
  const owners = r.text.match(/<select id="f-owner_id"[^]*?<\/select>/)[0];
  assert.match(owners, new RegExp(`<option value="${A.vciso.id}"`), 'the team as owners');
  assert.doesNotMatch(owners, new RegExp(`<option value="${A.admin2.id}"`), 'not the others');
  assert.doesNotMatch(owners, new RegExp(`<option value="${A.gone.id}"`), 'nor the disabled');
  assert.match(r.text, new RegExp(`name="requirement_ids" value="${anssiReqs[0]}"`));
  // Refused: the form again, with the error, status 400.
  r = await post(`/clients/${c}/actions`, [['title', 'Form action'], ['due_date', '2026-02-30'],
    ['priority', 'high'], ['status', 'todo'], ['progress', '0'], ['owner_id', '']]);
  assert.equal(r.status, 400);
  assert.match(r.text, /class="error-summary"/);
  assert.match(r.text, /value="Form action"/, 'what was typed is kept');
  r = await post(`/clients/${c}/actions`, [['title', '=HYPERLINK("http://x")'], ['description', 'line 1\r\nline 2'],
    ['due_date', PAST], ['priority', 'high'], ['status', 'todo'], ['progress', '20'], ['owner_id', String(A.vciso.id)],
    ['requirement_ids_present', '1'], ['requirement_ids', String(anssiReqs[0])], ['requirement_ids', String(anssiReqs[1])]]);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.match(r.headers.location, new RegExp(`^/clients/${c}/actions\\?done=action_created#action-\\d+$`));
  const id = Number(r.headers.location.match(/#action-(\d+)$/)[1]);
  let a = (await A.admin.c.get(`/api/v1/actions/${id}`)).json;
  assert.equal(a.owner_id, A.vciso.id);
  assert.equal(a.description, 'line 1\nline 2');
  assert.deepEqual(a.requirement_ids, [anssiReqs[0], anssiReqs[1]].sort((x, y) => x - y));
  assert.equal(openColumn(c), 1);
  r = await A.admin.c.get(r.headers.location);
  assert.match(r.text, new RegExp(`<tr id="action-${id}" class="overdue">`), 'overdue row highlighted');
  assert.match(r.text, /class="progress"/);
  assert.match(r.text, /class="flash"/);
  r = await A.admin.c.get(`/clients/${c}/actions?overdue=1&mine=1&status=todo&priority=high&sort=priority&dir=desc&page=1`);
  assert.equal(r.status, 200);
  assert.match(r.text, /class="empty"/, 'the admin owns none');
  r = await A.admin.c.get(`/actions/${id}`);
  assert.equal(r.status, 200);
  assert.match(r.text, /data-confirm=/);
  assert.match(r.text, new RegExp(`value="${anssiReqs[1]}" checked`));
  // Edit: every field sent by the form; an empty list unlinks all.
  r = await post(`/actions/${id}`, [['title', 'Edited'], ['description', ''], ['due_date', ''], ['priority', 'low'],
    ['status', 'done'], ['progress', '10'], ['owner_id', ''], ['requirement_ids_present', '1']]);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  a = (await A.admin.c.get(`/api/v1/actions/${id}`)).json;
  assert.deepEqual([a.title, a.description, a.due_date, a.priority, a.status, a.progress, a.owner_id, a.requirement_ids],
    ['Edited', '', null, 'low', 'done', 100, null, []]);
  assert.equal(openColumn(c), 0);
  r = await post(`/actions/${id}`, [['title', 'Edited'], ['progress', '300']]);
  assert.equal(r.status, 400);
  assert.match(r.text, /class="error-summary"/);
  // The Pilot shows the figures and a link to the plan.
  r = await A.admin.c.get(`/clients/${c}/pilot`);
  assert.match(r.text, new RegExp(`href="/clients/${c}/actions"`));
  assert.match(r.text, /id="pilot-actions"/);
  // CSV: BOM, ';', formulas neutralised.
  await A.admin.c.patch(`/api/v1/actions/${id}`, { title: '=HYPERLINK("http://x")' });
  // As bytes: fetch's text() would drop the BOM.
  const res = await fetch(`${env.BASE_URL}/clients/${c}/actions.csv`, { headers: { cookie: A.admin.c.cookieHeader() },
    redirect: 'manual', signal: AbortSignal.timeout(30000) });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/csv/);
  assert.match(res.headers.get('content-disposition'), /attachment/);
  const buf = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
  const rows = parseCsv(buf.subarray(3).toString('utf8'));
  assert.deepEqual(rows[0].slice(0, 3), ['id', 'title', 'description']);
  const mine = rows.find((x) => x[0] === String(id));
  assert.equal(mine[1], '\'=HYPERLINK("http://x")', 'neutralised for spreadsheets');
  // Others: the same gates as the API.
  for (const p of [`/clients/${c}/actions`, `/clients/${c}/actions/new`, `/actions/${id}`, `/clients/${c}/actions.csv`]) {
    assert.equal((await A.admin2.c.get(p)).status, 403, `admin not on the team: ${p}`);
    assert.equal((await B.admin.c.get(p)).status, 404, `another firm: ${p}`);
    assert.equal((await A.am.c.get(p)).status, 404, `out of scope: ${p}`);
    assert.equal((await support.get(p)).status, 403, `support: ${p}`);
  }
  assert.equal((await post(`/actions/${id}/delete`, [], B.admin.c)).status, 404);
  assert.equal((await post(`/actions/${id}`, [['title', 'Intruder']], A.admin2.c)).status, 403);
  const noCsrf = await A.admin.c.request('POST', `/actions/${id}/delete`, undefined,
    { raw: '', contentType: 'application/x-www-form-urlencoded', csrf: false });
  assert.equal(noCsrf.status, 403);
  assert.equal(actionRow(id)[2], '=HYPERLINK("http://x")', 'still there');
  r = await post(`/actions/${id}/delete`, []);
  assert.equal(r.status, 303);
  assert.equal(r.headers.location, `/clients/${c}/actions?done=action_deleted`);
  assert.equal(actionRow(id), null);
});
