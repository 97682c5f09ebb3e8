// The usage diagnostic (SPEC §1 "Modules": usage_diagnostic; §3 `feedback`):
// the questionnaire built through the API (sections and questions in French
// and English, their order, validation naming the field), the starter
// questionnaire, public links (token shown once and stored hashed, expiry,
// cap, revocation), the public page /q/{token} (nothing else shown, every
// dead token the same 404, a signed form, answers scored by the documented
// rule, 410 once full, 429 over the per-address rate), the feedback routes
// (403 without `feedback`, no widget either), a disabled module (404 on
// every route), and isolation: another firm's ids answer 404 and change
// nothing, non-vCISOs 403, support 403, no CSRF token 403.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { ensureStack } from '../lib/stack.mjs';
import { startInstance } from '../lib/instance.mjs';
import { lockStack, tidy } from '../lib/testkit.mjs';
import {
  Client, createFirm, createSupport, expectError, fcgiTransport, httpTransport, loggedIn, maxAuditId, randomAddress,
  sql, sqlValue,
} from '../lib/identity.mjs';
import { assign, audit, makeClient, makeEstab, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);
const instances = [];
after(async () => {
  for (const i of instances) await i.stop();
});

const ALL_BUT_FEEDBACK = ['profile.read', 'profile.edit', 'profile.duplicates', 'profile.status', 'publication',
  'monitoring', 'self', 'plan'];
const MODULE = ['usage_diagnostic'];
const A = {};
const B = {};
let support;

const api = (c) => `/api/v1/clients/${c}/usage`;
const form = 'application/x-www-form-urlencoded';
const counts = (c) => sql(env, `SELECT (SELECT COUNT(*) FROM usage_sections WHERE client_id = ${Number(c)}),
  (SELECT COUNT(*) FROM usage_questions WHERE client_id = ${Number(c)}),
  (SELECT COUNT(*) FROM usage_links WHERE client_id = ${Number(c)}),
  (SELECT COUNT(*) FROM usage_answers WHERE client_id = ${Number(c)}),
  (SELECT COALESCE(SUM(answers), 0) FROM usage_estab_scores WHERE client_id = ${Number(c)})`)[0].map(Number);
const snapshot = (c) => ({
  counts: counts(c),
  sections: sql(env, `SELECT id, position, title_fr, title_en, updated_at FROM usage_sections
    WHERE client_id = ${Number(c)} ORDER BY id`),
  questions: sql(env, `SELECT id, section_id, position, kind, text_fr, text_en, good_answer, options, updated_at
    FROM usage_questions WHERE client_id = ${Number(c)} ORDER BY id`),
  links: sql(env, `SELECT id, revoked_at, answers_count, expires_at FROM usage_links WHERE client_id = ${Number(c)}
    ORDER BY id`),
});

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.client = await makeClient(A.admin.c, { modules: MODULE });
  A.e1 = await makeEstab(A.admin.c, A.client.id);
  A.e2 = await makeEstab(A.admin.c, A.client.id);
  A.off = await makeClient(A.admin.c);
  A.offEstab = await makeEstab(A.admin.c, A.off.id);
  A.other = await makeClient(A.admin.c, { modules: MODULE });
  A.otherEstab = await makeEstab(A.admin.c, A.other.id);
  // A vCISO without `feedback`, an admin not declared vCISO, a manager of
  // another client, an establishment manager of e1 with `feedback`.
  A.nofb = await person(http, A.admin.c, 'multi_account_manager', { client_ids: [A.client.id, A.off.id],
    features: ALL_BUT_FEEDBACK });
  A.admin2 = await person(http, A.admin.c, 'admin');
  A.am = await person(http, A.admin.c, 'account_manager', { client_ids: [A.other.id] });
  A.site = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [A.e1.id] });
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  B.client = await makeClient(B.admin.c, { modules: MODULE });
  B.estab = await makeEstab(B.admin.c, B.client.id);
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
});

// ----------------------------------------------------------------- helpers ---

