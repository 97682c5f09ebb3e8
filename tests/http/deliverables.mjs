// Consultant deliverables' data (issue 14): the Statement of Applicability
// (applicability and justification of an assessment, page, CSV, API; its
// counts equal the compliance counters), assessment cycles (keep / reset,
// past cycles read-only, comparison) and the portfolio (every client in
// scope; the Pilot's figures for the caller's own missions only, equal to
// the Pilot's; counters kept on write equal a recount). Every route: another
// firm's ids 404, a firm user not vCISO 403, support 403, CSRF, 400 naming
// the field.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ensureStack, SRCDIR } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId, sql, sqlValue, uniqueName,
} from '../lib/identity.mjs';
import { makeClient, parseCsv, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const A = {};
const B = {};
let support;
let anssi;
let csf;

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.client = await makeClient(A.admin.c, { name: uniqueName('Alpha ') });
  A.admin2 = await person(http, A.admin.c, 'admin');
  A.other = await makeClient(A.admin.c);
  A.am = await person(http, A.admin.c, 'account_manager', { client_ids: [A.other.id] });
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  B.client = await makeClient(B.admin.c);
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
  const list = await A.admin.c.get('/api/v1/frameworks');
  anssi = list.json.items.find((f) => f.code === 'anssi-hygiene');
  csf = list.json.items.find((f) => f.code === 'nist-csf');
  for (const fw of [anssi, csf]) {
    const r = await A.admin.c.post(`/api/v1/clients/${A.client.id}/frameworks`, { framework_id: fw.id });
    assert.equal(r.status, 201, r.text);
  }
});

const form = (who, fields) => ({ raw: new URLSearchParams({ csrf_token: who.csrf, ...fields }).toString(),
  contentType: 'application/x-www-form-urlencoded' });
const counters = (client, fw) => sql(env, `SELECT total, compliant, partial, non_compliant, not_applicable
  FROM client_frameworks WHERE client_id = ${client} AND framework_id = ${fw}`)[0].map(Number);
const items = async (who, c, fw) => {
  const r = await who.get(`/api/v1/clients/${c}/compliance?framework_id=${fw}&limit=100`);
  assert.equal(r.status, 200, r.text);
  return r.json.items;
};

