// The heat maps of the risk register, the Pilot dashboard and the mission
// report (HTML). They are written by app/ui-risks.c rather than by a
// template loop, for speed: this test holds their HTML, byte for byte, as
// the template wrote it — rows by impact from 5 down, columns by
// likelihood, each cell its level (SPEC: low 1-4, medium 5-9, high 10-14,
// critical 15-25), its count of open risks (closed ones left out) and a
// link to them (&residual=1 on the residual map), the texts of the reader's
// language escaped as var: escapes them.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack, tidy } from '../lib/testkit.mjs';
import { createFirm, httpTransport, loggedIn } from '../lib/identity.mjs';
import { makeClient } from '../lib/clients.mjs';
import { TEXTS, htmlEscape } from '../lib/lang.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

let admin;
let client;
let empty;
// Counts by [impact][likelihood], 1-based, as the risks below make them.
const inherent = {};
const residual = {};
const count = (m, i, l) => m[`${i}.${l}`] ?? 0;

before(async () => {
  const f = createFirm(env);
  admin = await loggedIn(http, f.email, f.password);
  client = (await makeClient(admin)).id;
  empty = (await makeClient(admin)).id;
  const risks = [
    [1, 1], [1, 1], [3, 4, 2, 2], [5, 5, 1, 3], [2, 5], [4, 2, 4, 1],
    [5, 1, null, null, 'closed'],
  ];
  for (const [likelihood, impact, rl, ri, status] of risks) {
    const body = { title: `Risk ${likelihood}x${impact}`, likelihood, impact };
    if (rl) Object.assign(body, { residual_likelihood: rl, residual_impact: ri });
    if (status) body.status = status;
    const r = await admin.post(`/api/v1/clients/${client}/risks`, body);
    assert.equal(r.status, 201, r.text);
    if (status === 'closed') continue;
    inherent[`${impact}.${likelihood}`] = count(inherent, impact, likelihood) + 1;
    const [l2, i2] = rl ? [rl, ri] : [likelihood, impact];
    residual[`${i2}.${l2}`] = count(residual, i2, l2) + 1;
  }
});

function level(score) {
  return score <= 4 ? 'low' : score <= 9 ? 'medium' : score <= 14 ? 'high' : 'critical';
}

function expectedMap(lang, id, m, isResidual) {
  const t = (k) => htmlEscape(TEXTS[lang].get(`Lang.risks.${k}`));
  let h = '<div class="table-wrap"><table class="heat">\n'
    + `<caption>${t(isResidual ? 'heat_residual' : 'heat_inherent')}</caption>\n`
    + `<thead><tr><th scope="col">${t('impact')} \\ ${t('likelihood')}</th>`;
  for (let l = 1; l <= 5; l++) h += `<th scope="col">${l}</th>`;
  h += '</tr></thead>\n<tbody>';
  for (let i = 5; i >= 1; i--) {
    h += `<tr><th scope="row">${i}</th>`;
    for (let l = 1; l <= 5; l++) {
      h += `<td class="heat-${level(i * l)}"><a href="/clients/${id}/risks?likelihood=${l}&amp;impact=${i}`
        + `${isResidual ? '&amp;residual=1' : ''}">${count(m, i, l)}`
        + `<span class="visually-hidden"> \u2014 ${t('likelihood')} ${l}, ${t('impact')} ${i}</span></a></td>`;
    }
    h += '</tr>';
  }
  return `${h}</tbody>\n</table></div>`;
}

async function page(p) {
  const r = await admin.get(p);
  assert.equal(r.status, 200, `${p}: ${r.status}`);
  const td = tidy(r.text);
  assert.ok(td.status !== null && td.status < 2, `${p}: tidy errors:\n${td.output}`);
  const m = r.text.match(/<div class="heat-maps">([\s\S]*?<\/table><\/div>)(<div class="table-wrap">[\s\S]*?<\/table><\/div>)<\/div>/);
  return m ? [m[1], m[2]] : null;
}

for (const lang of ['fr', 'en']) {
  test(`heat maps (${lang}): the register, the Pilot and the report show both maps as the template wrote them`, async () => {
    const r = await admin.patch('/api/v1/me', { lang });
    assert.equal(r.status, 200, r.text);
    for (const p of [`/clients/${client}/risks`, `/clients/${client}/pilot`, `/clients/${client}/report`]) {
      const maps = await page(p);
      assert.ok(maps, `${p}: two heat maps`);
      assert.equal(maps[0], expectedMap(lang, client, inherent, false), `${p}: the inherent map`);
      assert.equal(maps[1], expectedMap(lang, client, residual, true), `${p}: the residual map`);
    }
  });
}

test('heat maps: a register without risks shows two maps of zeros; the Pilot says there is none', async () => {
  const maps = await page(`/clients/${empty}/risks`);
  assert.ok(maps);
  assert.equal(maps[0], expectedMap('en', empty, {}, false));
  assert.equal(maps[1], expectedMap('en', empty, {}, true));
  assert.equal(await page(`/clients/${empty}/pilot`), null);
});