async function section(by, c, titleFr, titleEn, extra = {}) {
  const r = await by.post(`${api(c)}/sections`, { title_fr: titleFr, title_en: titleEn, ...extra });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

async function question(by, c, s, body) {
  const r = await by.post(`${api(c)}/sections/${s}/questions`, body);
  assert.equal(r.status, 201, r.text);
  return r.json;
}

async function link(by, c, estab, extra = {}) {
  const r = await by.post(`${api(c)}/links`, { establishment_id: estab, ...extra });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

// The public form of url for an anonymous browser: {status, text, token}.
async function openForm(anon, url) {
  const r = await anon.get(url);
  const m = r.text.match(/name="form_token" value="([^"]+)"/);
  return { ...r, token: m ? m[1] : null };
}

// Post answers ({questionId: value}) to url with the form's token (or
// `token`), as a form; headers may add Origin or Sec-Fetch-Site.
async function answer(anon, url, answers, { token, headers = {}, skipForm = false } = {}) {
  let t = token;
  if (!skipForm && t === undefined) t = (await openForm(anon, url)).token;
  const body = new URLSearchParams();
  if (t !== null && t !== undefined) body.append('form_token', t);
  for (const [q, v] of Object.entries(answers)) body.append(`q${q}`, v);
  return anon.request('POST', url, undefined, { raw: body.toString(), contentType: form, headers });
}

// A client with a questionnaire of known scores: section 1 (scale, yes/no
// whose good answer is "no", choice 100/40/unscored), section 2 (scale,
// text).
async function scoredClient() {
  const c = await makeClient(A.admin.c, { modules: MODULE });
  const e = await makeEstab(A.admin.c, c.id);
  const s1 = await section(A.admin.c, c.id, 'Habitudes', 'Habits');
  const s2 = await section(A.admin.c, c.id, 'Signalement', 'Reporting');
  const q1 = await question(A.admin.c, c.id, s1.id, { kind: 'scale', text_fr: 'Je verrouille', text_en: 'I lock' });
  const q2 = await question(A.admin.c, c.id, s1.id, { kind: 'yes_no', text_fr: 'Je prête', text_en: 'I lend',
    good_answer: 'no' });
  const q3 = await question(A.admin.c, c.id, s1.id, { kind: 'choice', text_fr: 'Où ?', text_en: 'Where?', options: [
    { label_fr: 'Coffre', label_en: 'Vault', score: 100 }, { label_fr: 'Papier', label_en: 'Paper', score: 40 },
    { label_fr: 'Je ne sais pas', label_en: 'I do not know', score: null }] });
  const q4 = await question(A.admin.c, c.id, s2.id, { kind: 'scale', text_fr: 'Je signale', text_en: 'I report' });
  const q5 = await question(A.admin.c, c.id, s2.id, { kind: 'text', text_fr: 'Idées ?', text_en: 'Ideas?' });
  return { c, e, s1, s2, q: [q1, q2, q3, q4, q5] };
}

// ------------------------------------------------------------ questionnaire ---

test('sections and questions: created, read in order, reordered, changed and deleted; audited', async () => {
  const c = A.client.id;
  const before = maxAuditId(env);
  const s1 = await section(A.admin.c, c, 'Mots de passe', 'Passwords');
  for (const f of ['id', 'position', 'title_fr', 'title_en']) assert.ok(f in s1, `section.${f}`);
  assert.equal(s1.position, 1);
  const s2 = await section(A.admin.c, c, 'Sauvegardes', 'Backups');
  const s0 = await section(A.admin.c, c, 'Introduction', 'Introduction', { position: 1 });
  assert.equal(s0.position, 1, 'inserted first');
  const qa = await question(A.admin.c, c, s1.id, { kind: 'scale', text_fr: 'A', text_en: 'A' });
  for (const f of ['id', 'section_id', 'position', 'kind', 'text_fr', 'text_en', 'good_answer', 'options', 'answers']) {
    assert.ok(f in qa, `question.${f}`);
  }
  assert.equal(qa.good_answer, null, 'no good answer but for yes/no');
  assert.deepEqual(qa.options, []);
  const qb = await question(A.admin.c, c, s1.id, { kind: 'yes_no', text_fr: 'B', text_en: 'B' });
  assert.equal(qb.good_answer, 'yes', 'yes by default');
  const qc = await question(A.admin.c, c, s1.id, { kind: 'choice', text_fr: 'C', text_en: 'C',
    options: [{ label_fr: 'Un', label_en: 'One', score: 100 }, { label_fr: 'Deux', label_en: 'Two' }] });
  assert.deepEqual(qc.options, [{ label_fr: 'Un', label_en: 'One', score: 100 },
    { label_fr: 'Deux', label_en: 'Two', score: null }]);
  const qd = await question(A.admin.c, c, s2.id, { kind: 'text', text_fr: 'D', text_en: 'D' });
  let r = await A.admin.c.get(`${api(c)}/questionnaire`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.sections.map((s) => s.id), [s0.id, s1.id, s2.id]);
  assert.deepEqual(r.json.sections.map((s) => s.position), [1, 2, 3]);
  assert.deepEqual(r.json.sections[1].questions.map((q) => q.id), [qa.id, qb.id, qc.id]);
  assert.equal(r.json.questions, 4);
  // Order: C first, then A, B; a position past the end stops at the end.
  r = await A.admin.c.patch(`${api(c)}/questions/${qc.id}`, { position: 1 });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.position, 1);
  r = await A.admin.c.patch(`${api(c)}/questions/${qa.id}`, { position: 99 });
  assert.equal(r.json.position, 3);
  r = await A.admin.c.get(`${api(c)}/questionnaire`);
  assert.deepEqual(r.json.sections[1].questions.map((q) => [q.id, q.position]), [[qc.id, 1], [qb.id, 2], [qa.id, 3]]);
  // Move B to the other section: last there; the first section closes up.
  r = await A.admin.c.patch(`${api(c)}/questions/${qb.id}`, { section_id: s2.id });
  assert.equal(r.json.section_id, s2.id);
  assert.equal(r.json.position, 2);
  r = await A.admin.c.get(`${api(c)}/questionnaire`);
  assert.deepEqual(r.json.sections[1].questions.map((q) => q.position), [1, 2]);
  // Wording, kind and a section's place change.
  r = await A.admin.c.patch(`${api(c)}/questions/${qa.id}`, { kind: 'yes_no', good_answer: 'no', text_en: 'A2' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.kind, r.json.good_answer, r.json.text_fr, r.json.text_en], ['yes_no', 'no', 'A', 'A2']);
  r = await A.admin.c.patch(`${api(c)}/sections/${s0.id}`, { position: 3, title_en: 'Intro' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.position, r.json.title_fr, r.json.title_en], [3, 'Introduction', 'Intro']);
  // Deletions close the gaps.
  assert.equal((await A.admin.c.del(`${api(c)}/questions/${qd.id}`)).status, 204);
  assert.equal((await A.admin.c.del(`${api(c)}/sections/${s0.id}`)).status, 204);
  r = await A.admin.c.get(`${api(c)}/questionnaire`);
  assert.deepEqual(r.json.sections.map((s) => [s.id, s.position]), [[s1.id, 1], [s2.id, 2]]);
  assert.deepEqual(r.json.sections[1].questions.map((q) => [q.id, q.position]), [[qb.id, 1]]);
  const actions = audit(env, `id > ${before} AND client_id = ${c}`).map((x) => x.action);
  for (const a of ['usage.section.create', 'usage.section.update', 'usage.section.delete', 'usage.question.create',
    'usage.question.update', 'usage.question.delete']) assert.ok(actions.includes(a), `audit ${a}`);
  A.s1 = s1;
  A.s2 = s2;
});