test('SoA: applicability and justification are fields of the assessment, validated', async () => {
  const c = A.client.id;
  const [r1, r2, r3, r4] = (await items(A.admin.c, c, anssi.id)).map((x) => x.requirement_id);
  const patch = (rid, body, who = A.admin.c, opts) => who.patch(`/api/v1/clients/${c}/compliance/${rid}`, body, opts);
  expectError(assert, 'not applicable without a justification', await patch(r1, { applicable: false }),
    400, 'required', 'justification');
  expectError(assert, 'applicable not a boolean', await patch(r1, { applicable: 'no' }), 400, 'invalid', 'applicable');
  expectError(assert, 'not applicable with another status', await patch(r1,
    { applicable: false, status: 'compliant', justification: 'x' }), 400, 'invalid', 'status');
  expectError(assert, 'applicable with the status not_applicable', await patch(r1,
    { applicable: true, status: 'not_applicable' }), 400, 'invalid', 'applicable');
  expectError(assert, 'no CSRF', await patch(r1, { applicable: false, justification: 'x' }, A.admin.c,
    { csrf: false }), 403);
  expectError(assert, 'not vCISO', await patch(r1, { applicable: false, justification: 'x' }, A.admin2.c),
    403, 'not_vciso');
  expectError(assert, 'another firm', await patch(r1, { applicable: false, justification: 'x' }, B.admin.c), 404);
  assert.deepEqual(counters(c, anssi.id), [42, 0, 0, 0, 0], 'nothing written by the refusals');

  let r = await patch(r1, { applicable: false, justification: 'No wireless network on site' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.applicable, false);
  assert.equal(r.json.status, 'not_applicable');
  assert.equal(r.json.justification, 'No wireless network on site');
  assert.equal((await patch(r2, { status: 'compliant', comment: '=1+1' })).status, 200);
  assert.equal((await patch(r3, { status: 'partial', justification: '@SUM(A1)' })).status, 200);
  // The status not_applicable alone (as before the SoA) stays accepted: the
  // SoA flags its missing justification.
  assert.equal((await patch(r4, { status: 'not_applicable' })).status, 200);
  assert.deepEqual(counters(c, anssi.id), [42, 1, 1, 0, 2]);
  // Applicable again: back to not assessed, the justification kept.
  r = await patch(r4, { applicable: true });
  assert.equal(r.json.status, 'not_assessed');
  assert.equal(r.json.applicable, true);
  assert.equal((await patch(r4, { status: 'not_applicable' })).status, 200);

  // The SoA: its counts are the compliance page's.
  r = await A.admin.c.get(`/api/v1/clients/${c}/frameworks/${anssi.id}/soa`);
  assert.equal(r.status, 200, r.text);
  const soa = r.json;
  const [total, comp, part, non, na] = counters(c, anssi.id);
  assert.equal(soa.counts.total, total);
  assert.equal(soa.counts.compliant, comp);
  assert.equal(soa.counts.partial, part);
  assert.equal(soa.counts.non_compliant, non);
  assert.equal(soa.counts.not_applicable, na);
  assert.equal(soa.counts.applicable, total - na);
  assert.equal(soa.counts.justification_missing, 1);
  assert.equal(soa.items.length, 42);
  for (const f of ['requirement_id', 'ref', 'title', 'applicable', 'justification', 'status', 'resources', 'actions']) {
    assert.ok(f in soa.items[0], `soa item.${f}`);
  }
  const pilot = (await A.admin.c.get(`/api/v1/clients/${c}/pilot`)).json.frameworks.find((x) => x.framework_id === anssi.id);
  assert.equal(soa.compliance_pct, pilot.compliance_pct);
  for (const st of ['compliant', 'partial', 'not_applicable', 'not_assessed']) {
    const page = await A.admin.c.get(`/api/v1/clients/${c}/compliance?framework_id=${anssi.id}&status=${st}`);
    assert.equal(soa.counts[st], page.json.total, `SoA ${st} = the compliance page's`);
  }
  // The page and the CSV.
  r = await A.admin.c.get(`/clients/${c}/frameworks/${anssi.id}/soa`);
  assert.equal(r.status, 200);
  assert.match(r.text, /No wireless network on site/);
  r = await A.admin.c.get(`/clients/${c}/frameworks/${anssi.id}/soa.csv`);
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /^text\/csv/);
  assert.match(r.headers['content-disposition'] || '', /^attachment; filename="soa-\d+-\d+\.csv"$/);
  const rows = parseCsv(r.text.replace(/^\ufeff/, ''));
  assert.deepEqual(rows[0], ['ref', 'title', 'applicable', 'justification', 'status', 'resources', 'actions']);
  assert.equal(rows.length, 1 + 42);
  assert.equal(rows.filter((x) => x[2] === 'no').length, na);
  assert.ok(rows.some((x) => x[3] === "'@SUM(A1)"), 'formula neutralised');
  // Scope, team and roles on every SoA route.
  for (const p of [`/api/v1/clients/${c}/frameworks/${anssi.id}/soa`, `/clients/${c}/frameworks/${anssi.id}/soa`,
    `/clients/${c}/frameworks/${anssi.id}/soa.csv`]) {
    assert.equal((await A.admin2.c.get(p)).status, 403, `not vCISO: ${p}`);
    assert.equal((await A.am.c.get(p)).status, 404, `out of scope: ${p}`);
    assert.equal((await B.admin.c.get(p)).status, 404, `another firm: ${p}`);
    assert.equal((await support.get(p)).status, 403, `support: ${p}`);
  }
  expectError(assert, 'framework not adopted', await A.admin.c.get(
    `/api/v1/clients/${A.other.id}/frameworks/${anssi.id}/soa`), 404);
  expectError(assert, 'B framework path', await B.admin.c.get(
    `/api/v1/clients/${B.client.id}/frameworks/${anssi.id}/soa`), 404);
});

