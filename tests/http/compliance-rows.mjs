// The compliance page's requirement forms (GET /clients/{id}/compliance,
// HTML). They are written by app/ui-pilot.c rather than by a template
// loop, for speed: this test holds their HTML, byte for byte, as the
// template wrote it — every value escaped as var: escapes it (a hostile
// comment, justification, evidence and action title, the language texts),
// the group headings (none for a requirement outside any group, where
// the template wrote an empty one), the status select with the current status chosen,
// the applicability, the evidence and actions with their badges or a dash,
// the error of a form posted back, the empty state and paging.
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
let anssi;
let csf;

before(async () => {
  const fa = createFirm(env);
  A.admin = await loggedIn(http, fa.email, fa.password);
  A.client = await makeClient(A.admin);
  A.empty = await makeClient(A.admin);
  A.big = await makeClient(A.admin);
  const catalogue = (await A.admin.get('/api/v1/frameworks')).json.items;
  anssi = catalogue.find((f) => f.code === 'anssi-hygiene');
  csf = catalogue.find((f) => f.code === 'nist-csf');
  ok(await A.admin.post(`/api/v1/clients/${A.big.id}/frameworks`, { framework_id: csf.id }), 'adopt CSF');
  for (const c of [A.client, A.empty]) {
    ok(await A.admin.post(`/api/v1/clients/${c.id}/frameworks`, { framework_id: anssi.id }), 'adopt');
  }
  const items = ok(await A.admin.get(`/api/v1/clients/${A.client.id}/compliance?framework_id=${anssi.id}&limit=3`),
    'items').items;
  A.rids = items.map((x) => x.requirement_id);
  const [r1, r2, r3] = A.rids;
  ok(await A.admin.patch(`/api/v1/clients/${A.client.id}/compliance/${r1}`,
    { status: 'partial', comment: `${HOSTILE}\nsecond line`, justification: HOSTILE }), 'assess r1');
  ok(await A.admin.patch(`/api/v1/clients/${A.client.id}/compliance/${r2}`,
    { status: 'not_applicable', justification: 'Out of scope' }), 'assess r2');
  // Evidence on r1 (two), an action on r1 and r3.
  A.doc = ok(await A.admin.post(`/api/v1/clients/${A.client.id}/resources`,
    { type: 'document', title: HOSTILE, body: 'x', requirement_ids: [r1] }), 'resource');
  A.tool = ok(await A.admin.post(`/api/v1/clients/${A.client.id}/resources`,
    { type: 'tool', title: 'EDR', body: 'x', requirement_ids: [r1] }), 'resource 2');
  A.action = ok(await A.admin.post(`/api/v1/clients/${A.client.id}/actions`,
    { title: `Fix ${HOSTILE}`, requirement_ids: [r1, r3] }), 'action');
});

// The children of a language node, in the file's order: [key, text].
function langChildren(lang, node) {
  const prefix = `${node}.`;
  return [...TEXTS[lang]].filter(([k]) => k.startsWith(prefix) && !k.slice(prefix.length).includes('.'))
    .map(([k, v]) => [k.slice(prefix.length), v]);
}