test('bad input answers 400 naming the field and writes nothing', async () => {
  const c = A.client.id;
  const s = A.s1.id;
  const snap = snapshot(c);
  const q = (body) => A.admin.c.post(`${api(c)}/sections/${s}/questions`, body);
  const ok = { kind: 'scale', text_fr: 'X', text_en: 'X' };
  const two = [{ label_fr: 'a', label_en: 'a', score: 1 }, { label_fr: 'b', label_en: 'b', score: 2 }];
  expectError(assert, 'section without title_fr', await A.admin.c.post(`${api(c)}/sections`, { title_en: 'T' }), 400,
    'required', 'title_fr');
  expectError(assert, 'section without title_en', await A.admin.c.post(`${api(c)}/sections`, { title_fr: 'T' }), 400,
    'required', 'title_en');
  expectError(assert, 'section title too long', await A.admin.c.post(`${api(c)}/sections`,
    { title_fr: 'x'.repeat(201), title_en: 'T' }), 400, 'too_long', 'title_fr');
  expectError(assert, 'section unknown field', await A.admin.c.post(`${api(c)}/sections`,
    { title_fr: 'T', title_en: 'T', colour: 1 }), 400, 'unknown_field', 'colour');
  expectError(assert, 'section position a string', await A.admin.c.post(`${api(c)}/sections`,
    { title_fr: 'T', title_en: 'T', position: '1' }), 400, 'invalid', 'position');
  expectError(assert, 'no kind', await q({ text_fr: 'X', text_en: 'X' }), 400, 'required', 'kind');
  expectError(assert, 'bad kind', await q({ ...ok, kind: 'slider' }), 400, 'invalid', 'kind');
  expectError(assert, 'no English text', await q({ kind: 'scale', text_fr: 'X' }), 400, 'required', 'text_en');
  expectError(assert, 'text too long', await q({ ...ok, text_fr: 'x'.repeat(501) }), 400, 'too_long', 'text_fr');
  expectError(assert, 'control character', await q({ ...ok, text_en: 'a\u0007b' }), 400, 'invalid', 'text_en');
  expectError(assert, 'bad good answer', await q({ ...ok, kind: 'yes_no', good_answer: 'maybe' }), 400, 'invalid',
    'good_answer');
  expectError(assert, 'choice without options', await q({ ...ok, kind: 'choice' }), 400, 'required', 'options');
  expectError(assert, 'one option', await q({ ...ok, kind: 'choice', options: [two[0]] }), 400, 'invalid', 'options');
  expectError(assert, 'eleven options', await q({ ...ok, kind: 'choice', options: Array(11).fill(two[0]) }), 400,
    'invalid', 'options');
  expectError(assert, 'score 101', await q({ ...ok, kind: 'choice', options: [two[0], { ...two[1], score: 101 }] }),
    400, 'invalid', 'options');
  expectError(assert, 'score a string', await q({ ...ok, kind: 'choice', options: [two[0], { ...two[1], score: '5' }] }),
    400, 'invalid', 'options');
  expectError(assert, 'option without English', await q({ ...ok, kind: 'choice',
    options: [two[0], { label_fr: 'b', score: 1 }] }), 400, 'required', 'options');
  expectError(assert, 'option with another key', await q({ ...ok, kind: 'choice',
    options: [two[0], { ...two[1], colour: 'red' }] }), 400, 'unknown_field', 'options');
  expectError(assert, 'options not a list', await q({ ...ok, kind: 'choice', options: 'a,b' }), 400, 'invalid',
    'options');
  expectError(assert, 'section_id on create', await q({ ...ok, section_id: A.s2.id }), 400, 'unknown_field',
    'section_id');
  expectError(assert, 'unknown field', await q({ ...ok, weight: 2 }), 400, 'unknown_field', 'weight');
  const qid = snap.questions[0][0];
  expectError(assert, 'move to another client\'s section', await A.admin.c.patch(`${api(c)}/questions/${qid}`,
    { section_id: 99999999 }), 400, 'invalid', 'section_id');
  expectError(assert, 'malformed JSON', await A.admin.c.request('POST', `${api(c)}/sections`, undefined,
    { raw: '{"title_fr": "x",' }), 400);
  expectError(assert, 'no such section', await A.admin.c.post(`${api(c)}/sections/99999999/questions`, ok), 404);
  expectError(assert, 'no such question', await A.admin.c.patch(`${api(c)}/questions/99999999`, { text_fr: 'Y' }),
    404);
  assert.deepEqual(snapshot(c), snap, 'nothing written');
});

test('the starter questionnaire loads in one call: six sections, every kind, French and English', async () => {
  const c = (await makeClient(A.admin.c, { modules: MODULE })).id;
  const before = maxAuditId(env);
  const r = await A.admin.c.post(`${api(c)}/starter`, {});
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.sections.length, 6);
  assert.ok(r.json.questions >= 20, `${r.json.questions} questions`);
  const qs = r.json.sections.flatMap((s) => s.questions);
  for (const k of ['scale', 'yes_no', 'choice', 'text']) assert.ok(qs.some((q) => q.kind === k), `a ${k} question`);
  for (const s of r.json.sections) assert.ok(s.title_fr && s.title_en && s.title_fr !== s.title_en, s.title_en);
  for (const q of qs) {
    assert.ok(q.text_fr.length > 10 && q.text_en.length > 10 && q.text_fr !== q.text_en, q.text_en);
    if (q.kind === 'choice') {
      assert.ok(q.options.length >= 2);
      for (const o of q.options) assert.ok(o.label_fr && o.label_en);
    }
  }
  assert.ok(qs.some((q) => q.kind === 'yes_no' && q.good_answer === 'no'), 'a question whose good answer is no');
  const titles = r.json.sections.map((s) => s.title_en).join(' ');
  for (const w of [/password/i, /phishing/i, /update/i, /backup/i, /device/i, /incident/i]) assert.match(titles, w);
  assert.equal(audit(env, `id > ${before} AND action = 'usage.starter.load'`).length, 1);
  // Loaded again, it goes after the existing sections.
  const again = await A.admin.c.post(`${api(c)}/starter`, {});
  assert.equal(again.json.sections.length, 12);
  assert.deepEqual(again.json.sections.map((s) => s.position), [...Array(12).keys()].map((i) => i + 1));
});

// -------------------------------------------------------------------- links ---