test('the compliance form edits applicability and justification', async () => {
  const c = A.client.id;
  const it = (await items(A.admin.c, c, csf.id))[0];
  const cycle = (await A.admin.c.get(`/api/v1/clients/${c}/frameworks/${csf.id}/cycles`)).json.items[0].number;
  const post = (fields) => A.admin.c.request('POST', `/clients/${c}/compliance/${it.requirement_id}`, undefined,
    form(A.admin.c, { framework_id: String(csf.id), page: '1', cycle: String(cycle), comment: '', ...fields }));
  let r = await post({ status: 'compliant', applicable: '0', applicable_was: '1', justification: '' });
  assert.equal(r.status, 400);
  assert.match(r.text, /class="error-summary"/);
  r = await post({ status: 'compliant', applicable: '0', applicable_was: '1', justification: 'Out of scope' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  let now = (await items(A.admin.c, c, csf.id))[0];
  assert.equal(now.status, 'not_applicable');
  assert.equal(now.justification, 'Out of scope');
  // The status changed while "does not apply" was left: the status wins.
  r = await post({ status: 'partial', applicable: '0', applicable_was: '0', justification: 'Out of scope' });
  assert.equal(r.status, 303);
  now = (await items(A.admin.c, c, csf.id))[0];
  assert.equal(now.status, 'partial');
  assert.equal(now.applicable, true);
});

test('cycles: keep and reset; past cycles read-only; the comparison', async () => {
  const c = A.client.id;
  const base = `/api/v1/clients/${c}/frameworks/${anssi.id}/cycles`;
  let r = await A.admin.c.get(base);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.total, 1);
  assert.equal(r.json.items[0].number, 1);
  assert.equal(r.json.items[0].current, true);
  assert.equal(r.json.items[0].mode, 'initial');
  // Refusals: nothing written.
  expectError(assert, 'no mode', await A.admin.c.post(base, {}), 400, 'required', 'mode');
  expectError(assert, 'bad mode', await A.admin.c.post(base, { mode: 'wipe' }), 400, 'invalid', 'mode');
  expectError(assert, 'no CSRF', await A.admin.c.post(base, { mode: 'keep' }, { csrf: false }), 403);
  expectError(assert, 'not vCISO', await A.admin2.c.post(base, { mode: 'keep' }), 403, 'not_vciso');
  expectError(assert, 'out of scope', await A.am.c.post(base, { mode: 'keep' }), 404);
  expectError(assert, 'another firm', await B.admin.c.post(base, { mode: 'keep' }), 404);
  expectError(assert, 'support', await support.post(base, { mode: 'keep' }), 403);
  expectError(assert, 'not adopted', await A.admin.c.post(`/api/v1/clients/${A.other.id}/frameworks/${anssi.id}/cycles`,
    { mode: 'keep' }), 404);
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM assessment_cycles WHERE client_id = ${c}
    AND framework_id = ${anssi.id}`)), 1);

  const before = counters(c, anssi.id);
  const statuses1 = (await items(A.admin.c, c, anssi.id)).map((x) => [x.requirement_id, x.status, x.comment]);
  const audit = maxAuditId(env);
  r = await A.admin.c.post(base, { mode: 'keep' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.number, 2);
  assert.equal(r.json.current, true);
  assert.equal(r.json.mode, 'keep');
  assert.deepEqual(counters(c, anssi.id), before, 'keep: the counters stay');
  assert.deepEqual((await items(A.admin.c, c, anssi.id)).map((x) => [x.requirement_id, x.status, x.comment]), statuses1);
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM audit_log WHERE id > ${audit}
    AND action = 'compliance.cycle' AND client_id = ${c}`)), 1);

  // Work in cycle 2, then reset into cycle 3.
  const [r1, r2] = statuses1.filter((x) => x[1] === 'not_assessed').map((x) => x[0]);
  assert.equal((await A.admin.c.patch(`/api/v1/clients/${c}/compliance/${r1}`, { status: 'compliant', cycle: 2 })).status, 200);
  assert.equal((await A.admin.c.patch(`/api/v1/clients/${c}/compliance/${r2}`, { status: 'non_compliant' })).status, 200);
  const cycle2 = (await items(A.admin.c, c, anssi.id)).map((x) => [x.requirement_id, x.status]);
  const counters2 = counters(c, anssi.id);
  const pct2 = (await A.admin.c.get(base)).json.items[0].compliance_pct;
  const withText = (await items(A.admin.c, c, anssi.id)).filter((x) => x.comment || x.justification)
    .map((x) => [x.requirement_id, x.comment, x.justification]);
  assert.ok(withText.length >= 2, 'comments and justifications to keep');

  // Evidence linked to a requirement, to keep through the reset.
  const doc = await A.admin.c.post(`/api/v1/clients/${c}/resources`, { type: 'document', title: 'Audit plan',
    body: 'Plan', requirement_ids: [r1] });
  assert.equal(doc.status, 201, doc.text);

  // Through the page's form: CSRF first, then the redirect to the comparison.
  r = await A.admin.c.request('POST', `/clients/${c}/frameworks/${anssi.id}/cycles`, undefined,
    { raw: 'mode=reset', contentType: 'application/x-www-form-urlencoded', csrf: false });
  assert.equal(r.status, 403, 'no CSRF token');
  r = await A.admin.c.request('POST', `/clients/${c}/frameworks/${anssi.id}/cycles`, undefined,
    form(A.admin.c, { mode: 'bogus' }));
  assert.equal(r.status, 400);
  assert.match(r.text, /class="error-summary"/);
  r = await A.admin.c.request('POST', `/clients/${c}/frameworks/${anssi.id}/cycles`, undefined,
    form(A.admin.c, { mode: 'reset' }));
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(r.headers.location, `/clients/${c}/frameworks/${anssi.id}/cycles/2/compare/3?done=cycle_started`);
  const now = await items(A.admin.c, c, anssi.id);
  assert.ok(now.every((x) => x.status === 'not_assessed'), 'reset: every status not_assessed');
  assert.deepEqual(counters(c, anssi.id), [42, 0, 0, 0, 0]);
  assert.deepEqual(now.filter((x) => x.comment || x.justification)
    .map((x) => [x.requirement_id, x.comment, x.justification]), withText, 'comments and justifications kept');
  assert.deepEqual(now.find((x) => x.requirement_id === r1).resource_ids, [doc.json.id], 'evidence kept');
  // The previous cycle is unchanged, read-only, listed.
  r = await A.admin.c.get(base);
  assert.deepEqual(r.json.items.map((y) => [y.number, y.current, y.mode]),
    [[3, true, 'reset'], [2, false, 'keep'], [1, false, 'initial']]);
  const past = r.json.items[1];
  assert.deepEqual([past.total, past.compliant, past.partial, past.non_compliant, past.not_applicable], counters2);
  assert.equal(past.compliance_pct, pct2);
  const hist = sql(env, `SELECT requirement_id, status FROM assessment_history WHERE client_id = ${c}
    AND framework_id = ${anssi.id} AND cycle = 2`);
  const hmap = new Map(hist.map(([id, st]) => [Number(id), st]));
  for (const [id, st] of cycle2) assert.equal(hmap.get(id) ?? 'not_assessed', st, `cycle 2 kept ${id}`);
  // A past cycle reads as it was, read-only.
  r = await A.admin.c.get(`${base}/2`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.current, false);
  assert.equal(r.json.items.length, 42);
  assert.deepEqual(r.json.items.map((x) => [x.requirement_id, x.status]), cycle2);
  assert.deepEqual(r.json.items.filter((x) => x.comment || x.justification)
    .map((x) => [x.requirement_id, x.comment, x.justification]), withText);
  r = await A.admin.c.get(`/clients/${c}/frameworks/${anssi.id}/cycles/2`);
  assert.equal(r.status, 200);
  assert.match(r.text, /id="closed-notice"/);
  assert.doesNotMatch(r.text, /<form method="post"[^>]*compliance/, 'no assessment form on a past cycle');
  expectError(assert, 'no such cycle', await A.admin.c.get(`${base}/7`), 404, 'not_found', 'cycle');
  expectError(assert, 'write to a past cycle', await A.admin.c.patch(`/api/v1/clients/${c}/compliance/${r1}`,
    { status: 'partial', cycle: 2 }), 409, 'past_cycle', 'cycle');
  assert.equal(hmap.get(r1), 'compliant');
  assert.equal((await items(A.admin.c, c, anssi.id)).find((x) => x.requirement_id === r1).status, 'not_assessed');

  // The comparison: per requirement, and the % delta.
  r = await A.admin.c.get(`${base}/2/compare/3`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.from.number, 2);
  assert.equal(r.json.to.number, 3);
  assert.equal(r.json.items.length, 42);
  const changed = cycle2.filter(([, st]) => st !== 'not_assessed').length;
  assert.equal(r.json.changed, changed);
  assert.equal(r.json.items.filter((x) => x.changed).length, changed);
  const one = r.json.items.find((x) => x.requirement_id === r1);
  assert.deepEqual([one.from, one.to, one.changed], ['compliant', 'not_assessed', true]);
  assert.equal(r.json.delta_pct, Math.round((r.json.to.compliance_pct - r.json.from.compliance_pct) * 10) / 10);
  assert.equal(r.json.to.compliance_pct, 0);
  r = await A.admin.c.get(`${base}/1/compare/2`);
  assert.equal(r.status, 200);
  expectError(assert, 'no such cycle', await A.admin.c.get(`${base}/2/compare/9`), 404, 'not_found', 'cycle');
  // The pages.
  r = await A.admin.c.get(`/clients/${c}/frameworks/${anssi.id}/cycles/2/compare/3`);
  assert.equal(r.status, 200);
  assert.match(r.text, /id="compare-table"/);
  r = await A.admin.c.get(`/clients/${c}/frameworks/${anssi.id}/cycles`);
  assert.equal(r.status, 200);
  assert.match(r.text, /id="new-cycle"/);
  // The dashboard uses the current cycle.
  const pilot = (await A.admin.c.get(`/api/v1/clients/${c}/pilot`)).json.frameworks.find((x) => x.framework_id === anssi.id);
  assert.equal(pilot.cycle, 3);
  assert.equal(pilot.assessed, 0);
  // Scope, team and roles on every cycle route.
  for (const p of [base, `${base}/2`, `${base}/2/compare/3`, `/clients/${c}/frameworks/${anssi.id}/cycles`,
    `/clients/${c}/frameworks/${anssi.id}/cycles/2`,
    `/clients/${c}/frameworks/${anssi.id}/cycles/2/compare/3`]) {
    assert.equal((await A.admin2.c.get(p)).status, 403, `not vCISO: ${p}`);
    assert.equal((await A.am.c.get(p)).status, 404, `out of scope: ${p}`);
    assert.equal((await B.admin.c.get(p)).status, 404, `another firm: ${p}`);
    assert.equal((await support.get(p)).status, 403, `support: ${p}`);
  }
});

