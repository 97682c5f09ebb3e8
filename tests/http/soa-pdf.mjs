// The Statement of Applicability as a PDF (issue 14, item 4): built by
// rempart-render like the mission report, its text (pdftotext) holds the
// client, the framework, the requirements' refs and titles, a
// justification, the linked evidence and actions, in French and in English
// (labels differ), with embedded fonts (pdffonts), page numbers and the
// table's header row on every page; its counts equal the SoA's JSON (the
// page's); the page and API routes answer another firm 404, a firm user not
// vCISO 403, support 403; it goes through report.max_concurrent (503).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack, sleep } from '../lib/testkit.mjs';
import { createFirm, createSupport, httpTransport, loggedIn } from '../lib/identity.mjs';
import { makeClient, person } from '../lib/clients.mjs';
import { fetchBytes, makePng, pdfFonts, pdfImageCount } from '../lib/deliverables.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);
const get = (c, p) => fetchBytes(env.BASE_URL, c, 'GET', p);
const put = (c, p, body, contentType) => fetchBytes(env.BASE_URL, c, 'PUT', p, { body, contentType });

const A = {};
const B = {};
let support;
let anssi;
let csf;
const NAME = `Établissement Français du Sang — Hauts-de-France çà ${Date.now().toString(36)}`;
const JUST = 'Aucun réseau sans fil sur le site de Lille';
const RES = 'Politique de contrôle d’accès';
const ACT = 'Revue trimestrielle des comptes';

