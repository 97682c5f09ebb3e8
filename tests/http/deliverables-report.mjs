// Branding and the mission report as PDF and Word (issue 14, items 2, 3
// and the Word report of 5): the PDF's text (pdftotext) holds the client's
// name, each framework's % and the risk titles in the user's language (fr
// and en) with embedded fonts (pdffonts) and both logos; the DOCX read with
// python3-docx has the report's headings as Heading styles; logos are
// re-encoded, served as image/png with nosniff, and hostile ones (SVG,
// polyglots, markup, truncated files, 100,000 × 100,000 pixels, too large)
// are refused with 400 naming the field and nothing written; another
// firm's ids answer 404, a firm user not vCISO 403; and no more than
// report.max_concurrent reports are built at once (503 + Retry-After).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack, sleep } from '../lib/testkit.mjs';
import { createFirm, httpTransport, loggedIn, sql } from '../lib/identity.mjs';
import { makeClient, person } from '../lib/clients.mjs';
import {
  JPEG, PNG_SIG, docxOutline, docxThroughLibreOffice, hasSoffice, fetchBytes, jpegDeclaring, makePng, pdfFonts, pdfImageCount, pdfText, textChunk,
} from '../lib/deliverables.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);
const get = (c, p) => fetchBytes(env.BASE_URL, c, 'GET', p);
const put = (c, p, body, contentType) => fetchBytes(env.BASE_URL, c, 'PUT', p, { body, contentType });

const A = {};
const B = {};
const NAME = `Clinique Saint-Éloi des Hauts-de-Seine — groupement hospitalier çà ${Date.now().toString(36)}`;
const RISKS = ['Fuite de données patients', 'Rançongiciel sur le DPI', 'Hameçonnage ciblé des équipes'];
const ACTIONS = { open: 'Déployer le MFA partout', late: 'Sauvegardes hors ligne testées' };

// A framework's % as the Pilot shows it: one decimal.
const pct = (fw) => `${Number(fw.compliance_pct).toFixed(1)} %`;
const logoRows = () => sql(env, `SELECT id, firm_id, IFNULL(client_id, 0), width, height, MD5(png_base64)
  FROM brand_logos ORDER BY id`).map((r) => r.join(':')).join('\n');

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

  const c = `/api/v1/clients/${A.client.id}`;
  const fws = (await A.admin.get('/api/v1/frameworks')).json.items.filter((f) => ['nist-csf', 'anssi-hygiene'].includes(f.code));
  assert.equal(fws.length, 2);
  for (const [k, fw] of fws.entries()) {
    assert.equal((await A.admin.post(`${c}/frameworks`, { framework_id: fw.id })).status, 201);
    const items = (await A.admin.get(`${c}/compliance?framework_id=${fw.id}&limit=10`)).json.items;
    for (const [i, it] of items.slice(0, 3 + k * 2).entries()) {
      const r = await A.admin.patch(`${c}/compliance/${it.requirement_id}`, { status: i % 2 ? 'partial' : 'compliant' });
      assert.equal(r.status, 200, r.text);
    }
  }
  for (const [i, title] of RISKS.entries()) {
    const r = await A.admin.post(`${c}/risks`, { title, likelihood: 5 - i, impact: 4, treatment: 'reduce',
      residual_likelihood: 2, residual_impact: 2 });
    assert.equal(r.status, 201, r.text);
  }
  assert.equal((await A.admin.post(`${c}/actions`, { title: ACTIONS.open, due_date: '2099-06-30', priority: 'high' })).status, 201);
  assert.equal((await A.admin.post(`${c}/actions`, { title: ACTIONS.late, due_date: '2020-01-15', priority: 'critical' })).status, 201);
  A.pilot = (await A.admin.get(`${c}/pilot`)).json;
});