// The forms the template wrote for the API's items of one page.
function expectedRows(lang, c, items, { fw, page, cycle, csrf, error = null }) {
  const t = (k) => htmlEscape(TEXTS[lang].get(`Lang.${k}`));
  const e = htmlEscape;
  const linked = (list, href, badge, enumKey) => (list.length === 0 ? '<span class="muted">\u2014</span>'
    : list.map((o) => `<a href="${href}${o.id}">${e(o.title)}</a> `
      + `<span class="badge ${badge}${e(o.status)}">${t(`enums.${enumKey}.${o.status}`)}</span>`).join(', '));
  const statuses = langChildren(lang, 'Lang.pilot.statuses');
  let group = '';
  let out = '\n';
  for (const i of items) {
    const rid = i.requirement_id;
    const gref = i.group_ref ?? '';
    out += '\n';
    if (gref !== '' && gref !== group) out += `<h2 class="req-group">${e(gref)} \u00b7 ${e(i.group_title ?? '')}</h2>`;
    group = gref;
    const yes = i.applicable ? '1' : '0';
    out += `\n<form method="post" action="/clients/${c}/compliance/${rid}" class="card assess" id="req-${rid}">\n`
      + `<input type="hidden" name="csrf_token" value="${csrf}"><input type="hidden" name="framework_id" value="${fw}">`
      + `<input type="hidden" name="page" value="${page}"><input type="hidden" name="cycle" value="${cycle}">\n`
      + `<p><strong>${e(i.ref)}</strong> ${e(i.title)} <span class="badge status-${i.status}">${t(`pilot.statuses.${i.status}`)}</span></p>\n`
      + '<div class="assess-fields">\n'
      + `<div class="field"><label for="s-${rid}">${t('pilot.status')}</label>\n`
      + `<select id="s-${rid}" name="status">`
      + statuses.map(([k, v]) => `<option value="${k}"${k === i.status ? ' selected' : ''}>${e(v)}</option>`).join('')
      + '</select></div>\n'
      + `<div class="field"><label for="c-${rid}">${t('pilot.comment')}</label>\n`
      + `<textarea id="c-${rid}" name="comment" rows="2">${e(i.comment ?? '')}</textarea></div>\n`
      + `<div class="field"><label for="a-${rid}">${t('deliv.applicable')}</label>\n`
      + `<input type="hidden" name="applicable_was" value="${yes}"><select id="a-${rid}" name="applicable">`
      + `<option value="1"${yes === '1' ? ' selected' : ''}>${t('deliv.yes')}</option>`
      + `<option value="0"${yes !== '1' ? ' selected' : ''}>${t('deliv.no')}</option></select></div>\n`
      + `<div class="field"><label for="j-${rid}">${t('deliv.justification')}</label>\n`
      + `<textarea id="j-${rid}" name="justification" rows="2">${e(i.justification ?? '')}</textarea></div>\n`
      + '</div>\n'
      + `<p class="links small"><span class="muted">${t('pilot.evidence')}</span> `
      + linked(i.resources, '/resources/', 'res-', 'resource_status')
      + `\n\u00b7 <a href="/clients/${c}/resources/new?requirement_id=${rid}">${t('pilot.add_evidence')}</a><br>\n`
      + `<span class="muted">${t('pilot.linked_actions')}</span> `
      + linked(i.actions, '/actions/', 'action-', 'action_status')
      + '</p>\n'
      + (error && error.rid === rid ? `<p class="field-error">${t(`errors.${error.code}`) || t('errors.invalid')}</p>` : '')
      + `\n<p><button type="submit" class="button secondary">${t('pilot.save')}</button></p>\n</form>\n`;
  }
  return out;
}

async function page(c, p) {
  const r = await c.get(p);
  assert.equal(r.status, 200, `${p}: ${r.status}`);
  const td = tidy(r.text);
  assert.ok(td.status !== null && td.status < 2, `${p}: tidy errors:\n${td.output}`);
  return r.text;
}

for (const lang of ['fr', 'en']) {
  test(`GET /clients/{id}/compliance (${lang}): each requirement's form as the template wrote it`, async () => {
    await setLang(A.admin, lang);
    const c = A.client.id;
    const api = ok(await A.admin.get(`/api/v1/clients/${c}/compliance?framework_id=${anssi.id}&limit=50`), 'api');
    const pilot = ok(await A.admin.get(`/api/v1/clients/${c}/pilot`), 'pilot');
    const fw = pilot.frameworks.find((x) => x.framework_id === anssi.id);
    const html = await page(A.admin, `/clients/${c}/compliance?framework_id=${anssi.id}`);
    const expected = expectedRows(lang, c, api.items, { fw: anssi.id, page: 1, cycle: fw.cycle ?? '', csrf: A.admin.csrf });
    assert.ok(html.includes(expected), 'the 42 forms, byte for byte');
    assert.equal((html.match(/class="card assess"/g) || []).length, 42);
    assert.ok(!html.includes('<script>alert'), 'the hostile texts are never markup');
    // What the fixtures set shows where it should.
    const first = html.slice(html.indexOf(`id="req-${A.rids[0]}"`), html.indexOf(`id="req-${A.rids[1]}"`));
    assert.ok(first.includes('<option value="partial" selected>'));
    assert.ok(first.includes(`href="/resources/${A.doc.id}"`) && first.includes(`href="/resources/${A.tool.id}"`));
    assert.ok(first.includes(`href="/actions/${A.action.id}"`));
    const second = html.slice(html.indexOf(`id="req-${A.rids[1]}"`), html.indexOf(`id="req-${A.rids[2]}"`));
    assert.ok(second.includes('<option value="0" selected>'), 'not applicable');
    assert.ok(second.includes('<span class="muted">\u2014</span>'), 'no evidence: a dash');
  });
}