// The text of a PDF (of page n only, when given), whitespace folded, in
// the order it is drawn (-raw): a table's wrapped cell stays in one piece,
// where pdftotext's reading order would interleave the row's columns.
function pdfText(buf, n) {
  const f = path.join(os.tmpdir(), `soa-pdf-${process.pid}-${Date.now()}.pdf`);
  const pages = n ? ['-f', String(n), '-l', String(n)] : [];
  fs.writeFileSync(f, buf);
  try {
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...pages, f, '-'],
      { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally { fs.unlinkSync(f); }
}

before(async () => {
  const fa = createFirm(env);
  A.admin = await loggedIn(http, fa.email, fa.password);
  A.client = await makeClient(A.admin, { name: NAME });
  A.admin2 = await person(http, A.admin, 'admin');
  A.other = await makeClient(A.admin);
  A.am = await person(http, A.admin, 'account_manager', { client_ids: [A.other.id] });
  const fb = createFirm(env);
  B.admin = await loggedIn(http, fb.email, fb.password);
  B.client = await makeClient(B.admin);
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
  const list = (await A.admin.get('/api/v1/frameworks')).json.items;
  anssi = list.find((f) => f.code === 'anssi-hygiene');
  csf = list.find((f) => f.code === 'nist-csf');
  const c = `/api/v1/clients/${A.client.id}`;
  for (const fw of [anssi, csf]) assert.equal((await A.admin.post(`${c}/frameworks`, { framework_id: fw.id })).status, 201);
  const reqs = (await A.admin.get(`${c}/compliance?framework_id=${anssi.id}&limit=10`)).json.items.map((x) => x.requirement_id);
  const patch = async (rid, body) => {
    const r = await A.admin.patch(`${c}/compliance/${rid}`, body);
    assert.equal(r.status, 200, r.text);
  };
  await patch(reqs[0], { applicable: false, justification: JUST });
  await patch(reqs[1], { status: 'compliant' });
  await patch(reqs[2], { status: 'partial' });
  await patch(reqs[3], { status: 'non_compliant' });
  await patch(reqs[4], { status: 'not_applicable' });	// no justification: flagged
  let r = await A.admin.post(`${c}/resources`, { type: 'document', title: RES, body: 'x', requirement_ids: [reqs[1]] });
  assert.equal(r.status, 201, r.text);
  r = await A.admin.post(`${c}/actions`, { title: ACT, due_date: '2099-03-31', priority: 'high', requirement_ids: [reqs[2]] });
  assert.equal(r.status, 201, r.text);
});

test('the SoA PDF in French and in English: client, framework, refs, titles, justification, links, counts, fonts', async () => {
  const c = A.client.id;
  for (const lang of ['fr', 'en']) {
    const soa = (await A.admin.get(`/api/v1/clients/${c}/frameworks/${anssi.id}/soa?lang=${lang}`)).json;
    for (const p of [`/clients/${c}/frameworks/${anssi.id}/soa.pdf?lang=${lang}`,
      `/api/v1/clients/${c}/frameworks/${anssi.id}/soa.pdf?lang=${lang}`]) {
      const r = await get(A.admin, p);
      assert.equal(r.status, 200, `${p}: ${r.body.toString().slice(0, 200)}`);
      assert.equal(r.headers['content-type'], 'application/pdf');
      assert.equal(r.headers['content-disposition'], `attachment; filename="soa-${c}-${anssi.id}.pdf"`);
      assert.equal(r.body.subarray(0, 5).toString(), '%PDF-');
      const text = pdfText(r.body);
      const has = (s, what) => assert.ok(text.includes(s), `${lang} ${p}: ${what} "${s}"`);
      has(NAME, 'client');
      has(soa.name, 'framework');
      has(soa.version, 'version');
      has(JUST, 'justification');
      has(RES, 'linked evidence');
      has(ACT, 'linked action');
      for (const it of soa.items.slice(0, 8)) {
        has(it.ref, 'requirement ref');
        has(it.title, 'requirement title');
      }
      for (const it of soa.items) has(it.ref, 'every ref');
      const fr = lang === 'fr';
      has(fr ? 'Déclaration d\'applicabilité' : 'Statement of Applicability', 'title');
      has(fr ? 'Justification Statut Preuves Actions' : 'Justification Status Evidence Actions', 'column labels');
      assert.ok(!text.includes(fr ? 'Statement of Applicability' : 'Déclaration'), `${lang}: no other language`);
      // The counts line, equal to the SoA's JSON (itself the page's).
      const colon = fr ? ' : ' : ': ';
      const k = soa.counts;
      const labels = fr
        ? [['Exigences', k.total], ['Applicable', k.applicable], ['Non applicable', k.not_applicable],
          ['Conforme', k.compliant], ['Partielle', k.partial], ['Non conforme', k.non_compliant], ['Non évaluée', k.not_assessed]]
        : [['Requirements', k.total], ['Applicable', k.applicable], ['Not applicable', k.not_applicable],
          ['Compliant', k.compliant], ['Partial', k.partial], ['Non-compliant', k.non_compliant], ['Not assessed', k.not_assessed]];
      has(labels.map(([l, n]) => `${l}${colon}${n}`).join(' · '), 'counts');
      assert.deepEqual([k.total, k.applicable, k.not_applicable, k.compliant, k.partial, k.non_compliant],
        [42, 40, 2, 1, 1, 1]);
      has(`${k.justification_missing} ${fr ? 'exigence(s)' : 'requirement(s)'}`, 'missing justifications');
      // One yes/no per requirement.
      const yes = fr ? 'Oui' : 'Yes';
      const no = fr ? 'Non' : 'No';
      assert.equal(text.split(` ${yes} `).length - 1, k.applicable, `${lang}: "${yes}" per applicable requirement`);
      assert.ok(text.split(` ${no} `).length - 1 >= k.not_applicable, `${lang}: "${no}" per requirement not applicable`);
      assert.match(text, /Page 1 \/ \d+/);
      const fonts = pdfFonts(r.body);
      assert.ok(fonts.length > 0, 'fonts listed');
      for (const f of fonts) assert.equal(f.emb, 'yes', `${f.name} embedded`);
    }
  }
  // The SoA page offers the PDF beside CSV and Excel.
  const page = await A.admin.get(`/clients/${c}/frameworks/${anssi.id}/soa`);
  assert.match(page.text, new RegExp(`href="/clients/${c}/frameworks/${anssi.id}/soa.pdf" download>Exporter en PDF<`));
});

test('a long SoA: landscape pages, the header row and "n / N" on every page, both logos', async () => {
  const c = A.client.id;
  assert.equal((await put(A.admin, '/api/v1/branding/logo', makePng(200, 80), 'image/png')).status, 200);
  assert.equal((await put(A.admin, `/api/v1/clients/${c}/logo`, makePng(60, 60), 'image/png')).status, 200);
  const soa = (await A.admin.get(`/api/v1/clients/${c}/frameworks/${csf.id}/soa?lang=en`)).json;
  assert.ok(soa.items.length > 50, `${soa.items.length} requirements`);
  const r = await get(A.admin, `/clients/${c}/frameworks/${csf.id}/soa.pdf?lang=en`);
  assert.equal(r.status, 200);
  assert.equal(pdfImageCount(r.body), 2, 'the firm and client logos');
  const f = path.join(os.tmpdir(), `soa-pdf-${process.pid}.pdf`);
  fs.writeFileSync(f, r.body);
  const info = execFileSync('pdfinfo', [f], { encoding: 'utf8' });
  fs.unlinkSync(f);
  assert.match(info, /Page size:\s+841\.89 x 595\.28 pts/, 'A4 landscape');
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 3, `${pages} pages`);
  for (let n = 1; n <= pages; n++) {
    const t = pdfText(r.body, n);
    assert.ok(t.includes('Reference Title Applicable Justification Status Evidence Actions'), `header row on page ${n}`);
    assert.ok(t.includes(`Page ${n} / ${pages}`), `page ${n} / ${pages}`);
  }
  const text = pdfText(r.body);
  for (const it of soa.items) assert.ok(text.includes(it.ref), `${it.ref}`);
});