test('links: a 128-bit token shown once and stored as its SHA-256, expiry, cap, list and revocation', async () => {
  const c = A.client.id;
  const before = maxAuditId(env);
  const l = await link(A.admin.c, c, A.e1.id, { label: 'Accueil', max_answers: 20 });
  for (const f of ['id', 'establishment_id', 'establishment_name', 'label', 'status', 'expires_at', 'expires_on',
    'max_answers', 'answers_count', 'created_at', 'token', 'url']) assert.ok(f in l, `link.${f}`);
  assert.match(l.token, /^[0-9a-f]{32}$/);
  assert.equal(l.url, `/q/${l.token}`);
  assert.equal(l.status, 'active');
  assert.equal(l.max_answers, 20);
  const stored = sql(env, `SELECT HEX(token_hash) FROM usage_links WHERE id = ${l.id}`)[0][0];
  assert.equal(stored.toLowerCase(), crypto.createHash('sha256').update(l.token).digest('hex'));
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM audit_log WHERE details LIKE '%${l.token}%'`)), 0,
    'the token is in no audit entry');
  // 30 days by default, to the end of that day.
  const in30 = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
  assert.equal(l.expires_on, in30);
  const dflt = await link(A.admin.c, c, A.e2.id);
  assert.equal(dflt.max_answers, 100);
  const soon = new Date(Date.now() + 2 * 86400000).toISOString().slice(0, 10);
  const dated = await link(A.admin.c, c, A.e2.id, { expires_on: soon });
  assert.equal(dated.expires_on, soon);
  assert.equal(dated.expires_at, `${new Date(Date.parse(soon) + 86400000).toISOString().slice(0, 10)}T00:00:00Z`);
  const list = await A.admin.c.get(`${api(c)}/links?establishment_id=${A.e2.id}`);
  assert.equal(list.status, 200);
  assert.deepEqual(list.json.items.map((x) => x.id), [dated.id, dflt.id]);
  assert.equal(list.json.total, 2, 'the total of the filtered list');
  assert.ok(list.json.items.every((x) => !('token' in x) && !('url' in x)), 'a list never shows tokens');
  let r = await A.admin.c.post(`${api(c)}/links/${dflt.id}/revoke`, {});
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'revoked');
  assert.ok(r.json.revoked_at);
  r = await A.admin.c.post(`${api(c)}/links/${dflt.id}/revoke`, {});
  assert.equal(r.status, 200, 'revoking twice changes nothing');
  const rows = audit(env, `id > ${before} AND action LIKE 'usage.link.%'`);
  assert.deepEqual(rows.map((x) => x.action), ['usage.link.create', 'usage.link.create', 'usage.link.create',
    'usage.link.revoke']);
  A.link = l;
});

test('link creation refuses bad input (400 naming the field) and an empty questionnaire (409)', async () => {
  const c = A.client.id;
  const snap = snapshot(c);
  const post = (body) => A.admin.c.post(`${api(c)}/links`, body);
  const past = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
  const far = new Date(Date.now() + 400 * 86400000).toISOString().slice(0, 10);
  expectError(assert, 'no establishment', await post({}), 400, 'required', 'establishment_id');
  expectError(assert, 'establishment of another client', await post({ establishment_id: A.otherEstab.id }), 400,
    'invalid', 'establishment_id');
  expectError(assert, 'establishment of another firm', await post({ establishment_id: B.estab.id }), 400, 'invalid',
    'establishment_id');
  expectError(assert, 'establishment id a string', await post({ establishment_id: String(A.e1.id) }), 400, 'invalid',
    'establishment_id');
  expectError(assert, 'yesterday', await post({ establishment_id: A.e1.id, expires_on: past }), 400, 'out_of_range',
    'expires_on');
  expectError(assert, 'beyond a year', await post({ establishment_id: A.e1.id, expires_on: far }), 400, 'out_of_range',
    'expires_on');
  expectError(assert, 'not a date', await post({ establishment_id: A.e1.id, expires_on: '2027-02-30' }), 400,
    'invalid', 'expires_on');
  expectError(assert, 'no answer allowed', await post({ establishment_id: A.e1.id, max_answers: 0 }), 400,
    'out_of_range', 'max_answers');
  expectError(assert, 'unknown field', await post({ establishment_id: A.e1.id, token: 'mine' }), 400, 'unknown_field',
    'token');
  assert.deepEqual(snapshot(c), snap, 'nothing written');
  const empty = await makeClient(A.admin.c, { modules: MODULE });
  const e = await makeEstab(A.admin.c, empty.id);
  expectError(assert, 'empty questionnaire', await A.admin.c.post(`${api(empty.id)}/links`, { establishment_id: e.id }),
    409, 'empty_questionnaire');
});

// ------------------------------------------------------------- public page ---

test('the public page shows the questionnaire and the establishment name, nothing else', async () => {
  const anon = new Client(http);
  const r = await openForm(anon, A.link.url);
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.match(r.headers['content-type'], /^text\/html/);
  assert.ok(r.token, 'a signed form token');
  assert.ok(r.text.includes(A.e1.name), 'the establishment is named');
  for (const s of [A.s1, A.s2]) assert.ok(r.text.includes(s.title_fr), `section ${s.title_fr}`);
  assert.ok(!r.text.includes(A.client.name), 'not the client');
  assert.ok(!r.text.includes(A.e2.name), 'no other establishment');
  assert.ok(!r.text.includes(A.link.label), 'not the link\'s own label');
  assert.doesNotMatch(r.text, /href="\/(clients|login|account|establishments|users|frameworks|admin)\b/, 'no way in');
  assert.doesNotMatch(r.text, /href="\/"/, 'not even home');
  assert.doesNotMatch(r.text, /class="(user-nav|sidenav|footer)"/, 'no navigation');
  assert.doesNotMatch(r.text, /csrf_token/, 'no session token');
  assert.ok(!r.setCookies.some((x) => /rempart_session/.test(x)), 'no session');
  assert.match(r.headers['content-security-policy'] || '', /frame-ancestors 'none'/);
  assert.equal(r.headers['referrer-policy'], 'same-origin', 'the token never leaves in a Referer');
  // A logged-in user sees the same bare page (its session is not read).
  const seen = await A.admin.c.get(A.link.url);
  assert.equal(seen.status, 200);
  assert.doesNotMatch(seen.text, /class="user-nav"|csrf_token|href="\/clients/);
  // English on request, from the question's own English wording.
  const en = await new Client(http).get(`${A.link.url}?lang=en`);
  assert.ok(en.text.includes(A.s1.title_en), 'English titles');
});

test('a wrong, malformed, expired or revoked token, or a disabled module, is the same 404', async () => {
  const anon = new Client(http);
  const exp = await link(A.admin.c, A.client.id, A.e1.id);
  sql(env, `UPDATE usage_links SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE id = ${exp.id}`);
  const rev = await link(A.admin.c, A.client.id, A.e1.id);
  assert.equal((await A.admin.c.post(`${api(A.client.id)}/links/${rev.id}/revoke`, {})).status, 200);
  const wrong = crypto.randomBytes(16).toString('hex');
  const pages = [];
  for (const [what, url] of [['wrong', `/q/${wrong}`], ['upper case', `/q/${A.link.token.toUpperCase()}`],
    ['short', `/q/${A.link.token.slice(1)}`], ['expired', exp.url], ['revoked', rev.url]]) {
    const g = await anon.get(url);
    assert.equal(g.status, 404, `${what}: GET`);
    const p = await answer(anon, url, {}, { token: 'x' });
    assert.equal(p.status, 404, `${what}: POST`);
    pages.push(g.text.replace(/<code>[^<]*<\/code>/g, '').replace(/\/q\/[0-9A-Za-z]+/g, '/q/T'));
    assert.doesNotMatch(g.text, /href="\/login"|class="user-nav"/, `${what}: a bare error page`);
  }
  assert.ok(pages.every((p) => p === pages[0]), 'every dead token gets the same page');
  // The module disabled: its links die with it, and come back with it.
  const c = await makeClient(A.admin.c, { modules: MODULE });
  const e = await makeEstab(A.admin.c, c.id);
  const s = await section(A.admin.c, c.id, 'S', 'S');
  await question(A.admin.c, c.id, s.id, { kind: 'scale', text_fr: 'Q', text_en: 'Q' });
  const l = await link(A.admin.c, c.id, e.id);
  assert.equal((await anon.get(l.url)).status, 200);
  assert.equal((await A.admin.c.patch(`/api/v1/clients/${c.id}`, { modules: [] })).status, 200);
  assert.equal((await anon.get(l.url)).status, 404, 'module disabled');
  assert.equal((await A.admin.c.patch(`/api/v1/clients/${c.id}`, { modules: MODULE })).status, 200);
  assert.equal((await anon.get(l.url)).status, 200, 'module enabled again');
  assert.equal((await A.admin.c.post(`/api/v1/establishments/${e.id}/status`, { action: 'deactivate' })).status, 200);
  assert.equal((await anon.get(l.url)).status, 404, 'establishment deactivated');
});

test('answers are scored by the rule, stored as the establishment\'s feedback, audited without a user', async () => {
  const t = await scoredClient();
  const [q1, q2, q3, q4, q5] = t.q.map((q) => q.id);
  const l = await link(A.admin.c, t.c.id, t.e.id);
  const anon = new Client(http);
  const before = maxAuditId(env);
  let r = await answer(anon, l.url, { [q1]: '4', [q2]: 'no', [q3]: '2', [q4]: '2', [q5]: 'Plus de <b>formation</b>' });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  assert.equal(r.headers.location, `${l.url}?done=1`);
  const thanks = await anon.get(r.headers.location);
  assert.equal(thanks.status, 200);
  assert.match(thanks.text, /id="public-thanks"/);
  // Section 1: (75 + 100 + 40) / 3 = 71.7 → 72; section 2: 25; the answer:
  // (72 + 25) / 2 = 48.5 → 49.
  r = await answer(anon, l.url, { [q1]: '5', [q2]: 'yes', [q3]: '3', [q4]: '5' });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  // Section 1: (100 + 0) / 2 (option 3 is not scored) = 50; section 2: 100;
  // the answer 75.
  const list = await A.admin.c.get(`${api(t.c.id)}/answers`);
  assert.equal(list.status, 200, list.text);
  assert.equal(list.json.total, 2);
  const [second, first] = list.json.items;
  assert.equal(first.score, 49);
  assert.deepEqual(first.sections, [{ section_id: t.s1.id, score: 72 }, { section_id: t.s2.id, score: 25 }]);
  assert.deepEqual(first.items.map((i) => [i.question_id, i.value, i.score]),
    [[q1, '4', 75], [q2, 'no', 100], [q3, '2', 40], [q4, '2', 25], [q5, null, null]]);
  assert.equal(first.items[4].text, 'Plus de <b>formation</b>', 'text kept as typed (escaped on output)');
  assert.equal(first.establishment_id, t.e.id);
  assert.equal(first.link_id, l.id);
  assert.equal(second.score, 75);
  assert.equal(second.items.length, 4, 'a blank text is no item');
  const scores = await A.admin.c.get(`${api(t.c.id)}/scores`);
  assert.equal(scores.status, 200);
  assert.equal(scores.json.answers, 2);
  assert.equal(scores.json.score, 62, '(49 + 75) / 2');
  assert.deepEqual(scores.json.sections.map((s) => [s.section_id, s.score, s.answers]),
    [[t.s1.id, 61, 2], [t.s2.id, 63, 2]]);
  assert.deepEqual(scores.json.establishments.map((e) => [e.establishment_id, e.score, e.answers]), [[t.e.id, 62, 2]]);
  const fb = await A.admin.c.get(`/api/v1/establishments/${t.e.id}/usage`);
  assert.equal(fb.status, 200);
  assert.equal(fb.json.score, 62);
  assert.equal(fb.json.recent.length, 2);
  assert.equal(Number(sqlValue(env, `SELECT answers_count FROM usage_links WHERE id = ${l.id}`)), 2);
  const rows = audit(env, `id > ${before} AND action = 'usage.answer'`);
  assert.equal(rows.length, 2);
  assert.ok(rows.every((x) => x.user_id === null && x.client_id === t.c.id && x.ip), 'no user, the address');
  // The answers page shows the text escaped.
  const page = await A.admin.c.get(`/clients/${t.c.id}/usage/answers`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes('Plus de &lt;b&gt;formation&lt;/b&gt;'));
  assert.ok(!page.text.includes('<b>formation'));
  A.scored = { ...t, link: l };
});

test('a refused answer (400 naming the question, 403 for a bad form token) stores nothing', async () => {
  const t = A.scored;
  const [q1, q2, q3, q4] = t.q.map((q) => q.id);
  const anon = new Client(http);
  const good = { [q1]: '3', [q2]: 'yes', [q3]: '1', [q4]: '3' };
  const before = counts(t.c.id);
  const missing = { [q1]: '3', [q3]: '1', [q4]: '3' };
  let r = await answer(anon, t.link.url, missing);
  assert.equal(r.status, 400, 'a required question left blank');
  assert.match(r.text, new RegExp(`id="err-q${q2}"`), 'the error sits by the question');
  assert.match(r.text, new RegExp(`name="q${q1}" value="3" required checked`), 'the other answers are kept');
  for (const [what, bad] of [['scale 6', { [q1]: '6' }], ['scale 0', { [q1]: '0' }], ['yes/no maybe', { [q2]: 'maybe' }],
    ['choice 4', { [q3]: '4' }], ['choice 0', { [q3]: '0' }]]) {
    r = await answer(anon, t.link.url, { ...good, ...bad });
    assert.equal(r.status, 400, what);
    assert.match(r.text, /class="error-summary"/, `${what}: an error summary`);
  }
  r = await answer(anon, t.link.url, { ...good, [t.q[4].id]: 'x'.repeat(2001) });
  assert.equal(r.status, 400, 'a text too long');
  // CSRF without a session: the signed form token.
  r = await answer(anon, t.link.url, good, { skipForm: true, token: null });
  assert.equal(r.status, 403, 'no form token');
  assert.match(r.text, /id="public-form"/, 'the form again, to reload');
  const otherForm = (await openForm(anon, A.link.url)).token;
  r = await answer(anon, t.link.url, good, { token: otherForm });
  assert.equal(r.status, 403, 'another link\'s form');
  const fresh = (await openForm(anon, t.link.url)).token;
  const [ts, mac] = fresh.split('.');
  r = await answer(anon, t.link.url, good, { token: `${Number(ts) - 1}.${mac}` });
  assert.equal(r.status, 403, 'a changed time');
  r = await answer(anon, t.link.url, good, { token: `${Number(ts) - 200000}.${mac}` });
  assert.equal(r.status, 403, 'an old form');
  r = await answer(anon, t.link.url, good, { token: fresh, headers: { origin: 'https://evil.example' } });
  assert.equal(r.status, 403, 'another site\'s page');
  r = await answer(anon, t.link.url, good, { token: fresh, headers: { 'sec-fetch-site': 'cross-site' } });
  assert.equal(r.status, 403, 'a cross-site request');
  r = await answer(anon, t.link.url, good, { token: fresh, headers: { origin: env.BASE_URL,
    'sec-fetch-site': 'same-origin' } });
  assert.equal(r.status, 303, `this site's own page: ${r.text.slice(0, 300)}`);
  const after = counts(t.c.id);
  assert.equal(after[3], before[3] + 1, 'only the good answer was stored');
});

