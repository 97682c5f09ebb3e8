// The Pilot dashboard reads its frameworks, figures, usage scores and
// latest scans in one statement (rp_pilot_dashboard: the modules' own
// statements joined by UNION ALL). This test checks that each widget still
// shows what the API (which reads each part alone) answers, in the same
// order: the adopted frameworks in adoption order, the adoptable ones in
// the catalogue's order, the usage sections by position and the
// establishments by name, the most exposed establishments first; that its
// activity shows the client's ten latest entries only, newest first, and
// reads only those; and that a dashboard runs its statements in a bounded
// number of round trips.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack, tidy } from '../lib/testkit.mjs';
import { Client, createFirm, httpTransport, loggedIn, sql } from '../lib/identity.mjs';
import { makeClient, makeEstab } from '../lib/clients.mjs';
import { htmlEscape, langTexts, setLang } from '../lib/lang.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

let admin;
let client;
const estabs = {};

before(async () => {
  const f = createFirm(env);
  admin = await loggedIn(http, f.email, f.password);
  client = (await makeClient(admin, { modules: ['usage_diagnostic', 'external_scan'] })).id;
  for (const name of ['Mike', 'alpha', 'Zulu']) estabs[name] = (await makeEstab(admin, client, { name })).id;
  // The firm's own frameworks beside the catalogue's (named out of id
  // order); two adopted in an order that is neither the ids' nor the names'.
  for (const [code, name] of [['zz-own', 'Zeta own'], ['aa-own', 'Alpha own'], ['mm-own', 'Mid own']]) {
    sql(env, `INSERT INTO frameworks (firm_id, code, version, name_fr, name_en, publisher, licence, source_url,
      summary_fr, summary_en) VALUES (${f.firmId}, '${code}', '1', '${name}', '${name}', 'Test', 'Test', '', '', '')`);
  }
  const list = (await admin.get('/api/v1/frameworks?limit=100')).json.items;
  const own = (code) => list.find((x) => x.code === code);
  for (const fw of [own('mm-own'), list.find((x) => !x.code.endsWith('-own'))]) {
    const r = await admin.post(`/api/v1/clients/${client}/frameworks`, { framework_id: fw.id });
    assert.equal(r.status, 201, r.text);
  }
  // Adopted within one second: the first one an hour earlier.
  sql(env, `UPDATE client_frameworks SET adopted_at = adopted_at - INTERVAL 1 HOUR
    WHERE client_id = ${client} AND framework_id = ${own('mm-own').id}`);
  // Usage: three sections, the last moved first; one scale question each;
  // one answer per establishment, with different scores.
  const api = `/api/v1/clients/${client}/usage`;
  const sections = [];
  for (const t of ['One', 'Two', 'Three']) {
    const r = await admin.post(`${api}/sections`, { title_fr: t, title_en: t });
    assert.equal(r.status, 201, r.text);
    sections.push(r.json);
  }
  let r = await admin.patch(`${api}/sections/${sections[2].id}`, { position: 1 });
  assert.equal(r.status, 200, r.text);
  const questions = [];
  for (const s of sections) {
    r = await admin.post(`${api}/sections/${s.id}/questions`, { kind: 'scale', text_fr: 'Q', text_en: 'Q' });
    assert.equal(r.status, 201, r.text);
    questions.push(r.json);
  }
  let value = 1;
  for (const id of Object.values(estabs)) {
    r = await admin.post(`${api}/links`, { establishment_id: id });
    assert.equal(r.status, 201, r.text);
    const anon = new Client(http);
    const { url } = r.json;
    const form = await anon.get(url);
    const token = form.text.match(/name="form_token" value="([^"]+)"/)[1];
    const body = new URLSearchParams({ form_token: token });
    for (const q of questions) body.append(`q${q.id}`, String(value));
    value += 2;
    const a = await anon.request('POST', url, undefined, { raw: body.toString(),
      contentType: 'application/x-www-form-urlencoded', headers: { Origin: env.BASE_URL } });
    assert.ok(a.status === 303 || a.status === 200, `answer: ${a.status} ${a.text.slice(0, 200)}`);
  }
  // Scans: Zulu with three high findings, Mike with one, alpha with none.
  const HIGH = [{ port: 3389, service: 'ms-wbt-server' }, { port: 23, service: 'telnet' },
    { port: 3306, service: 'mysql' }];
  const scan = (highs) => ({ scanned_at: '2026-01-05T10:00:00Z', scanner: 'test', hosts: [
    { address: '203.0.113.20', ports: [{ port: 443, service: 'https' }, ...HIGH.slice(0, highs)] }] });
  for (const [name, highs] of [['Mike', 1], ['Zulu', 3], ['alpha', 0]]) {
    r = await admin.post(`/api/v1/clients/${client}/scans`, { establishment_id: estabs[name], scan: scan(highs) });
    assert.equal(r.status, 201, `scan of ${name}: ${r.text}`);
  }
});