test('portfolio: every client in scope; the Pilot figures for the caller\'s own missions, equal to the Pilot\'s', async () => {
  const c = A.client.id;
  // Some risks and actions, one overdue.
  for (const [l, i] of [[1, 2], [2, 3], [4, 4], [5, 5], [3, 4]]) {
    const r = await A.admin.c.post(`/api/v1/clients/${c}/risks`, { title: uniqueName('Risk '), likelihood: l, impact: i });
    assert.equal(r.status, 201, r.text);
  }
  for (const due of ['2020-01-15', '2999-01-01', null]) {
    const r = await A.admin.c.post(`/api/v1/clients/${c}/actions`, { title: uniqueName('Act '), due_date: due });
    assert.equal(r.status, 201, r.text);
  }
  let r = await A.admin.c.get('/api/v1/portfolio');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.total, 2);
  const mine = r.json.items.find((x) => x.id === c);
  for (const f of ['id', 'name', 'mission_type', 'plan', 'status', 'last_activity_at', 'vciso', 'figures']) {
    assert.ok(f in mine, `portfolio item.${f}`);
  }
  assert.equal(mine.vciso, true);
  const pilot = (await A.admin.c.get(`/api/v1/clients/${c}/pilot`)).json;
  assert.deepEqual(mine.figures.risks, pilot.risks.by_level);
  assert.deepEqual(mine.figures.risks, { low: 1, medium: 1, high: 1, critical: 2 });
  assert.deepEqual(mine.figures.actions, { open: pilot.actions.open, overdue: pilot.actions.overdue });
  assert.deepEqual(mine.figures.actions, { open: 3, overdue: 1 });
  for (const fw of pilot.frameworks) {
    const p = mine.figures.frameworks.find((x) => x.framework_id === fw.framework_id);
    assert.equal(p.compliance_pct, fw.compliance_pct, `framework ${fw.code}`);
    assert.equal(p.cycle, fw.cycle);
  }
  assert.match(mine.last_activity_at, /^\d{4}-\d\d-\d\dT/);
  // A firm user not declared vCISO sees the client, not its figures.
  r = await A.admin2.c.get('/api/v1/portfolio');
  assert.equal(r.status, 200);
  const theirs = r.json.items.find((x) => x.id === c);
  assert.equal(theirs.vciso, false);
  assert.equal(theirs.figures, null);
  // Scope: an account manager sees its client only; another firm none of A's.
  r = await A.am.c.get('/api/v1/portfolio');
  assert.deepEqual(r.json.items.map((x) => x.id), [A.other.id]);
  r = await B.admin.c.get('/api/v1/portfolio');
  assert.deepEqual(r.json.items.map((x) => x.id), [B.client.id]);
  expectError(assert, 'support', await support.get('/api/v1/portfolio'), 403);
  // An establishment manager sees the clients of its establishments, by name.
  const site = (await A.admin.c.post(`/api/v1/clients/${c}/establishments`, { name: uniqueName('Site ') })).json;
  const em = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [site.id] });
  r = await em.c.get('/api/v1/portfolio');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.items, [{ id: c, name: A.client.name }]);
  assert.equal((await support.get('/portfolio')).status, 403);
  // Sorting, filters, paging; 400 naming the parameter.
  r = await A.admin.c.get('/api/v1/portfolio?sort=name&dir=desc');
  const names = r.json.items.map((x) => x.name);
  assert.deepEqual(names, [...names].sort((x, y) => y.localeCompare(x)));
  r = await A.admin.c.get('/api/v1/portfolio?sort=overdue');
  assert.equal(r.json.items[0].id, c, 'the most overdue first');
  r = await A.admin.c.get('/api/v1/portfolio?sort=risks&dir=desc');
  assert.equal(r.json.items[0].id, c);
  r = await A.admin.c.get(`/api/v1/portfolio?q=${encodeURIComponent(A.client.name)}`);
  assert.deepEqual(r.json.items.map((x) => x.id), [c]);
  r = await A.admin.c.get('/api/v1/portfolio?limit=1&offset=1');
  assert.equal(r.json.total, 2);
  assert.equal(r.json.items.length, 1);
  r = await A.admin.c.get('/api/v1/portfolio?status=closed');
  assert.equal(r.json.total, 0);
  expectError(assert, 'bad sort', await A.admin.c.get('/api/v1/portfolio?sort=bogus'), 400, 'invalid', 'sort');
  expectError(assert, 'bad plan', await A.admin.c.get('/api/v1/portfolio?plan=gold'), 400, undefined, 'plan');
  expectError(assert, 'bad limit', await A.admin.c.get('/api/v1/portfolio?limit=-1'), 400, undefined, 'limit');
  // The page and the CSV.
  r = await A.admin.c.get('/portfolio?sort=compliance&dir=desc');
  assert.equal(r.status, 200);
  assert.match(r.text, /id="portfolio-table"/);
  assert.ok(r.text.includes(A.client.name));
  r = await A.admin.c.get('/portfolio?q=nothing-matches-this');
  assert.match(r.text, /id="portfolio-empty"/);
  r = await A.admin.c.get('/portfolio.csv');
  assert.equal(r.status, 200);
  assert.match(r.headers['content-disposition'] || '', /^attachment; filename="portfolio.csv"$/);
  const rows = parseCsv(r.text.replace(/^\ufeff/, ''));
  assert.equal(rows[0][0], 'name');
  assert.equal(rows.length, 1 + 2);
  const row = rows.find((x) => x[0] === A.client.name);
  assert.equal(row[rows[0].indexOf('actions_overdue')], '1');
  assert.equal(row[rows[0].indexOf('risks_critical')], '2');
  const other = rows.find((x) => x[0] === A.other.name);
  assert.equal(other[rows[0].indexOf('risks_high')], '0', 'the creator is on the other client\'s team too');
  r = await A.admin2.c.get('/portfolio.csv');
  const rows2 = parseCsv(r.text.replace(/^\ufeff/, ''));
  assert.equal(rows2.find((x) => x[0] === A.client.name)[rows2[0].indexOf('risks_high')], '', 'no figures for a client not on its team');
  assert.equal(rows2.find((x) => x[0] === A.client.name)[rows2[0].indexOf('vciso')], 'no');
});

