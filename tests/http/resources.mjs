// Resources of the Pilot space (SPEC §1 "Resources", §4 `GET,POST
// /clients/{id}/resources`, `GET,PATCH,DELETE /resources/{id}`): the
// resource object, validation naming the field, the workflow (draft →
// approved → published) and the version bumped on each edit of an approved
// resource, publishing gated by the `publication` feature, requirement tags
// (the evidence of compliance items), links from actions, the Markdown body
// rendered safely (raw HTML and javascript: links dropped), filters, sort
// and pages, the Pilot's documents by status, audit; every route refuses
// another firm (404, nothing changed), a firm user not declared vCISO (403,
// or 404 out of scope), support (403), no CSRF; and the HTML pages do the same.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  Client, createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId, sql, sqlValue,
} from '../lib/identity.mjs';
import { audit, makeClient, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const RESOURCE_FIELDS = ['id', 'client_id', 'type', 'title', 'body', 'status', 'version', 'requirement_ids',
  'template_id', 'template_version'];
const A = {};
const B = {};
let support;
let reqs;
let csfReq;

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.admin.id = A.admin.c.user.id;
  A.client = await makeClient(A.admin.c);
  A.other = await makeClient(A.admin.c);
  // On the team: a vCISO with every right, one without `publication`.
  A.vciso = await person(http, A.admin.c, 'account_manager', { client_ids: [A.client.id] });
  A.nopub = await person(http, A.admin.c, 'account_manager', { client_ids: [A.client.id],
    features: ['profile.read', 'self'] });
  A.admin2 = await person(http, A.admin.c, 'admin');
  A.am = await person(http, A.admin.c, 'account_manager', { client_ids: [A.other.id] });
  A.em = await person(http, A.admin.c, 'establishment_manager');
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  B.client = await makeClient(B.admin.c);
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
  const fws = (await A.admin.c.get('/api/v1/frameworks')).json.items;
  const anssi = fws.find((f) => f.code === 'anssi-hygiene');
  const csf = fws.find((f) => f.code === 'nist-csf');
  for (const c of [A.client.id, A.other.id]) {
    const adopt = await A.admin.c.post(`/api/v1/clients/${c}/frameworks`, { framework_id: anssi.id });
    assert.equal(adopt.status, 201, adopt.text);
  }
  A.anssi = anssi.id;
  reqs = (await A.admin.c.get(`/api/v1/frameworks/${anssi.id}`)).json.requirements
    .filter((r) => r.assessable).map((r) => r.id);
  csfReq = (await A.admin.c.get(`/api/v1/frameworks/${csf.id}`)).json.requirements.find((r) => r.assessable).id;
});

const count = (client) => Number(sqlValue(env, `SELECT COUNT(*) FROM resources WHERE client_id = ${client}`));
const row = (id) => sql(env, `SELECT id, client_id, type, title, body, status, version, approved_by, updated_at
  FROM resources WHERE id = ${Number(id)}`)[0] ?? null;
const tags = (id) => sql(env, `SELECT requirement_id FROM resource_requirements WHERE resource_id = ${Number(id)}
  ORDER BY requirement_id`).map((r) => Number(r[0]));
const create = (who, body, client = A.client.id) => who.post(`/api/v1/clients/${client}/resources`, body);
async function made(body, who = A.admin.c, client = A.client.id) {
  const r = await create(who, body, client);
  assert.equal(r.status, 201, r.text);
  return r.json;
}
const patch = async (id, body, who = A.admin.c) => {
  const r = await who.patch(`/api/v1/resources/${id}`, body);
  assert.equal(r.status, 200, r.text);
  return r.json;
};
const figures = async (client = A.client.id) => (await A.admin.c.get(`/api/v1/clients/${client}/pilot`)).json.resources;