test('answers after revocation are refused; a full link answers 410 and takes no more', async () => {
  const t = A.scored;
  const [q1, q2, q3, q4] = t.q.map((q) => q.id);
  const good = { [q1]: '3', [q2]: 'yes', [q3]: '1', [q4]: '3' };
  const anon = new Client(http);
  // Revoked between the page and the post.
  const l = await link(A.admin.c, t.c.id, t.e.id);
  const f = await openForm(anon, l.url);
  assert.equal((await A.admin.c.post(`${api(t.c.id)}/links/${l.id}/revoke`, {})).status, 200);
  const n = counts(t.c.id)[3];
  let r = await answer(anon, l.url, good, { token: f.token });
  assert.equal(r.status, 404, 'revoked');
  assert.equal(counts(t.c.id)[3], n, 'nothing stored');
  // The cap: two answers, then the link is full.
  const cap = await link(A.admin.c, t.c.id, t.e.id, { max_answers: 2 });
  const held = await openForm(anon, cap.url);
  assert.equal((await answer(anon, cap.url, good)).status, 303);
  assert.equal((await answer(anon, cap.url, good)).status, 303);
  r = await anon.get(cap.url);
  assert.equal(r.status, 410, 'full');
  assert.match(r.text, /id="public-full"/);
  assert.doesNotMatch(r.text, /id="public-form"/);
  r = await answer(anon, cap.url, good, { token: held.token });
  assert.equal(r.status, 410, 'a form opened before it filled up');
  assert.equal(Number(sqlValue(env, `SELECT answers_count FROM usage_links WHERE id = ${cap.id}`)), 2);
  assert.equal(counts(t.c.id)[3], n + 2);
  const listed = (await A.admin.c.get(`${api(t.c.id)}/links`)).json.items.find((x) => x.id === cap.id);
  assert.equal(listed.status, 'full');
  // Whoever just answered still sees the thanks.
  assert.equal((await anon.get(`${cap.url}?done=1`)).status, 200);
});