test('portfolio counters kept on write equal a recount, and the reads use indexes', async () => {
  const c = A.client.id;
  // Writes that move the counters: a risk re-scored, closed, deleted.
  const risks = (await A.admin.c.get(`/api/v1/clients/${c}/risks?limit=100`)).json.items;
  assert.equal((await A.admin.c.patch(`/api/v1/risks/${risks[0].id}`, { likelihood: 1, impact: 1 })).status, 200);
  assert.equal((await A.admin.c.patch(`/api/v1/risks/${risks[1].id}`, { status: 'closed' })).status, 200);
  assert.equal((await A.admin.c.del(`/api/v1/risks/${risks[2].id}`)).status, 204);
  const recount = sql(env, `SELECT c.id, c.risks_low, c.risks_medium, c.risks_high, c.risks_critical,
      (SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id AND r.status <> 'closed' AND r.score BETWEEN 1 AND 4),
      (SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id AND r.status <> 'closed' AND r.score BETWEEN 5 AND 9),
      (SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id AND r.status <> 'closed' AND r.score BETWEEN 10 AND 14),
      (SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id AND r.status <> 'closed' AND r.score >= 15),
      c.last_activity_at <=> (SELECT MAX(a.at) FROM audit_log a WHERE a.client_id = c.id)
    FROM clients c WHERE c.firm_id IN (${A.admin.firmId}, ${B.admin.firmId})`);
  assert.ok(recount.length >= 3);
  for (const [id, ...v] of recount) {
    assert.deepEqual(v.slice(0, 4), v.slice(4, 8), `client ${id}: risk counters = recount`);
    assert.equal(v[8], '1', `client ${id}: last activity = the audit trail's`);
  }
  const pilot = (await A.admin.c.get(`/api/v1/clients/${c}/pilot`)).json;
  const mine = (await A.admin.c.get('/api/v1/portfolio')).json.items.find((x) => x.id === c);
  assert.deepEqual(mine.figures.risks, pilot.risks.by_level);
  // The list's reads go through indexes: the firm's clients by
  // (firm_id, ...), the overdue actions by (client_id, status, due_date).
  const plan = sql(env, `EXPLAIN SELECT c.id, (SELECT COUNT(*) FROM actions a WHERE a.client_id = c.id
      AND a.status IN ('todo', 'in_progress') AND a.due_date < CURDATE())
    FROM clients c WHERE c.firm_id = ${A.admin.firmId} ORDER BY c.name LIMIT 50`);
  const byTable = Object.fromEntries(plan.map((row) => [row[2], row]));
  assert.notEqual(byTable.c[5], 'NULL', `clients read by an index: ${plan.join(' / ')}`);
  assert.equal(byTable.a[5], 'ix_actions_client_status', `overdue actions by index: ${plan.join(' / ')}`);
});