test('creating a resource: the SPEC shape, defaults, tags, Markdown as HTML, audit and the Pilot', async () => {
  const c = A.client.id;
  const before = maxAuditId(env);
  const start = await figures();
  const r = await create(A.admin.c, { type: 'document', title: '  Security policy  ',
    body: '# Scope\r\n\r\nEvery **laptop** is encrypted.', requirement_ids: [reqs[2], reqs[0], reqs[2]] });
  assert.equal(r.status, 201, r.text);
  for (const f of RESOURCE_FIELDS) assert.ok(f in r.json, `resource.${f}`);
  const d = r.json;
  assert.equal(d.client_id, c);
  assert.equal(d.title, 'Security policy', 'trimmed');
  assert.equal(d.body, '# Scope\n\nEvery **laptop** is encrypted.');
  assert.equal(d.status, 'draft');
  assert.equal(d.version, 1);
  assert.equal(d.template_id, null);
  assert.equal(d.template_version, null);
  assert.deepEqual(d.requirement_ids, [reqs[0], reqs[2]].sort((x, y) => x - y), 'each once');
  assert.match(d.body_html, /<h1>Scope<\/h1>/);
  assert.match(d.body_html, /<strong>laptop<\/strong>/);
  const g = await A.admin.c.get(`/api/v1/resources/${d.id}`);
  assert.equal(g.status, 200);
  assert.deepEqual(g.json, d);
  const rows = audit(env, `id > ${before} AND action = 'resource.create'`);
  assert.equal(rows.length, 1);
  assert.deepEqual([rows[0].client_id, rows[0].object_type, rows[0].object_id, rows[0].user_id],
    [c, 'resource', d.id, A.admin.id]);
  // Created approved at once: allowed, and recorded as approved.
  const ok = await made({ type: 'control', title: 'Quarterly access review', status: 'approved' });
  assert.equal(ok.status, 'approved');
  assert.equal(ok.approved_by, A.admin.id);
  assert.equal(ok.body, '', 'no body: empty');
  const now = await figures();
  assert.deepEqual(now, { draft: start.draft + 1, approved: start.approved + 1, published: start.published });
});

test('bad input answers 400 (or 409) naming the field, and writes nothing', async () => {
  const c = A.client.id;
  const n = count(c);
  const ok = { type: 'process', title: 'Incident response' };
  const cases = [
    ['type missing', { title: 'x' }, 400, 'required', 'type'],
    ['type unknown', { ...ok, type: 'memo' }, 400, 'invalid', 'type'],
    ['title missing', { type: 'tool' }, 400, 'required', 'title'],
    ['title blank', { ...ok, title: '   ' }, 400, undefined, 'title'],
    ['title too long', { ...ok, title: 'x'.repeat(201) }, 400, 'too_long', 'title'],
    ['title a number', { ...ok, title: 12 }, 400, 'invalid', 'title'],
    ['body too long', { ...ok, body: 'y'.repeat(200001) }, 400, 'too_long', 'body'],
    ['body not a string', { ...ok, body: ['a'] }, 400, 'invalid', 'body'],
    ['status unknown', { ...ok, status: 'final' }, 400, 'invalid', 'status'],
    ['published before approval', { ...ok, status: 'published' }, 409, 'approve_first', 'status'],
    ['requirement of a framework not adopted', { ...ok, requirement_ids: [csfReq] }, 400, 'invalid', 'requirement_ids'],
    ['requirement unknown', { ...ok, requirement_ids: [99999999] }, 400, 'invalid', 'requirement_ids'],
    ['requirement ids not a list', { ...ok, requirement_ids: reqs[0] }, 400, 'invalid', 'requirement_ids'],
    ['unknown field', { ...ok, template_id: 3 }, 400, 'unknown_field', 'template_id'],
  ];
  for (const [what, body, status, code, field] of cases) {
    expectError(assert, what, await create(A.admin.c, body), status, code, field);
  }
  const malformed = await A.admin.c.request('POST', `/api/v1/clients/${c}/resources`, undefined,
    { raw: '{"title":', contentType: 'application/json' });
  assert.equal(malformed.status, 400);
  assert.equal(count(c), n, 'nothing created');
  const d = await made(ok);
  const before = row(d.id);
  for (const [what, body, status, code, field] of [
    ['type unknown', { type: 'memo' }, 400, 'invalid', 'type'],
    ['title blank', { title: '' }, 400, undefined, 'title'],
    ['publish a draft', { status: 'published' }, 409, 'approve_first', 'status'],
    ['tag not adopted', { requirement_ids: [csfReq] }, 400, 'invalid', 'requirement_ids'],
    ['unknown field', { version: 9 }, 400, 'unknown_field', 'version'],
  ]) expectError(assert, `patch: ${what}`, await A.admin.c.patch(`/api/v1/resources/${d.id}`, body), status, code, field);
  assert.deepEqual(row(d.id), before, 'unchanged');
});