test('an answered question keeps its kind and options and stays; its section stays', async () => {
  const t = A.scored;
  const [q1, , q3] = t.q;
  const snap = snapshot(t.c.id);
  expectError(assert, 'kind', await A.admin.c.patch(`${api(t.c.id)}/questions/${q1.id}`, { kind: 'yes_no' }), 409,
    'answered', 'kind');
  expectError(assert, 'options', await A.admin.c.patch(`${api(t.c.id)}/questions/${q3.id}`,
    { options: q3.options.slice(0, 2) }), 409, 'answered', 'options');
  expectError(assert, 'delete', await A.admin.c.del(`${api(t.c.id)}/questions/${q1.id}`), 409, 'answered');
  expectError(assert, 'delete section', await A.admin.c.del(`${api(t.c.id)}/sections/${t.s1.id}`), 409, 'answered');
  assert.deepEqual(snapshot(t.c.id), snap);
  // Wording and option labels may still be corrected.
  const relabel = q3.options.map((o) => ({ ...o, label_en: `${o.label_en}!` }));
  const r = await A.admin.c.patch(`${api(t.c.id)}/questions/${q3.id}`, { text_en: 'Where, really?', options: relabel });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.options[0].label_en, 'Vault!');
});

test('merging a duplicate moves its feedback and its links to the survivor', async () => {
  const t = await scoredClient();
  const [q1, q2, q3, q4] = t.q.map((q) => q.id);
  const keep = await makeEstab(A.admin.c, t.c.id);
  const anon = new Client(http);
  const dup = await link(A.admin.c, t.c.id, t.e.id);
  const own = await link(A.admin.c, t.c.id, keep.id);
  assert.equal((await answer(anon, dup.url, { [q1]: '5', [q2]: 'no', [q3]: '1', [q4]: '5' })).status, 303);
  assert.equal((await answer(anon, own.url, { [q1]: '1', [q2]: 'yes', [q3]: '2', [q4]: '1' })).status, 303);
  const r = await A.admin.c.post(`/api/v1/establishments/${t.e.id}/merge`, { into: keep.id });
  assert.equal(r.status, 200, r.text);
  const fb = (await A.admin.c.get(`/api/v1/establishments/${keep.id}/usage`)).json;
  assert.equal(fb.answers, 2, 'both answers are the survivor\'s');
  // (100 + 100) / 2 = 100 and (0 + 0 + 40) / 3 = 13, (13 + 0) / 2 = 7: (100 + 7) / 2 = 54.
  assert.equal(fb.score, 54);
  assert.deepEqual(fb.sections.map((s) => s.answers), [2, 2]);
  const scores = (await A.admin.c.get(`${api(t.c.id)}/scores`)).json;
  assert.deepEqual(scores.establishments.map((e) => [e.establishment_id, e.answers]), [[keep.id, 2]]);
  const links = (await A.admin.c.get(`${api(t.c.id)}/links?establishment_id=${keep.id}`)).json.items;
  assert.deepEqual(links.map((l) => l.id).sort(), [dup.id, own.id].sort(), 'the duplicate\'s link serves the survivor');
  assert.equal((await anon.get(dup.url)).status, 200, 'and still opens');
});

test('over the per-address rate the public page answers 429 with Retry-After (instance, bound 3)', async () => {
  const inst = await startInstance({ 'usage.max_requests_address': '3', 'usage.throttle_window': '600' });
  instances.push(inst);
  const addr = randomAddress();
  const from = new Client(fcgiTransport(inst.socket, { remoteAddr: addr }));
  const wrong = `/q/${crypto.randomBytes(16).toString('hex')}`;
  assert.equal((await from.get(A.link.url)).status, 200);
  assert.equal((await from.get(wrong)).status, 404, 'a guess counts too');
  assert.equal((await from.get(A.link.url)).status, 200);
  const n = counts(A.client.id)[3];
  for (const r of [await from.get(A.link.url), await from.get(wrong), await answer(from, A.link.url, {}, { token: 'x' })]) {
    assert.equal(r.status, 429);
    assert.match(r.headers['retry-after'] || '', /^\d+$/);
    assert.ok(Number(r.headers['retry-after']) > 0 && Number(r.headers['retry-after']) <= 600);
    assert.doesNotMatch(r.text, /href="\/login"|class="user-nav"/, 'a bare error page');
  }
  assert.equal(counts(A.client.id)[3], n, 'nothing stored');
  // Another address is not held back; X-Forwarded-For does not move it.
  const other = new Client(fcgiTransport(inst.socket, { remoteAddr: randomAddress() }));
  assert.equal((await other.get(A.link.url)).status, 200);
  const xff = await from.get(A.link.url, { headers: { 'x-forwarded-for': randomAddress() } });
  assert.equal(xff.status, 429);
});

// --------------------------------------------- module, feature, isolation ---