test('portfolio exposure (feature monitoring) equals the client\'s exposure; without the feature, none', async () => {
  const xml = fs.readFileSync(path.join(SRCDIR, 'tests/unit/fixtures', 'nmap-office.xml'), 'utf8');
  const cl = await makeClient(A.admin.c, { modules: ['external_scan'] });
  const site = (await A.admin.c.post(`/api/v1/clients/${cl.id}/establishments`, { name: uniqueName('Office ') })).json;
  let r = await A.admin.c.post(`/api/v1/clients/${cl.id}/scans`, { establishment_id: site.id, nmap_xml: xml });
  assert.equal(r.status, 201, r.text);
  const exposure = (await A.admin.c.get(`/api/v1/clients/${cl.id}/exposure`)).json;
  r = await A.admin.c.get(`/api/v1/portfolio?q=${encodeURIComponent(cl.name)}`);
  const fig = r.json.items[0].figures;
  assert.deepEqual(fig.exposure.findings_by_severity, exposure.totals.findings_by_severity);
  assert.equal(fig.exposure.scanned, exposure.scanned);
  assert.equal(fig.usage, null, 'the usage module is not enabled');
  // A vCISO without the feature: no exposure.
  const blind = await person(http, A.admin.c, 'multi_account_manager',
    { features: ['profile.read', 'self'], client_ids: [cl.id] });
  r = await blind.c.get('/api/v1/portfolio');
  const row = r.json.items.find((x) => x.id === cl.id);
  assert.equal(row.vciso, true);
  assert.equal(row.figures.exposure, null);
});