test('the workflow: approve, publish, a new version on each edit of an approved resource, audit', async () => {
  const d = await made({ type: 'document', title: 'Backup policy', body: 'v1 text', requirement_ids: [reqs[0]] });
  // Drafts are edited freely: no new version.
  let x = await patch(d.id, { body: 'v1 text, reworded' });
  assert.deepEqual([x.status, x.version], ['draft', 1]);
  x = await patch(d.id, { status: 'approved' });
  assert.deepEqual([x.status, x.version, x.approved_by], ['approved', 1, A.admin.id]);
  x = await patch(d.id, { status: 'published' });
  assert.deepEqual([x.status, x.version], ['published', 1]);
  // Tags are not content: no new version, still published.
  x = await patch(d.id, { requirement_ids: [reqs[0], reqs[1]] });
  assert.deepEqual([x.status, x.version], ['published', 1]);
  // An edit of the published text: version 2, back to draft.
  const before = maxAuditId(env);
  x = await patch(d.id, { body: 'v2 text' });
  assert.deepEqual([x.status, x.version, x.approved_by], ['draft', 2, null]);
  const rows = audit(env, `id > ${before} AND action = 'resource.update' AND object_id = ${d.id}`);
  assert.equal(rows.length, 1);
  const details = JSON.parse(rows[0].raw);
  assert.deepEqual(details.version, { from: '1', to: '2' });
  assert.deepEqual(details.status, { from: 'published', to: 'draft' });
  assert.equal(details.body, 'changed', 'the text itself stays out of the log');
  // Edit and approve in one change: an approved edit, version 3.
  x = await patch(d.id, { status: 'approved' });
  assert.deepEqual([x.status, x.version], ['approved', 2]);
  x = await patch(d.id, { title: 'Backup and restore policy', status: 'approved' });
  assert.deepEqual([x.status, x.version, x.title], ['approved', 3, 'Backup and restore policy']);
  // An edit cannot skip the approval of its new version.
  expectError(assert, 'edit and publish', await A.admin.c.patch(`/api/v1/resources/${d.id}`,
    { body: 'v4', status: 'published' }), 409, 'approve_first', 'status');
  assert.equal(row(d.id)[6], '3', 'unchanged');
  // The same values again: nothing written, nothing logged.
  const quiet = maxAuditId(env);
  x = await patch(d.id, { title: 'Backup and restore policy', status: 'approved', requirement_ids: [reqs[1], reqs[0]] });
  assert.equal(x.version, 3);
  assert.equal(maxAuditId(env), quiet);
  // Withdraw (published → approved) and reopen (approved → draft).
  await patch(d.id, { status: 'published' });
  x = await patch(d.id, { status: 'approved' });
  assert.deepEqual([x.status, x.version], ['approved', 3]);
  x = await patch(d.id, { status: 'draft' });
  assert.deepEqual([x.status, x.version], ['draft', 3]);
});