test('a client without the module: every route and page of it answers 404, whatever the caller\'s rights', async () => {
  const c = A.off.id;
  const e = A.offEstab.id;
  for (const who of [A.admin.c, A.nofb.c]) {
    for (const [name, call] of [
      ['questionnaire', () => who.get(`${api(c)}/questionnaire`)],
      ['starter', () => who.post(`${api(c)}/starter`, {})],
      ['section', () => who.post(`${api(c)}/sections`, { title_fr: 'T', title_en: 'T' })],
      ['links', () => who.get(`${api(c)}/links`)],
      ['link', () => who.post(`${api(c)}/links`, { establishment_id: e })],
      ['answers', () => who.get(`${api(c)}/answers`)],
      ['scores', () => who.get(`${api(c)}/scores`)],
      ['estab feedback', () => who.get(`/api/v1/establishments/${e}/usage`)],
    ]) expectError(assert, `module off: ${name}`, await call(), 404);
    for (const p of [`/clients/${c}/usage`, `/clients/${c}/usage/links`, `/clients/${c}/usage/answers`]) {
      assert.equal((await who.get(p)).status, 404, p);
    }
  }
  assert.equal(counts(c).reduce((a, b) => a + b, 0), 0, 'nothing written');
  const pilot = await A.admin.c.get(`/clients/${c}/pilot`);
  assert.doesNotMatch(pilot.text, /id="pilot-usage"|\/usage"/, 'no widget, no menu entry');
});

test('without the feature feedback: no widget, no column, and 403 on the feedback routes', async () => {
  const c = A.scored.c.id;
  const e = A.scored.e.id;
  assert.equal((await A.admin.c.put(`/api/v1/clients/${c}/vcisos`, { user_ids: [A.admin.c.user.id, A.nofb.id] }))
    .status, 200);
  const who = A.nofb.c;
  expectError(assert, 'answers', await who.get(`${api(c)}/answers`), 403);
  expectError(assert, 'scores', await who.get(`${api(c)}/scores`), 403);
  expectError(assert, 'estab feedback', await who.get(`/api/v1/establishments/${e}/usage`), 403);
  assert.equal((await who.get(`/clients/${c}/usage/answers`)).status, 403);
  // The questionnaire and the links are the vCISO's, feature or not.
  assert.equal((await who.get(`${api(c)}/questionnaire`)).status, 200);
  assert.equal((await who.get(`${api(c)}/links`)).status, 200);
  const builder = await who.get(`/clients/${c}/usage`);
  assert.equal(builder.status, 200);
  assert.doesNotMatch(builder.text, /\/usage\/answers"/, 'no answers tab');
  const pilot = await who.get(`/clients/${c}/pilot`);
  assert.equal(pilot.status, 200);
  assert.doesNotMatch(pilot.text, /id="pilot-usage"/, 'no Pilot widget');
  assert.match(pilot.text, new RegExp(`href="/clients/${c}/usage"`), 'the module\'s page is in the menu');
  const est = await who.get(`/establishments/${e}`);
  assert.doesNotMatch(est.text, /id="estab-usage"/, 'no establishment widget');
  const list = await who.get(`/clients/${c}/establishments`);
  assert.doesNotMatch(list.text, /usage-score-col/, 'no score column');
  // With the feature: all of them, with the API's figures.
  const { score } = (await A.admin.c.get(`${api(c)}/scores`)).json;
  const p2 = await A.admin.c.get(`/clients/${c}/pilot`);
  assert.match(p2.text, /id="pilot-usage"/);
  assert.match(p2.text, new RegExp(`id="pilot-usage-score"[^]*${score} %`));
  assert.match((await A.admin.c.get(`/establishments/${e}`)).text, new RegExp(`id="estab-usage"[^]*${score} %`));
  assert.match((await A.admin.c.get(`/clients/${c}/establishments`)).text, new RegExp(`usage-score-col[^]*${score} %`));
  // An establishment manager with `feedback` reads its own establishment's.
  await assign(A.admin.c, A.site.id, [A.e1.id, e]);
  const mine = await A.site.c.get(`/api/v1/establishments/${e}/usage`);
  assert.equal(mine.status, 200, mine.text);
  assert.equal(mine.json.score, score, 'one establishment: the client\'s score');
  assert.match((await A.site.c.get(`/establishments/${e}`)).text, /id="estab-usage"/);
  expectError(assert, 'site manager, another establishment', await A.site.c.get(
    `/api/v1/establishments/${A.e2.id}/usage`), 404);
  expectError(assert, 'site manager, client scores (not vCISO)', await A.site.c.get(`${api(c)}/scores`), 403);
});

test('every route refuses another firm (404), non-vCISOs and support (403), no CSRF token (403); nothing changes', async () => {
  const c = A.client.id;
  const s = A.s1.id;
  const q = snapshot(c).questions[0][0];
  const l = A.link.id;
  const snap = snapshot(c);
  const routes = (who, opts) => [
    ['questionnaire', () => who.get(`${api(c)}/questionnaire`)],
    ['starter', () => who.post(`${api(c)}/starter`, {}, opts)],
    ['section create', () => who.post(`${api(c)}/sections`, { title_fr: 'X', title_en: 'X' }, opts)],
    ['section patch', () => who.patch(`${api(c)}/sections/${s}`, { title_fr: 'X' }, opts)],
    ['section delete', () => who.del(`${api(c)}/sections/${s}`, opts)],
    ['question create', () => who.post(`${api(c)}/sections/${s}/questions`, { kind: 'text', text_fr: 'X',
      text_en: 'X' }, opts)],
    ['question get', () => who.get(`${api(c)}/questions/${q}`)],
    ['question patch', () => who.patch(`${api(c)}/questions/${q}`, { text_fr: 'X' }, opts)],
    ['question delete', () => who.del(`${api(c)}/questions/${q}`, opts)],
    ['links', () => who.get(`${api(c)}/links`)],
    ['link create', () => who.post(`${api(c)}/links`, { establishment_id: A.e1.id }, opts)],
    ['link revoke', () => who.post(`${api(c)}/links/${l}/revoke`, {}, opts)],
    ['answers', () => who.get(`${api(c)}/answers`)],
    ['scores', () => who.get(`${api(c)}/scores`)],
  ];
  for (const [name, call] of routes(B.admin.c)) expectError(assert, `another firm: ${name}`, await call(), 404);
  for (const [name, call] of routes(A.am.c)) expectError(assert, `manager out of scope: ${name}`, await call(), 404);
  for (const [name, call] of routes(A.admin2.c)) expectError(assert, `admin not vCISO: ${name}`, await call(), 403);
  for (const [name, call] of routes(support)) expectError(assert, `support: ${name}`, await call(), 403);
  for (const [name, call] of routes(A.admin.c, { csrf: false })) {
    if (/create|patch|delete|revoke|starter/.test(name)) expectError(assert, `no CSRF: ${name}`, await call(), 403, 'csrf');
  }
  for (const [name, call] of routes(new Client(http))) expectError(assert, `anonymous: ${name}`, await call(), 401);
  expectError(assert, 'another firm: estab feedback', await B.admin.c.get(`/api/v1/establishments/${A.e1.id}/usage`), 404);
  // A's ids under B's own client: the same 404.
  const bc = api(B.client.id);
  expectError(assert, 'A\'s section in B\'s path', await B.admin.c.patch(`${bc}/sections/${s}`, { title_fr: 'X' }), 404);
  expectError(assert, 'A\'s question in B\'s path', await B.admin.c.get(`${bc}/questions/${q}`), 404);
  expectError(assert, 'A\'s link in B\'s path', await B.admin.c.post(`${bc}/links/${l}/revoke`, {}), 404);
  expectError(assert, 'A\'s section, B\'s question', await B.admin.c.post(`${bc}/sections/${s}/questions`,
    { kind: 'text', text_fr: 'X', text_en: 'X' }), 404);
  // And within one firm, another client's ids.
  const oc = api(A.other.id);
  expectError(assert, 'another client\'s section', await A.admin.c.patch(`${oc}/sections/${s}`, { title_fr: 'X' }), 404);
  expectError(assert, 'another client\'s link', await A.admin.c.post(`${oc}/links/${l}/revoke`, {}), 404);
  // The pages too.
  for (const p of [`/clients/${c}/usage`, `/clients/${c}/usage/links`, `/clients/${c}/usage/answers`,
    `/clients/${c}/usage/questions/${q}`]) {
    assert.equal((await B.admin.c.get(p)).status, 404, `another firm: ${p}`);
    assert.equal((await A.admin2.c.get(p)).status, 403, `admin not vCISO: ${p}`);
  }
  const page = await B.admin.c.request('POST', `/clients/${c}/usage/sections/${s}/delete`, undefined,
    { raw: `csrf_token=${B.admin.c.csrf}`, contentType: form });
  assert.equal(page.status, 404, 'another firm: a page form');
  assert.deepEqual(snapshot(c), snap, 'nothing changed');
});

test('the pages: the builder, a question form echoing a refused post, links shown once, answers', async () => {
  const c = (await makeClient(A.admin.c, { modules: MODULE })).id;
  const e = await makeEstab(A.admin.c, c);
  const post = (p, fields) => A.admin.c.request('POST', p, undefined, {
    raw: new URLSearchParams({ csrf_token: A.admin.c.csrf, ...fields }).toString(), contentType: form });
  let r = await A.admin.c.get(`/clients/${c}/usage`);
  assert.equal(r.status, 200);
  assert.match(r.text, /id="usage-empty"/);
  r = await post(`/clients/${c}/usage/starter`, {});
  assert.equal(r.status, 303);
  assert.match(r.headers.location, /done=usage_starter/);
  r = await A.admin.c.get(`/clients/${c}/usage`);
  assert.equal((r.text.match(/class="card usage-section"/g) || []).length, 6);
  const sid = r.text.match(/\/usage\/sections\/(\d+)\/questions\/new/)[1];
  // A refused question: 400, the form again with what was typed.
  r = await post(`/clients/${c}/usage/sections/${sid}/questions`, { kind: 'choice', text_fr: 'Mon choix',
    text_en: '', option_fr: 'Un', option_en: 'One', option_score: '50' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="err-text_en"/);
  assert.match(r.text, /Mon choix/);
  assert.match(r.text, /value="Un"/);
  r = await A.admin.c.request('POST', `/clients/${c}/usage/sections/${sid}/questions`, undefined, {
    raw: `csrf_token=${A.admin.c.csrf}&kind=choice&text_fr=A&text_en=A&option_fr=Un&option_en=One&option_score=50`
      + '&option_fr=Deux&option_en=Two&option_score=&option_fr=&option_en=&option_score=', contentType: form });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const qid = r.headers.location.match(/question-(\d+)/)[1];
  const got = (await A.admin.c.get(`${api(c)}/questions/${qid}`)).json;
  assert.deepEqual(got.options, [{ label_fr: 'Un', label_en: 'One', score: 50 },
    { label_fr: 'Deux', label_en: 'Two', score: null }], 'blank rows skipped, blank score unscored');
  // Move it up: the builder's button.
  r = await post(`/clients/${c}/usage/questions/${qid}/move`, { position: '1' });
  assert.equal(r.status, 303);
  assert.equal((await A.admin.c.get(`${api(c)}/questions/${qid}`)).json.position, 1);
  // A link through the page: its address shown once on the answer.
  r = await post(`/clients/${c}/usage/links`, { establishment_id: String(e.id), expires_on: '', max_answers: '',
    label: '' });
  assert.equal(r.status, 200);
  const shown = r.text.match(/id="created-url">([^<]+)</)[1];
  assert.match(shown, new RegExp(`^${env.BASE_URL}/q/[0-9a-f]{32}$`), 'the full address');
  r = await A.admin.c.get(`/clients/${c}/usage/links`);
  assert.ok(!r.text.includes(shown.slice(-32)), 'never shown again');
  r = await post(`/clients/${c}/usage/links`, { establishment_id: 'x' });
  assert.equal(r.status, 400);
  assert.match(r.text, /id="err-establishment_id"/);
  r = await A.admin.c.get(`/clients/${c}/usage/answers`);
  assert.equal(r.status, 200);
  assert.match(r.text, /class="empty"/);
});

test('every page of the module passes tidy without errors, in both languages', async (t) => {
  const c = A.scored.c.id;
  const q = A.scored.q[2].id;
  const pages = [[A.admin.c, `/clients/${c}/usage`], [A.admin.c, `/clients/${c}/usage/links`],
    [A.admin.c, `/clients/${c}/usage/answers`], [A.admin.c, `/clients/${c}/usage/questions/${q}`],
    [A.admin.c, `/clients/${c}/usage/sections/${A.scored.s1.id}/questions/new`], [A.admin.c, `/clients/${c}/pilot`],
    [A.admin.c, `/establishments/${A.scored.e.id}`], [A.admin.c, `/clients/${c}/establishments`],
    [new Client(http), A.link.url], [new Client(http), `${A.link.url}?done=1`],
    [new Client(http), `/q/${'0'.repeat(32)}`]];
  for (const [who, p] of pages) {
    for (const lang of ['fr', 'en']) {
      const r = await who.get(`${p}${p.includes('?') ? '&' : '?'}lang=${lang}`);
      assert.ok([200, 404].includes(r.status), `${p}: ${r.status}`);
      const td = tidy(r.text);
      if (td.output) t.diagnostic(`${p} (${lang}): ${td.output}`);
      assert.ok(td.status !== null && td.status < 2, `tidy finds errors in ${p} (${lang}):\n${td.output}`);
    }
  }
});
