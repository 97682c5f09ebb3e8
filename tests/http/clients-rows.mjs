// The client list page's rows (GET /clients, HTML). They are written by
// app/ui-clients.c rather than by a template loop, for speed: this test
// holds their HTML, byte for byte, as the template wrote it — every value
// escaped as var: escapes it (names, language texts), the labels of each
// enum in the reader's language, the status badge, "not computed yet"
// dashes, the compliance bar's tenth — and the name-only rows an
// establishment manager gets, the empty states and the firm's scope.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack, tidy } from '../lib/testkit.mjs';
import { createFirm, httpTransport, loggedIn, sql } from '../lib/identity.mjs';
import { assign, makeClient, makeEstab, person } from '../lib/clients.mjs';
import { HOSTILE, TEXTS, htmlEscape, setLang } from '../lib/lang.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const A = {};
const B = {};

before(async () => {
  const fa = createFirm(env);
  A.admin = await loggedIn(http, fa.email, fa.password);
  A.hostile = await makeClient(A.admin, { name: HOSTILE, mission_type: 'diagnostic', plan: 'premium' });
  A.plain = await makeClient(A.admin, { name: 'Plain client', plan: 'essential',
    billing_mode: 'direct', billing_email: 'billing@example.test' });
  A.closed = await makeClient(A.admin, { name: 'Closed & done' });
  for (const [c, status] of [[A.hostile, 'suspended'], [A.closed, 'closed']]) {
    const r = await A.admin.patch(`/api/v1/clients/${c.id}`, { status });
    assert.equal(r.status, 200, r.text);
  }
  // Counters the Pilot keeps: one client with figures, the others "not yet".
  sql(env, `UPDATE clients SET open_actions = 7, compliance_pct = 100.00 WHERE id = ${A.plain.id}`);
  sql(env, `UPDATE clients SET open_actions = 0, compliance_pct = 7.50 WHERE id = ${A.closed.id}`);
  sql(env, `UPDATE clients SET open_actions = NULL, compliance_pct = NULL WHERE id = ${A.hostile.id}`);
  const estab = await makeEstab(A.admin, A.hostile.id);
  A.em = await person(http, A.admin, 'establishment_manager');
  await assign(A.admin, A.em.id, [estab.id]);
  const fb = createFirm(env);
  B.admin = await loggedIn(http, fb.email, fb.password);
  B.client = await makeClient(B.admin, { name: 'Other firm client' });
});

// The row the template wrote for client c (its API JSON and counters).
function expectedRow(lang, c, { open = null, pct = null, estabs = 0 } = {}) {
  const t = (k) => htmlEscape(TEXTS[lang].get(`Lang.${k}`));
  const badge = { active: 'badge-ok', closed: 'badge-bad' }[c.status] ?? 'badge-warn';
  const notYet = t('clients.not_yet');
  const progress = pct === null ? `<span class="muted" aria-label="${notYet}">\u2014</span>`
    : `<span class="progress" role="img" aria-label="${t('clients.compliance')} ${pct} %">`
      + `<span class="progress-bar progress-${Math.trunc(Number.parseInt(pct, 10) / 10)}"></span></span>`
      + ` <span class="small">${pct} %</span>`;
  return '<tr>\n'
    + `<td><a href="/clients/${c.id}">${htmlEscape(c.name)}</a></td>\n`
    + `<td>${t(`enums.mission_type.${c.mission_type}`)}</td>\n`
    + `<td><span class="badge badge-plan-${c.plan}">${t(`enums.plan.${c.plan}`)}</span></td>\n`
    + `<td><span class="badge ${badge}">${t(`enums.client_status.${c.status}`)}</span></td>\n`
    + `<td>${t(`clients.billing_short.${c.billing_mode}`)}</td>\n`
    + `<td><a href="/clients/${c.id}/establishments">${estabs}</a></td>\n`
    + `<td>${open === null ? `<span class="muted" title="${notYet}">\u2014</span>` : open}</td>\n`
    + `<td>${progress}</td>\n`
    + '</tr>';
}

// The <tbody> of the clients table of the page at path p.
async function tbody(c, p) {
  const r = await c.get(p);
  assert.equal(r.status, 200, `${p}: ${r.status}`);
  assert.match(r.headers['content-type'] || '', /^text\/html/);
  const td = tidy(r.text);
  assert.ok(td.status !== null && td.status < 2, `${p}: tidy errors:\n${td.output}`);
  const m = r.text.match(/<table id="clients-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/);
  return { html: r.text, rows: m ? m[1] : null };
}

for (const lang of ['fr', 'en']) {
  test(`GET /clients (${lang}): each row as the template wrote it, every value escaped`, async () => {
    await setLang(A.admin, lang);
    const cur = async (c) => (await A.admin.get(`/api/v1/clients/${c.id}`)).json;
    const [hostile, plain, closed] = [await cur(A.hostile), await cur(A.plain), await cur(A.closed)];
    const { html, rows } = await tbody(A.admin, '/clients?sort=name&dir=asc');
    assert.equal(rows, [
      expectedRow(lang, hostile, { estabs: 1 }),
      expectedRow(lang, closed, { open: '0', pct: '7.50' }),
      expectedRow(lang, plain, { open: '7', pct: '100.00' }),
    ].join(''));
    assert.ok(!html.includes('<script>alert'), 'the hostile name is never markup');
    assert.ok(!html.includes('Other firm client'), 'another firm\'s client is not listed');
  });
}

test('GET /clients as an establishment manager: name-only rows, each a link to the establishments', async () => {
  const { rows } = await tbody(A.em.c, '/clients');
  assert.equal(rows, `<tr><td><a href="/clients/${A.hostile.id}/establishments">${htmlEscape(HOSTILE)}</a></td></tr>`);
});

test('GET /clients: no table when nothing matches the filters, nor for a firm without clients', async () => {
  await setLang(A.admin, 'en');
  const { html, rows } = await tbody(A.admin, '/clients?q=nothing-matches-this');
  assert.equal(rows, null);
  assert.ok(html.includes(htmlEscape(TEXTS.en.get('Lang.clients.none_found'))), 'the "none found" text');
  const fc = createFirm(env);
  const empty = await tbody(await loggedIn(http, fc.email, fc.password), '/clients');
  assert.equal(empty.rows, null);
  assert.match(empty.html, /class="empty"/);
});

test('GET /clients: a page of 50 rows, then the rest on the next page', async () => {
  const fd = createFirm(env);
  const admin = await loggedIn(http, fd.email, fd.password);
  const values = Array.from({ length: 52 }, (_, i) =>
    `(${fd.firmId}, 'Bulk ${String(i + 1).padStart(3, '0')}', 'permanent', 'standard', 'intermediated')`);
  sql(env, `INSERT INTO clients (firm_id, name, mission_type, plan, billing_mode) VALUES ${values.join(',')}`);
  const count = (rows) => (rows.match(/<tr>/g) || []).length;
  const first = await tbody(admin, '/clients');
  assert.equal(count(first.rows), 50);
  assert.ok(first.rows.includes('>Bulk 001<') && first.rows.includes('>Bulk 050<'));
  const second = await tbody(admin, '/clients?page=2');
  assert.equal(count(second.rows), 2);
  assert.ok(second.rows.includes('>Bulk 051<') && second.rows.includes('>Bulk 052<'));
});