test('publishing and withdrawing need the publication right', async () => {
  const c = A.nopub.c;
  const d = await made({ type: 'document', title: 'Remote work policy' }, c);
  let x = await patch(d.id, { status: 'approved' }, c);
  assert.equal(x.status, 'approved', 'approving needs no extra right');
  expectError(assert, 'publish', await c.patch(`/api/v1/resources/${d.id}`, { status: 'published' }),
    403, 'forbidden', 'status');
  await patch(d.id, { status: 'published' });
  expectError(assert, 'withdraw', await c.patch(`/api/v1/resources/${d.id}`, { status: 'approved' }),
    403, 'forbidden', 'status');
  expectError(assert, 'an edit would withdraw it', await c.patch(`/api/v1/resources/${d.id}`, { body: 'new' }),
    403, 'forbidden', 'status');
  expectError(assert, 'delete a published one', await c.del(`/api/v1/resources/${d.id}`), 403, 'forbidden', 'status');
  assert.equal(row(d.id)[5], 'published');
  x = await patch(d.id, { requirement_ids: [reqs[3]] }, c);
  assert.deepEqual(x.requirement_ids, [reqs[3]], 'tags are not publication');
  // The page shows no publish button without the right.
  await patch(d.id, { status: 'approved' });
  const page = await c.get(`/resources/${d.id}`);
  assert.doesNotMatch(page.text, /name="status" value="published"/);
  assert.match(page.text, /name="status" value="draft"/);
});