// The texts of the elements matching re in the part of html from `from` on.
function inOrder(html, from, re) {
  const at = html.indexOf(from);
  assert.ok(at >= 0, `${from} in the page`);
  return [...html.slice(at).matchAll(re)].map((m) => m[1]);
}

test('the dashboard shows each part as the API answers it, in the same order', async () => {
  const page = await admin.get(`/clients/${client}/pilot`);
  assert.equal(page.status, 200);
  const td = tidy(page.text);
  assert.ok(td.status !== null && td.status < 2, `tidy errors:\n${td.output}`);
  const html = page.text;
  const pilot = (await admin.get(`/api/v1/clients/${client}/pilot`)).json;

  const adopted = inOrder(html, '<tbody>', /compliance\?framework_id=(\d+)"/g).slice(0, 2);
  assert.deepEqual(adopted.map(Number), pilot.frameworks.map((x) => x.framework_id), 'adopted, in adoption order');
  assert.equal(pilot.frameworks[0].name, 'Mid own', 'the first adopted first');

  const firm = sql(env, `SELECT firm_id FROM clients WHERE id = ${client}`)[0][0];
  const adoptable = sql(env, `SELECT fw.id FROM frameworks fw WHERE (fw.firm_id IS NULL OR fw.firm_id = ${firm})
    AND NOT EXISTS (SELECT 1 FROM client_frameworks cf WHERE cf.client_id = ${client} AND cf.framework_id = fw.id)
    ORDER BY fw.firm_id IS NOT NULL, fw.name_en, fw.id`).map((x) => x[0]);
  assert.ok(adoptable.length >= 3, 'three frameworks left to adopt');
  assert.deepEqual(inOrder(html, 'id="f-framework_id"', /<option value="(\d+)"/g).slice(0, adoptable.length),
    adoptable, 'adoptable, in the catalogue order');

  const scores = (await admin.get(`/api/v1/clients/${client}/usage/scores`)).json;
  assert.deepEqual(scores.sections.map((s) => s.title_en), ['Three', 'One', 'Two']);
  assert.deepEqual(scores.establishments.map((e) => e.name), ['alpha', 'Mike', 'Zulu']);
  const estabRows = inOrder(html, 'id="pilot-usage-estabs"', /<a href="\/establishments\/(\d+)">/g);
  assert.deepEqual(estabRows.map(Number), scores.establishments.map((e) => e.establishment_id),
    'usage establishments by name');
  for (const s of scores.sections) assert.ok(html.includes(s.title_fr), `section ${s.title_fr} shown`);
  const sectionOrder = scores.sections.map((s) => html.indexOf(`>${s.title_fr}<`));
  assert.deepEqual([...sectionOrder].sort((a, b) => a - b), sectionOrder, 'sections by position');

  const answers = (await admin.get(`/api/v1/clients/${client}/usage/answers?limit=5`)).json;
  const feed = inOrder(html, 'id="pilot-usage-recent"', /<\/time> \u2014 ([^<]*?) \u2014 /g);
  assert.equal(feed.length, 3, 'the three answers in the feed');
  assert.deepEqual(feed, answers.items.map((a) => a.establishment_name), 'the feed, newest first');

  const exposure = (await admin.get(`/api/v1/clients/${client}/exposure`)).json;
  const top = inOrder(html, 'id="pilot-exposure"', /<a href="\/establishments\/(\d+)\/exposure">/g);
  assert.deepEqual(top.map(Number), exposure.establishments.filter((e) => e.findings_by_severity.high
    + e.findings_by_severity.medium > 0).map((e) => e.establishment_id), 'the most exposed first');
  assert.equal(top[0], String(estabs.Zulu));
});

// The <li> entries of the dashboard's activity list: [datetime, text, label].
function activity(html) {
  const from = html.indexOf('<section class="card" id="pilot-activity">');
  assert.ok(from >= 0, 'the activity section');
  const part = html.slice(from, html.indexOf('</section>', from));
  return [...part.matchAll(/<li><time datetime="([^"]*)">([^<]*)<\/time> \u2014 ([^<]*)<\/li>/g)]
    .map((m) => m.slice(1));
}

test('the activity shows the client\'s ten latest entries, newest first, and no other client\'s', async () => {
  await setLang(admin, 'fr');
  const firm = sql(env, `SELECT firm_id FROM clients WHERE id = ${client}`)[0][0];
  const other = (await makeClient(admin)).id;
  // Twelve entries a minute apart, newer than the set-up's, inserted
  // oldest last (newest first in time, not in id); an action without a
  // label (shown as it is, escaped); and the newest entry of all on
  // another client of the firm.
  const actions = ['client.update', '<b>odd</b>', 'establishment.create'];
  sql(env, `INSERT INTO audit_log (at, firm_id, client_id, action, object_type, details)
    SELECT UTC_TIMESTAMP(3) + INTERVAL 1 HOUR - INTERVAL seq MINUTE, ${firm}, ${client},
    ELT(1 + seq % 3, ${actions.map((a) => `'${a}'`).join(', ')}), 'client', '{}' FROM seq_1_to_12
    ORDER BY seq`);
  sql(env, `INSERT INTO audit_log (at, firm_id, client_id, action, object_type, details)
    VALUES (UTC_TIMESTAMP(3) + INTERVAL 2 HOUR, ${firm}, ${other}, 'client.update', 'client', '{}')`);
  const page = await admin.get(`/clients/${client}/pilot`);
  assert.equal(page.status, 200);
  const fr = langTexts('fr');
  const want = sql(env, `SELECT DATE_FORMAT(at, '%Y-%m-%dT%H:%i:%sZ'),
    DATE_FORMAT(at, '${fr.get('Lang.formats.datetime')}'), action FROM audit_log
    WHERE client_id = ${client} ORDER BY at DESC LIMIT 10`);
  assert.equal(want.length, 10);
  assert.deepEqual(activity(page.text), want.map(([at, text, action]) =>
    [at, htmlEscape(text), htmlEscape(fr.get(`Lang.audit.${action}`) ?? action)]));
  assert.ok(page.text.includes('&lt;b&gt;odd&lt;/b&gt;') && !page.text.includes('<b>odd</b>'),
    'an action without a label, escaped');
  // The API's recent activity: the same entries in the same order.
  const pilot = (await admin.get(`/api/v1/clients/${client}/pilot`)).json;
  assert.deepEqual(pilot.recent_activity.map((e) => e.at), want.map((w) => w[0]));
});

test('the activity reads the latest entries only, however long the client\'s history', async () => {
  const firm = sql(env, `SELECT firm_id FROM clients WHERE id = ${client}`)[0][0];
  sql(env, `INSERT INTO audit_log (at, firm_id, client_id, action, object_type, details)
    SELECT UTC_TIMESTAMP(3) - INTERVAL 1 DAY - INTERVAL seq SECOND, ${firm}, ${client},
    'client.update', 'client', '{}' FROM seq_1_to_3000`);
  // Then as many of another client: whichever way a statement walks the
  // log, newest ids first or this client's entries, reading them all
  // would show.
  const other = (await makeClient(admin)).id;
  sql(env, `INSERT INTO audit_log (at, firm_id, client_id, action, object_type, details)
    SELECT UTC_TIMESTAMP(3) - INTERVAL seq SECOND, ${firm}, ${other},
    'client.update', 'client', '{}' FROM seq_1_to_3000`);
  const reads = () => sql(env, `SHOW GLOBAL STATUS WHERE Variable_name IN
    ('Handler_read_next', 'Handler_read_prev')`).reduce((n, r) => n + Number(r[1]), 0);
  // The inserts dropped the cached answers of the statements on the audit
  // log: this dashboard reads it again.
  const before = reads();
  const r = await admin.get(`/clients/${client}/pilot`);
  assert.equal(r.status, 200);
  const read = reads() - before;
  assert.equal(activity(r.text).length, 10);
  assert.ok(read < 1000, `${read} index rows read for one dashboard of a client with 3000 entries`);
});

test('a dashboard is a bounded number of statements, whatever its widgets', async () => {
  const count = () => Number(sql(env, "SHOW SESSION STATUS LIKE 'Com_stmt_execute'")[0][1]);
  const global = () => Number(sql(env, "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'")[0][1]);
  await admin.get(`/clients/${client}/pilot`);
  const before = global() - count();
  const r = await admin.get(`/clients/${client}/pilot`);
  assert.equal(r.status, 200);
  const used = global() - count() - before;
  // Session, client, branding, switcher, activity and the union.
  assert.ok(used <= 6, `${used} statements for one dashboard (12 when each part was its own)`);
});
