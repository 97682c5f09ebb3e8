// The risk register's rows (GET /clients/{id}/risks, HTML). They are
// written by app/ui-risks.c rather than by a template loop, for speed: this
// test holds their HTML, byte for byte, as the template wrote it — every
// value escaped as var: escapes it (a hostile title, asset and owner name,
// the language texts), the asset line only when the template's if: found
// it true (not for "0"), both badges, the owner or a dash, the date — and
// the empty states and paging.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack, tidy } from '../lib/testkit.mjs';
import { createFirm, httpTransport, loggedIn } from '../lib/identity.mjs';
import { makeClient } from '../lib/clients.mjs';
import { HOSTILE, TEXTS, htmlEscape, okJson as ok, setLang } from '../lib/lang.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const A = {};

before(async () => {
  const fa = createFirm(env);
  A.admin = await loggedIn(http, fa.email, fa.password);
  const me = ok(await A.admin.patch('/api/v1/me', { first_name: HOSTILE, last_name: 'Owner' }), 'me');
  A.client = await makeClient(A.admin);
  A.empty = await makeClient(A.admin);
  const post = (body) => A.admin.post(`/api/v1/clients/${A.client.id}/risks`, body);
  ok(await post({ title: HOSTILE, asset: HOSTILE, likelihood: 4, impact: 5, owner_id: me.id }), 'hostile');
  const mitigated = ok(await post({ title: 'Mitigated', asset: '0', likelihood: 3, impact: 3,
    treatment: 'accept' }), 'mitigated');
  ok(await A.admin.patch(`/api/v1/risks/${mitigated.id}`, { residual_likelihood: 1, residual_impact: 2,
    status: 'closed' }), 'residual');
  ok(await post({ title: 'Plain', asset: '', likelihood: 1, impact: 1 }), 'plain');
});

// The rows the template wrote for the API's risks of one page.
function expectedRows(lang, risks) {
  const t = (k) => htmlEscape(TEXTS[lang].get(`Lang.${k}`) ?? '');
  const e = htmlEscape;
  const truthy = (s) => s !== null && s !== undefined && s !== '' && (!/^\s*[-+]?\d+$/.test(s) || Number(s) !== 0);
  const badge = (score, level) => `<td><span class="badge heat-${level}">${score} \u00b7 ${t(`risks.levels.${level}`)}</span></td>\n`;
  return risks.map((r) => '<tr>\n'
    + `<td><a href="/risks/${r.id}">${e(r.title)}</a>`
    + (truthy(r.asset) ? `<br><span class="small muted">${e(r.asset)}</span>` : '') + '</td>\n'
    + badge(r.score, r.level) + badge(r.residual_score, r.residual_level)
    + `<td>${t(`enums.risk_treatment.${r.treatment}`)}</td>\n`
    + `<td>${t(`enums.risk_status.${r.status}`)}</td>\n`
    + `<td>${truthy(r.owner_name) ? e(r.owner_name) : '\u2014'}</td>\n`
    + `<td><time datetime="${e(r.updated_at)}">${e(r.updated_at.slice(0, 10))}</time></td>\n`
    + '</tr>').join('');
}

async function tbody(c, p) {
  const r = await c.get(p);
  assert.equal(r.status, 200, `${p}: ${r.status}`);
  const td = tidy(r.text);
  assert.ok(td.status !== null && td.status < 2, `${p}: tidy errors:\n${td.output}`);
  const m = r.text.match(/<table id="risks-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/);
  return { html: r.text, rows: m ? m[1] : null };
}

for (const lang of ['fr', 'en']) {
  test(`GET /clients/{id}/risks (${lang}): each row as the template wrote it, every value escaped`, async () => {
    await setLang(A.admin, lang);
    const c = A.client.id;
    const api = ok(await A.admin.get(`/api/v1/clients/${c}/risks?sort=title&dir=asc&limit=50`), 'api');
    assert.equal(api.items.length, 3);
    const { html, rows } = await tbody(A.admin, `/clients/${c}/risks?sort=title&dir=asc`);
    assert.equal(rows, expectedRows(lang, api.items));
    assert.ok(!html.includes('<script>alert'), 'the hostile texts are never markup');
    assert.ok(rows.includes('>Mitigated</a></td>'), 'an asset "0" is false to the template: no asset line');
    assert.ok(rows.includes(`<br><span class="small muted">${htmlEscape(HOSTILE)}</span>`));
  });
}

test('GET /clients/{id}/risks: the empty states and a page of 50, then the rest', async () => {
  await setLang(A.admin, 'en');
  const none = await tbody(A.admin, `/clients/${A.empty.id}/risks`);
  assert.equal(none.rows, null);
  assert.ok(none.html.includes(htmlEscape(TEXTS.en.get('Lang.risks.empty'))), 'the "no risk yet" text');
  const filtered = await tbody(A.admin, `/clients/${A.client.id}/risks?q=nothing-matches-this`);
  assert.equal(filtered.rows, null);
  assert.ok(filtered.html.includes(htmlEscape(TEXTS.en.get('Lang.risks.none_found'))), 'the "none found" text');
  const c = (await makeClient(A.admin)).id;
  for (let i = 1; i <= 52; i++) {
    ok(await A.admin.post(`/api/v1/clients/${c}/risks`, { title: `Bulk ${String(i).padStart(3, '0')}`,
      likelihood: 1 + (i % 5), impact: 1 + (i % 3) }), `risk ${i}`);
  }
  const first = await tbody(A.admin, `/clients/${c}/risks?sort=title&dir=asc`);
  const api1 = ok(await A.admin.get(`/api/v1/clients/${c}/risks?sort=title&dir=asc&limit=50`), 'api');
  assert.equal(first.rows, expectedRows('en', api1.items));
  assert.equal((first.rows.match(/<tr>/g) || []).length, 50);
  const second = await tbody(A.admin, `/clients/${c}/risks?sort=title&dir=asc&page=2`);
  const api2 = ok(await A.admin.get(`/api/v1/clients/${c}/risks?sort=title&dir=asc&limit=50&offset=50`), 'api');
  assert.equal(second.rows, expectedRows('en', api2.items));
  assert.ok(second.rows.includes('>Bulk 051<') && second.rows.includes('>Bulk 052<'));
});