test('access: another firm 404, out of scope 404, not vCISO 403, support 403, framework not adopted 404', async () => {
  const c = A.client.id;
  const bad = [];
  const expect = async (who, name, p, want) => {
    const r = await get(who, p);
    if (r.status !== want) bad.push(`${name} GET ${p}: ${r.status} (want ${want})`);
  };
  for (const p of [`/clients/${c}/frameworks/${anssi.id}/soa.pdf`, `/api/v1/clients/${c}/frameworks/${anssi.id}/soa.pdf`]) {
    await expect(B.admin, 'firm B admin', p, 404);
    await expect(A.am.c, 'account manager out of scope', p, 404);
    await expect(A.admin2.c, 'admin not vCISO', p, 403);
    await expect(support, 'support', p, 403);
  }
  for (const p of [`/clients/${A.other.id}/frameworks/${anssi.id}/soa.pdf`,
    `/api/v1/clients/${A.other.id}/frameworks/${anssi.id}/soa.pdf`,
    `/api/v1/clients/${B.client.id}/frameworks/${anssi.id}/soa.pdf`]) {
    await expect(p.includes(String(B.client.id)) ? B.admin : A.admin, 'not adopted', p, 404);
  }
  assert.deepEqual(bad, []);
  const r = await get(A.admin, `/api/v1/clients/${A.other.id}/frameworks/${anssi.id}/soa.pdf`);
  assert.equal(r.json.error.field, 'framework_id');
});

test('report.max_concurrent holds the SoA PDF too: every slot taken, 503 with Retry-After', async () => {
  const dir = path.dirname(env.STACK_FCGI_SOCKET);
  const holders = [0, 1].map((i) => spawn('flock', ['-x', path.join(dir, `rempart-report.${i}.lock`), 'sleep', '30'],
    { stdio: 'ignore', detached: true }));
  try {
    await sleep(300);
    const r = await get(A.admin, `/api/v1/clients/${A.client.id}/frameworks/${anssi.id}/soa.pdf`);
    assert.equal(r.status, 503, r.body.toString().slice(0, 200));
    assert.equal(r.headers['retry-after'], '5');
    assert.equal(r.json.error.code, 'busy');
  } finally {
    for (const h of holders) process.kill(-h.pid, 'SIGTERM');
  }
  await sleep(200);
  assert.equal((await get(A.admin, `/clients/${A.client.id}/frameworks/${anssi.id}/soa.pdf`)).status, 200);
});