test('an imported framework with requirements outside any group: no empty heading', async () => {
  await setLang(A.admin, 'en');
  const req = (ref, parent, assessable) => ({ ref, parent_ref: parent, assessable,
    title_fr: `Exigence ${ref}`, title_en: `Requirement ${ref}` });
  const fw = ok(await A.admin.post('/api/v1/frameworks', {
    code: `flat-${Date.now()}`, version: '1', name_fr: 'Plat', name_en: 'Flat', publisher: 'Rempart tests',
    licence: 'CC0 1.0', source_url: 'https://example.org/flat',
    requirements: [req('TOP-1', null, true), req('GRP', null, false), req('GRP-1', 'GRP', true),
      req('TOP-2', null, true)],
  }), 'import');
  const c = (await makeClient(A.admin)).id;
  ok(await A.admin.post(`/api/v1/clients/${c}/frameworks`, { framework_id: fw.id }), 'adopt');
  const api = ok(await A.admin.get(`/api/v1/clients/${c}/compliance?framework_id=${fw.id}&limit=50`), 'api');
  assert.deepEqual(api.items.map((x) => x.group_ref ?? null).sort(), ['GRP', null, null]);
  const cycle = ok(await A.admin.get(`/api/v1/clients/${c}/pilot`), 'pilot').frameworks
    .find((x) => x.framework_id === fw.id).cycle ?? '';
  const html = await page(A.admin, `/clients/${c}/compliance?framework_id=${fw.id}`);
  const want = expectedRows('en', c, api.items, { fw: fw.id, page: 1, cycle, csrf: A.admin.csrf });
  assert.ok(html.includes(want), `${want}\n----\n${html}`);
  assert.deepEqual([...html.matchAll(/<h2 class="req-group">([^<]*)<\/h2>/g)].map((m) => m[1]),
    [`GRP \u00b7 ${htmlEscape('Requirement GRP')}`], 'one heading, for the one group');
});

test('a form posted back with an error: its message under that requirement only', async () => {
  await setLang(A.admin, 'en');
  const c = A.client.id;
  const rid = A.rids[2];
  const r = await A.admin.request('POST', `/clients/${c}/compliance/${rid}`, undefined, {
    raw: new URLSearchParams({ csrf_token: A.admin.csrf, framework_id: String(anssi.id), page: '1',
      status: 'bogus' }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  });
  assert.equal(r.status, 400);
  const api = ok(await A.admin.get(`/api/v1/clients/${c}/compliance?framework_id=${anssi.id}&limit=50`), 'api');
  const fw = ok(await A.admin.get(`/api/v1/clients/${c}/pilot`), 'pilot').frameworks
    .find((x) => x.framework_id === anssi.id);
  const expected = expectedRows('en', c, api.items, { fw: anssi.id, page: 1, cycle: fw.cycle ?? '', csrf: A.admin.csrf,
    error: { rid, code: 'invalid' } });
  assert.ok(r.text.includes(expected), 'the forms, the error under the one posted');
  assert.equal((r.text.match(/class="field-error"/g) || []).length, 1);
});

test('paging and filters: page 2 of 106 requirements; a filter that matches nothing shows the empty state', async () => {
  await setLang(A.admin, 'fr');
  const c = A.big.id;
  const api = ok(await A.admin.get(`/api/v1/clients/${c}/compliance?framework_id=${csf.id}&limit=50&offset=50`),
    'api');
  const fw = ok(await A.admin.get(`/api/v1/clients/${c}/pilot`), 'pilot').frameworks
    .find((x) => x.framework_id === csf.id);
  const html = await page(A.admin, `/clients/${c}/compliance?framework_id=${csf.id}&page=2`);
  assert.ok(html.includes(expectedRows('fr', c, api.items, { fw: csf.id, page: 2, cycle: fw.cycle ?? '',
    csrf: A.admin.csrf })), 'page 2, its page number in every form');
  assert.equal((html.match(/class="card assess"/g) || []).length, 50);
  assert.match(html, /class="pager"/);
  const none = await page(A.admin, `/clients/${A.empty.id}/compliance?framework_id=${anssi.id}&status=compliant`);
  assert.equal((none.match(/class="card assess"/g) || []).length, 0);
  assert.ok(none.includes(`<div class="empty"><p>${htmlEscape(TEXTS.fr.get('Lang.pilot.no_items'))}</p></div>`));
});