test('the PDF report, in French and in English: client, each framework\'s %, risk titles, embedded fonts', async () => {
  for (const [lang, heading, level] of [['fr', 'Principaux risques', 'Critique'], ['en', 'Top risks', 'Critical']]) {
    const r = await get(A.admin, `/clients/${A.client.id}/report.pdf?lang=${lang}`);
    assert.equal(r.status, 200, r.body.toString().slice(0, 200));
    assert.equal(r.headers['content-type'], 'application/pdf');
    assert.match(r.headers['content-disposition'], /^attachment; filename="report-\d+-\d{4}-\d{2}-\d{2}\.pdf"$/);
    assert.equal(r.body.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(r.body);
    assert.ok(text.includes(NAME), `client name in the ${lang} PDF`);
    assert.ok(text.includes(heading), `${lang} heading`);
    assert.ok(text.includes(level), `${lang} level label`);
    // Framework names are in the user's language too.
    const pilot = (await A.admin.get(`/api/v1/clients/${A.client.id}/pilot?lang=${lang}`)).json;
    for (const fw of pilot.frameworks) {
      assert.notEqual(fw.compliance_pct, null);
      assert.ok(text.includes(pct(fw)), `${fw.name}: ${pct(fw)} in the ${lang} PDF`);
      assert.ok(text.includes(fw.name), `${fw.name} named`);
    }
    for (const t of RISKS) assert.ok(text.includes(t), `risk "${t}" in the ${lang} PDF`);
    assert.ok(text.includes(ACTIONS.open) && text.includes(ACTIONS.late), 'open and overdue actions');
    assert.match(text, lang === 'fr' ? /Page 1 \/ \d+/ : /Page 1 \/ \d+/);
    const fonts = pdfFonts(r.body);
    assert.ok(fonts.length > 0, 'fonts listed');
    for (const f of fonts) assert.equal(f.emb, 'yes', `${f.name} embedded`);
  }
  // The API gives the same document.
  const api = await get(A.admin, `/api/v1/clients/${A.client.id}/report?format=pdf&lang=en`);
  assert.equal(api.status, 200);
  assert.ok(pdfText(api.body).includes('Top risks'));
});

test('the Word report: opens in python-docx with the report\'s headings as Heading styles', async () => {
  for (const [lang, h] of [['fr', ['Synthèse', 'Conformité par référentiel', 'Cartes des risques', 'Principaux risques',
    'Actions ouvertes', 'Actions en retard']], ['en', ['Summary', 'Compliance by framework', 'Risk heat maps', 'Top risks',
    'Open actions', 'Overdue actions']]]) {
    const r = await get(A.admin, `/api/v1/clients/${A.client.id}/report?format=docx&lang=${lang}`);
    assert.equal(r.status, 200, r.body.toString().slice(0, 200));
    assert.equal(r.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(r.headers['content-disposition'], /^attachment; filename="report-\d+-[\d-]+\.docx"$/);
    const d = docxOutline(r.body);
    assert.deepEqual(d.headings.filter((x) => x.style === 'Heading 1').map((x) => x.text), h);
    assert.equal(d.headings.filter((x) => x.style === 'Heading 2').length, 2, 'inherent and residual maps');
    assert.deepEqual(d.title, [NAME]);
    for (const t of RISKS) assert.ok(d.cells.includes(t), `risk "${t}" in a table`);
    for (const fw of A.pilot.frameworks) assert.ok(d.cells.includes(pct(fw)), pct(fw));
  }
  const page = await get(A.admin, `/clients/${A.client.id}/report.docx`);
  assert.equal(page.status, 200);
  assert.equal(page.body.subarray(0, 2).toString(), 'PK');
  const bad = await get(A.admin, `/api/v1/clients/${A.client.id}/report?format=xls`);
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'format');
});

test('the Word report opens in LibreOffice (headless conversion), when installed', { skip: !hasSoffice() && 'soffice not installed' },
  async () => {
    const r = await get(A.admin, `/api/v1/clients/${A.client.id}/report?format=docx&lang=fr`);
    assert.equal(r.status, 200);
    // LibreOffice breaks lines after hyphens, which pdftotext then joins
    // as if they were soft: compare without spaces and hyphens.
    const squeeze = (x) => x.replace(/[\s-]+/g, '');
    const text = squeeze(docxThroughLibreOffice(r.body));
    assert.ok(text.includes(squeeze(NAME)), 'the client in LibreOffice\'s rendering');
    for (const t of RISKS) assert.ok(text.includes(squeeze(t)), t);
    assert.ok(text.includes('Principauxrisques'));
  });

test('branding: accent colour, firm and client logos re-encoded, served as PNG with nosniff, on the deliverables', async () => {
  let r = await A.admin.patch('/api/v1/branding', { accent_color: '#7A2F8F' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json, { accent_color: '#7a2f8f', logo: false });
  for (const bad of ['#12345', 'red', '#12345g', 12]) {
    r = await A.admin.patch('/api/v1/branding', { accent_color: bad });
    assert.equal(r.status, 400, String(bad));
    assert.equal(r.json.error.field, 'accent_color');
  }
  r = await A.am.c.patch('/api/v1/branding', { accent_color: '#000000' });
  assert.equal(r.status, 403, 'only the firm\'s admins');

  const png = makePng(300, 120);
  r = await put(A.admin, '/api/v1/branding/logo', png, 'image/png');
  assert.equal(r.status, 200, r.body.toString());
  r = await put(A.admin, `/api/v1/clients/${A.client.id}/logo`, JPEG, 'image/jpeg');
  assert.equal(r.status, 200, r.body.toString());
  for (const [p, w, h] of [['/api/v1/branding/logo', 300, 120], [`/clients/${A.client.id}/logo`, 16, 16]]) {
    const img = await get(A.admin, p);
    assert.equal(img.status, 200);
    assert.equal(img.headers['content-type'], 'image/png');
    assert.equal(img.headers['x-content-type-options'], 'nosniff');
    assert.ok(img.body.subarray(0, 8).equals(PNG_SIG), 'a PNG');
    assert.ok(!img.body.equals(png), 'never the uploaded bytes');
    assert.equal(img.body.readUInt32BE(16), w);
    assert.equal(img.body.readUInt32BE(20), h);
  }
  // The Pilot header shows both logos and the accent colour's stylesheet.
  r = await A.admin.get(`/clients/${A.client.id}/pilot`);
  assert.match(r.text, /src="\/branding\/logo"/);
  assert.match(r.text, new RegExp(`src="/clients/${A.client.id}/logo"`));
  assert.match(r.text, /href="\/branding\/accent.css"/);
  assert.match(r.text, new RegExp(`href="/clients/${A.client.id}/report.pdf"`));
  const css = await get(A.admin, '/branding/accent.css');
  assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
  assert.equal(css.body.toString(), ':root { --brand: #7a2f8f; }\n');
  // Both logos are in the PDF and the Word document.
  const pdf = await get(A.admin, `/clients/${A.client.id}/report.pdf`);
  assert.equal(pdfImageCount(pdf.body), 2);
  const docx = await get(A.admin, `/clients/${A.client.id}/report.docx`);
  assert.equal(docxOutline(docx.body).images, 2);
  // Removed: 204, then 404.
  r = await fetchBytes(env.BASE_URL, A.admin, 'DELETE', `/api/v1/clients/${A.client.id}/logo`);
  assert.equal(r.status, 204);
  assert.equal((await get(A.admin, `/api/v1/clients/${A.client.id}/logo`)).status, 404);
  r = await put(A.admin, `/api/v1/clients/${A.client.id}/logo`, makePng(40, 40, { rgb: [200, 10, 10] }), 'image/png');
  assert.equal(r.status, 200);
  // The pages' delete buttons: back to the page with a flash, the logo gone.
  r = await A.admin.request('POST', '/branding/logo/delete', undefined,
    { raw: `csrf_token=${encodeURIComponent(A.admin.csrf)}`, contentType: 'application/x-www-form-urlencoded' });
  assert.equal(r.status, 303);
  assert.equal(r.headers.location, '/branding?done=logo_deleted');
  assert.equal((await get(A.admin, '/branding/logo')).status, 404);
  assert.equal((await A.admin.get('/api/v1/branding')).json.logo, false);
  r = await put(A.admin, '/api/v1/branding/logo', png, 'image/png');
  assert.equal(r.status, 200);
});

test('hostile logos: 400 naming the field, nothing written', async () => {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
  const good = makePng(20, 20);
  const cases = [
    ['an SVG', svg, 'image/svg+xml'],
    ['an SVG called PNG', svg, 'image/png'],
    ['HTML', Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'image/png'],
    ['a PNG with HTML after its end', Buffer.concat([good, Buffer.from('<html><script>alert(1)</script></html>')]), 'image/png'],
    ['a PNG with a zip after its end', Buffer.concat([good, Buffer.from('PK\x03\x04\x14\x00\x00\x00')]), 'image/png'],
    ['a PNG with a script in a text chunk', makePng(20, 20, { extra: [textChunk('<script>alert(1)</script>')] }), 'image/png'],
    ['a JPEG with HTML after its end', Buffer.concat([JPEG, Buffer.from('<html><body>x</body></html>')]), 'image/jpeg'],
    ['a truncated PNG', good.subarray(0, good.length - 20), 'image/png'],
    ['a truncated JPEG', JPEG.subarray(0, JPEG.length - 60), 'image/jpeg'],
    ['a PNG declaring 100,000 × 100,000 pixels', makePng(4, 4, { declare: [100000, 100000] }), 'image/png'],
    ['a JPEG declaring 60,000 × 60,000 pixels', jpegDeclaring(60000, 60000), 'image/jpeg'],
    ['a PNG of 5000 × 10 pixels', makePng(5000, 10), 'image/png'],
    ['a PNG whose pixels lie about its size', makePng(4, 4, { declare: [400, 400] }), 'image/png'],
    ['more than 2 MiB', Buffer.concat([good, Buffer.alloc(2 * 1024 * 1024)]), 'image/png'],
    ['an empty body', Buffer.alloc(0), 'image/png'],
  ];
  const before = logoRows();
  const bad = [];
  for (const [what, body, type] of cases) {
    for (const p of ['/api/v1/branding/logo', `/api/v1/clients/${A.client.id}/logo`]) {
      const r = await put(A.admin, p, body, type);
      if (r.status !== 400 || r.json?.error?.field !== 'logo') bad.push(`${what} → ${p}: ${r.status} ${r.body.toString().slice(0, 100)}`);
    }
  }
  // The HTML form: the same refusal, the same field.
  const form = new FormData();
  form.append('csrf_token', A.admin.csrf);
  form.append('logo', new Blob([svg], { type: 'image/png' }), 'logo.png');
  const r = await fetch(`${env.BASE_URL}/clients/${A.client.id}/logo`, { method: 'POST', body: form, redirect: 'manual',
    headers: { cookie: A.admin.cookieHeader() } });
  const html = await r.text();
  if (r.status !== 400 || !/id="err-logo"/.test(html)) bad.push(`form upload: ${r.status}`);
  // An image body anywhere else is still an unsupported type.
  const other = await fetchBytes(env.BASE_URL, A.admin, 'PATCH', '/api/v1/branding', { body: good, contentType: 'image/png' });
  if (other.status !== 415) bad.push(`an image to PATCH /api/v1/branding: ${other.status}`);
  assert.deepEqual(bad, []);
  assert.equal(logoRows(), before, 'nothing written');
  // A good one through the form is stored, and the page shows it.
  const ok = new FormData();
  ok.append('csrf_token', A.admin.csrf);
  ok.append('logo', new Blob([makePng(64, 32)], { type: 'image/png' }), 'logo.png');
  const r2 = await fetch(`${env.BASE_URL}/clients/${A.client.id}/logo`, { method: 'POST', body: ok, redirect: 'manual',
    headers: { cookie: A.admin.cookieHeader() } });
  assert.equal(r2.status, 303);
  assert.notEqual(logoRows(), before);
});

test('access: another firm 404, a firm user not vCISO 403, out of scope 404, support none', async () => {
  const cid = A.client.id;
  const bad = [];
  const expect = async (who, whoName, method, p, want, body) => {
    const r = method === 'PUT' ? await put(who, p, body, 'image/png') : await fetchBytes(env.BASE_URL, who, method, p);
    if (r.status !== want) bad.push(`${whoName} ${method} ${p}: ${r.status} (want ${want})`);
  };
  const png = makePng(8, 8);
  for (const p of [`/clients/${cid}/report.pdf`, `/clients/${cid}/report.docx`, `/api/v1/clients/${cid}/report?format=pdf`,
    `/api/v1/clients/${cid}/report?format=docx`, `/clients/${cid}/logo`, `/api/v1/clients/${cid}/logo`]) {
    await expect(B.admin, 'firm B admin', 'GET', p, 404);
    await expect(A.am.c, 'account manager out of scope', 'GET', p, 404);
  }
  for (const p of [`/clients/${cid}/report.pdf`, `/clients/${cid}/report.docx`, `/api/v1/clients/${cid}/report?format=pdf`,
    `/api/v1/clients/${cid}/report?format=docx`]) {
    await expect(A.admin2.c, 'admin not vCISO', 'GET', p, 403);
  }
  // The logo is the client's settings': an admin may, out of the team.
  await expect(A.admin2.c, 'admin not vCISO', 'GET', `/clients/${cid}/logo`, 200);
  await expect(B.admin, 'firm B admin', 'PUT', `/api/v1/clients/${cid}/logo`, 404, png);
  await expect(A.am.c, 'account manager out of scope', 'PUT', `/api/v1/clients/${cid}/logo`, 404, png);
  await expect(B.admin, 'firm B admin', 'DELETE', `/api/v1/clients/${cid}/logo`, 404);
  await expect(A.am.c, 'account manager', 'PUT', '/api/v1/branding/logo', 403, png);
  // Firm B sees its own (absent) logo, never firm A's.
  await expect(B.admin, 'firm B admin', 'GET', '/api/v1/branding/logo', 404);
  assert.deepEqual(bad, []);
});

// Hold every report slot the way a busy worker does (an flock on each lock
// file, beside the FastCGI socket), then ask for a report.
test('report.max_concurrent: with every slot taken a report answers 503 with Retry-After; freed, 200', async () => {
  const dir = path.dirname(env.STACK_FCGI_SOCKET);
  const holders = [0, 1].map((i) => spawn('flock', ['-x', path.join(dir, `rempart-report.${i}.lock`), 'sleep', '30'],
    { stdio: 'ignore', detached: true }));
  try {
    await sleep(300);
    const t0 = Date.now();
    const r = await get(A.admin, `/clients/${A.client.id}/report.pdf`);
    assert.equal(r.status, 503, r.body.toString().slice(0, 200));
    assert.equal(r.headers['retry-after'], '5');
    assert.ok(Date.now() - t0 >= 1500, 'waited for a slot before giving up');
    const api = await get(A.admin, `/api/v1/clients/${A.client.id}/report?format=docx`);
    assert.equal(api.status, 503);
    assert.equal(api.json.error.code, 'busy');
  } finally {
    // flock's child (sleep) holds the lock too: end the whole group.
    for (const h of holders) process.kill(-h.pid, 'SIGTERM');
  }
  await sleep(200);
  // Freed: several at once all succeed, queued on the two slots.
  const all = await Promise.all([0, 1, 2, 3].map(() => get(A.admin, `/clients/${A.client.id}/report.pdf`)));
  assert.deepEqual(all.map((x) => x.status), [200, 200, 200, 200]);
});