test('the Markdown body is rendered safely: no raw HTML, no javascript: links; everything else escaped', async () => {
  const body = [
    '<script>alert(1)</script>',
    '',
    '[click](javascript:alert(2)) and [ok](https://example.org/a?b=1&c=2)',
    '',
    '<img src=x onerror=alert(3)>',
    '',
    '![pic](data:text/html;base64,PHNjcmlwdD4=)',
    '',
    '- item **one**',
    '- item <b>two</b>',
  ].join('\n');
  const d = await made({ type: 'tool', title: '<i>Scanner</i> & co', body });
  for (const html of [d.body_html, (await A.admin.c.get(`/resources/${d.id}`)).text]) {
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /javascript:/i);
    assert.doesNotMatch(html, /onerror/i);
    assert.doesNotMatch(html, /data:text\/html/);
    assert.doesNotMatch(html, /<b>two<\/b>/);
    assert.match(html, /<a href="https:\/\/example.org\/a\?b=1&amp;c=2">ok<\/a>/);
    assert.match(html, /<li>item <strong>one<\/strong><\/li>/);
  }
  const page = await A.admin.c.get(`/resources/${d.id}`);
  assert.match(page.text, /&lt;i&gt;Scanner&lt;\/i&gt; &amp; co/, 'the title escaped');
  assert.doesNotMatch(page.text, /<i>Scanner<\/i>/);
  // The edit form shows the source, escaped.
  const edit = await A.admin.c.get(`/resources/${d.id}/edit`);
  assert.match(edit.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('listing: filters, sort, pages; bad parameters name themselves', async () => {
  const c = A.other.id;
  const made3 = [];
  for (const [type, title, status] of [['document', 'Alpha charter', 'draft'], ['process', 'Beta process', 'approved'],
    ['tool', 'Gamma tool', 'draft']]) made3.push(await made({ type, title, status, requirement_ids: [reqs[5]] }, A.admin.c, c));
  await made({ type: 'control', title: 'Delta control' }, A.admin.c, c);
  const list = async (q) => {
    const r = await A.admin.c.get(`/api/v1/clients/${c}/resources${q}`);
    assert.equal(r.status, 200, r.text);
    return r.json;
  };
  let l = await list('');
  assert.equal(l.total, 4);
  assert.deepEqual(l.items.map((x) => x.title), ['Alpha charter', 'Beta process', 'Delta control', 'Gamma tool']);
  assert.ok('body' in l.items[0], 'API lists carry the body');
  assert.deepEqual((await list('?type=process')).items.map((x) => x.title), ['Beta process']);
  assert.deepEqual((await list('?status=draft&sort=title&dir=desc')).items.map((x) => x.title),
    ['Gamma tool', 'Delta control', 'Alpha charter']);
  assert.deepEqual((await list('?q=ta%20c')).items.map((x) => x.title), ['Delta control']);
  assert.deepEqual((await list(`?requirement_id=${reqs[5]}`)).items.map((x) => x.id), made3.map((x) => x.id));
  assert.deepEqual((await list('?sort=type')).items.map((x) => x.type), ['document', 'process', 'tool', 'control']);
  l = await list('?limit=2&offset=2');
  assert.equal(l.total, 4);
  assert.deepEqual(l.items.map((x) => x.title), ['Delta control', 'Gamma tool']);
  for (const [q, field] of [['?type=memo', 'type'], ['?status=x', 'status'], ['?sort=body', 'sort'], ['?dir=up', 'dir'],
    ['?requirement_id=abc', 'requirement_id'], ['?limit=0', 'limit'], [`?q=${'x'.repeat(201)}`, 'q']]) {
    expectError(assert, q, await A.admin.c.get(`/api/v1/clients/${c}/resources${q}`), 400, undefined, field);
  }
  // The page: the same filters, a pager, the figures.
  const page = await A.admin.c.get(`/clients/${c}/resources?type=memo&sort=nope&status=approved`);
  assert.equal(page.status, 200, 'stale HTML filters are ignored');
  assert.match(page.text, /Beta process/);
  assert.doesNotMatch(page.text, /Gamma tool/);
  assert.match(page.text, /id="resource-figures"/);
});

test('links: tags are the evidence of compliance items; actions link resources, read from both sides', async () => {
  const c = A.client.id;
  const d = await made({ type: 'document', title: 'Password policy', requirement_ids: [reqs[7]] });
  const all = await A.admin.c.get(`/api/v1/clients/${c}/compliance?framework_id=${A.anssi}&limit=200`);
  const it = all.json.items.find((i) => i.requirement_id === reqs[7]);
  assert.deepEqual(it.resource_ids, [d.id]);
  assert.equal(it.resources[0].title, 'Password policy');
  // The assessment page links the evidence and offers to add some.
  const page = await A.admin.c.get(`/clients/${c}/compliance?framework_id=${A.anssi}`);
  assert.match(page.text, new RegExp(`<a href="/resources/${d.id}">Password policy</a>`));
  assert.match(page.text, new RegExp(`/clients/${c}/resources/new\\?requirement_id=${reqs[0]}`));
  const newPage = await A.admin.c.get(`/clients/${c}/resources/new?requirement_id=${reqs[7]}`);
  assert.match(newPage.text, new RegExp(`value="${reqs[7]}" checked`), 'the requirement comes ticked');
  // An action links it: resource_ids on the action, action_ids on the resource.
  const a = await A.admin.c.post(`/api/v1/clients/${c}/actions`, { title: 'Roll out the policy', resource_ids: [d.id] });
  assert.equal(a.status, 201, a.text);
  assert.deepEqual(a.json.resource_ids, [d.id]);
  assert.deepEqual((await A.admin.c.get(`/api/v1/resources/${d.id}`)).json.action_ids, [a.json.id]);
  const view = await A.admin.c.get(`/resources/${d.id}`);
  assert.match(view.text, new RegExp(`<a href="/actions/${a.json.id}">Roll out the policy</a>`));
  // Another client's (or firm's) resource is not found.
  const elsewhere = await made({ type: 'tool', title: 'Elsewhere' }, A.admin.c, A.other.id);
  const bRes = await made({ type: 'tool', title: 'B tool' }, B.admin.c, B.client.id);
  for (const id of [elsewhere.id, bRes.id, 99999999]) {
    expectError(assert, `link ${id}`, await A.admin.c.patch(`/api/v1/actions/${a.json.id}`, { resource_ids: [id] }),
      404, 'not_found', 'resource_ids');
  }
  // Unlinking from the action.
  const un = await A.admin.c.patch(`/api/v1/actions/${a.json.id}`, { resource_ids: [] });
  assert.deepEqual(un.json.resource_ids, []);
  assert.deepEqual((await A.admin.c.get(`/api/v1/resources/${d.id}`)).json.action_ids, []);
  // Deleting a resource takes its links along.
  await A.admin.c.patch(`/api/v1/actions/${a.json.id}`, { resource_ids: [d.id] });
  const before = maxAuditId(env);
  const del = await A.admin.c.del(`/api/v1/resources/${d.id}`);
  assert.equal(del.status, 204);
  assert.equal(row(d.id), null);
  assert.deepEqual(tags(d.id), []);
  assert.deepEqual((await A.admin.c.get(`/api/v1/actions/${a.json.id}`)).json.resource_ids, []);
  assert.equal(audit(env, `id > ${before} AND action = 'resource.delete' AND object_id = ${d.id}`).length, 1);
  expectError(assert, 'gone', await A.admin.c.get(`/api/v1/resources/${d.id}`), 404);
});

test('every route refuses another firm (404), a non-vCISO (403 or 404), support (403), no CSRF (403): nothing changes', async () => {
  const c = A.client.id;
  const d = await made({ type: 'document', title: 'Guarded', requirement_ids: [reqs[0]] });
  const before = row(d.id);
  const n = count(c);
  const bRes = await made({ type: 'tool', title: 'B own' }, B.admin.c, B.client.id);
  const bRow = row(bRes.id);
  const calls = (who, opts) => [
    ['list', () => who.get(`/api/v1/clients/${c}/resources`, opts)],
    ['create', () => who.post(`/api/v1/clients/${c}/resources`, { type: 'tool', title: 'Intruder' }, opts)],
    ['get', () => who.get(`/api/v1/resources/${d.id}`, opts)],
    ['patch', () => who.patch(`/api/v1/resources/${d.id}`, { title: 'Intruder' }, opts)],
    ['delete', () => who.del(`/api/v1/resources/${d.id}`, opts)],
  ];
  for (const [name, call] of calls(B.admin.c)) expectError(assert, `another firm: ${name}`, await call(), 404);
  for (const [name, call] of calls(A.admin2.c)) expectError(assert, `admin not on the team: ${name}`, await call(), 403, 'not_vciso');
  for (const [name, call] of calls(A.am.c)) expectError(assert, `manager out of scope: ${name}`, await call(), 404);
  for (const [name, call] of calls(A.em.c)) expectError(assert, `site manager: ${name}`, await call(), 404);
  for (const [name, call] of calls(support)) expectError(assert, `support: ${name}`, await call(), 403);
  for (const [name, call] of calls(new Client(http))) expectError(assert, `anonymous: ${name}`, await call(), 401);
  for (const [name, call] of calls(A.admin.c, { csrf: false }).filter(([x]) => !['list', 'get'].includes(x))) {
    expectError(assert, `no CSRF: ${name}`, await call(), 403);
  }
  for (const r of [await A.admin.c.get(`/api/v1/resources/${bRes.id}`),
    await A.admin.c.patch(`/api/v1/resources/${bRes.id}`, { title: 'Intruder' }),
    await A.admin.c.del(`/api/v1/resources/${bRes.id}`),
    await A.admin.c.get(`/api/v1/clients/${B.client.id}/resources`),
    await A.admin.c.post(`/api/v1/clients/${B.client.id}/resources`, { type: 'tool', title: 'Intruder' })]) {
    expectError(assert, 'A on B', r, 404);
  }
  expectError(assert, 'B cannot tag with A\'s adopted framework', await B.admin.c.post(
    `/api/v1/clients/${B.client.id}/resources`, { type: 'tool', title: 'x', requirement_ids: [reqs[0]] }),
  400, 'invalid', 'requirement_ids');
  // The pages too.
  for (const [who, status] of [[B.admin.c, 404], [A.admin2.c, 403], [A.am.c, 404], [support, 403]]) {
    for (const p of [`/clients/${c}/resources`, `/clients/${c}/resources/new`, `/resources/${d.id}`,
      `/resources/${d.id}/edit`]) {
      assert.equal((await who.get(p)).status, status, `${p}`);
    }
    const form = { raw: new URLSearchParams([['csrf_token', who.csrf], ['status', 'approved']]).toString(),
      contentType: 'application/x-www-form-urlencoded' };
    for (const p of [`/resources/${d.id}`, `/resources/${d.id}/status`, `/resources/${d.id}/delete`]) {
      assert.equal((await who.request('POST', p, undefined, form)).status, status, `POST ${p}`);
    }
  }
  assert.deepEqual(row(d.id), before, 'A\'s resource unchanged');
  assert.deepEqual(tags(d.id), [reqs[0]]);
  assert.deepEqual(row(bRes.id), bRow, 'B\'s resource unchanged');
  assert.equal(count(c), n, 'nothing created');
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM resources WHERE title = 'Intruder'`)), 0);
});

test('the pages: list, form, create, view, workflow buttons, edit, delete, with the same rules', async () => {
  const fresh = await makeClient(A.admin.c);
  const c = fresh.id;
  const form = (who, fields) => ({ raw: new URLSearchParams([['csrf_token', who.csrf], ...fields]).toString(),
    contentType: 'application/x-www-form-urlencoded' });
  const post = (p, fields, who = A.admin.c) => who.request('POST', p, undefined, form(who, fields));
  let r = await A.admin.c.get(`/clients/${c}/resources`);
  assert.equal(r.status, 200);
  assert.match(r.text, /class="empty"/, 'empty state');
  assert.match(r.text, new RegExp(`href="/clients/${c}/resources/new"`));
  r = await A.admin.c.get(`/clients/${c}/resources/new`);
  assert.equal(r.status, 200);
  assert.match(r.text, /<textarea id="f-body"/);
  // Refused: the form again with the error, what was typed kept.
  r = await post(`/clients/${c}/resources`, [['type', 'document'], ['title', ''], ['body', 'Kept *text*'],
    ['status', 'draft']]);
  assert.equal(r.status, 400);
  assert.match(r.text, /class="error-summary"/);
  assert.match(r.text, /Kept \*text\*/);
  r = await post(`/clients/${c}/resources`, [['type', 'document'], ['title', 'Acceptable use'],
    ['body', 'Be **kind**\r\nto systems'], ['status', 'draft'], ['requirement_ids_present', '1']]);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.match(r.headers.location, /^\/resources\/\d+\?done=resource_created$/);
  const id = Number(r.headers.location.match(/\/resources\/(\d+)/)[1]);
  r = await A.admin.c.get(r.headers.location);
  assert.equal(r.status, 200);
  assert.match(r.text, /class="flash"/);
  assert.match(r.text, /<strong>kind<\/strong>/);
  assert.match(r.text, /name="status" value="approved"/, 'the approve button');
  assert.match(r.text, /data-confirm=/);
  // Workflow buttons.
  r = await post(`/resources/${id}/status`, [['status', 'published']]);
  assert.equal(r.status, 409, 'a draft is not published');
  assert.match(r.text, /class="error-summary"/);
  r = await post(`/resources/${id}/status`, [['status', 'approved']]);
  assert.equal(r.status, 303);
  r = await post(`/resources/${id}/status`, [['status', 'published']]);
  assert.equal(r.status, 303);
  r = await post(`/resources/${id}/status`, []);
  assert.equal(r.status, 400, 'a status is needed');
  let x = (await A.admin.c.get(`/api/v1/resources/${id}`)).json;
  assert.deepEqual([x.status, x.version], ['published', 1]);
  // Edit through the form: a new version, back to draft.
  r = await A.admin.c.get(`/resources/${id}/edit`);
  assert.match(r.text, /Acceptable use/);
  r = await post(`/resources/${id}`, [['type', 'document'], ['title', 'Acceptable use'], ['body', 'Version two'],
    ['requirement_ids_present', '1']]);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  x = (await A.admin.c.get(`/api/v1/resources/${id}`)).json;
  assert.deepEqual([x.status, x.version, x.body], ['draft', 2, 'Version two']);
  // The Pilot shows documents by status and links the list.
  r = await A.admin.c.get(`/clients/${c}/pilot`);
  assert.match(r.text, /id="pilot-resources"/);
  assert.match(r.text, new RegExp(`href="/clients/${c}/resources\\?status=draft">1</a>`));
  assert.deepEqual(await figures(c), { draft: 1, approved: 0, published: 0 });
  // The printable report counts documents.
  r = await A.admin.c.get(`/clients/${c}/report`);
  assert.equal(r.status, 200);
  // Delete.
  r = await post(`/resources/${id}/delete`, []);
  assert.equal(r.status, 303);
  assert.match(r.headers.location, new RegExp(`^/clients/${c}/resources\\?done=resource_deleted$`));
  assert.equal(row(id), null);
  r = await post(`/resources/${id}/delete`, []);
  assert.equal(r.status, 404);
});
