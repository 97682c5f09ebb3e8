// The external scan module (SPEC §1 "Modules", §3 `monitoring`; README
// "External scan"): targets per establishment (validated, normalised, once
// each), imports of nmap XML and of the JSON format (all or nothing,
// size-capped, hostile XML refused), findings with their severity, the
// comparison of each scan with the establishment's previous one (new,
// fixed, still open) kept right when scans arrive out of order or are
// deleted, findings turned into actions, and the exposure routes, widgets
// and column of `monitoring`. Every route answers 404 for a client without
// the module, another firm's ids answer 404 and change nothing, a user not
// declared vCISO gets 403, a missing CSRF token 403, and writes leave audit
// rows.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureStack, SRCDIR } from '../lib/stack.mjs';
import { cgiParams, openRequest } from '../lib/fcgi.mjs';
import { get, lockStack, tidy } from '../lib/testkit.mjs';
import {
  ALL_FEATURES, createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId, sql, sqlValue,
} from '../lib/identity.mjs';
import { audit, makeClient, makeEstab, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const fixture = (name) => fs.readFileSync(path.join(SRCDIR, 'tests/unit/fixtures', name), 'utf8');
const OFFICE = fixture('nmap-office.xml');
const LATER = fixture('nmap-office-later.xml');
const SAMPLE = JSON.parse(fs.readFileSync(path.join(SRCDIR, 'docs/external-scan-sample.json'), 'utf8'));
const SCAN_FIELDS = ['id', 'client_id', 'establishment_id', 'scanned_at', 'format', 'scanner', 'hosts', 'open_ports',
  'findings_by_severity', 'previous_scan_id', 'new', 'fixed', 'still_open', 'findings', 'fixed_findings'];
const FINDING_FIELDS = ['id', 'host', 'hostname', 'port', 'protocol', 'service', 'product', 'version', 'severity', 'rule',
  'change', 'action_id'];

const A = {};
const B = {};
let support;

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.client = await makeClient(A.admin.c, { modules: ['external_scan'] });
  A.e1 = await makeEstab(A.admin.c, A.client.id);
  A.e2 = await makeEstab(A.admin.c, A.client.id);
  A.plain = await makeClient(A.admin.c, { modules: ['risk_analysis'] });
  A.pe = await makeEstab(A.admin.c, A.plain.id);
  A.other = await makeClient(A.admin.c, { modules: ['external_scan'] });
  A.oe = await makeEstab(A.admin.c, A.other.id);
  // A vCISO of the client without `monitoring`; a manager of another
  // client only; an admin not declared vCISO; a site manager of e1.
  A.nomon = await person(http, A.admin.c, 'account_manager', { client_ids: [A.client.id],
    features: ALL_FEATURES.filter((f) => f !== 'monitoring') });
  A.away = await person(http, A.admin.c, 'account_manager', { client_ids: [A.other.id] });
  A.admin2 = await person(http, A.admin.c, 'admin');
  A.site = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [A.e1.id] });
  A.siteNomon = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [A.e1.id],
    features: ['profile.read', 'self'] });
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  B.client = await makeClient(B.admin.c, { modules: ['external_scan'] });
  B.e = await makeEstab(B.admin.c, B.client.id);
  let r = await B.admin.c.post(`/api/v1/clients/${B.client.id}/scan-targets`, { establishment_id: B.e.id,
    value: 'b.example.org' });
  assert.equal(r.status, 201, r.text);
  B.target = r.json.id;
  r = await B.admin.c.post(`/api/v1/clients/${B.client.id}/scans`, { establishment_id: B.e.id, nmap_xml: OFFICE });
  assert.equal(r.status, 201, r.text);
  B.scan = r.json;
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
});

// Everything the module stores, for "nothing changed".
const stored = () => sql(env, `SELECT (SELECT COUNT(*) FROM scans), (SELECT COUNT(*) FROM scan_findings),
  (SELECT COUNT(*) FROM scan_targets), (SELECT COUNT(*) FROM actions),
  (SELECT COUNT(*) FROM audit_log), (SELECT COALESCE(SUM(new_count + fixed_count), 0) FROM scans),
  (SELECT COUNT(action_id) FROM scan_findings)`)[0];
const importXml = (who, client, estab, xml, extra = {}) => who.post(`/api/v1/clients/${client}/scans`,
  { establishment_id: estab, nmap_xml: xml, ...extra });
const importJson = (who, client, estab, scan) => who.post(`/api/v1/clients/${client}/scans`,
  { establishment_id: estab, scan });
const byPort = (scan) => Object.fromEntries(scan.findings.map((f) => [`${f.host} ${f.port}/${f.protocol}`, f]));
// The office report of another date: each import of one establishment needs its own.
const redated = (xml, start) => xml.replace(/ start="\d+"/, ` start="${start}"`);

// ---------------------------------------------------------------- targets ---

test('targets: validated, normalised, once per establishment; listed; removed; audited', async () => {
  const c = A.client.id;
  const post = (body, who = A.admin.c) => who.post(`/api/v1/clients/${c}/scan-targets`,
    { establishment_id: A.e1.id, ...body });
  const before = maxAuditId(env);
  const made = [];
  for (const [value, kind, text] of [['Boulangerie-Exemple.FR.', 'domain', 'boulangerie-exemple.fr'],
    ['203.0.113.10', 'ipv4', '203.0.113.10'], ['198.51.100.77/29', 'cidr', '198.51.100.72/29'],
    ['2001:DB8:0:0::25', 'ipv6', '2001:db8::25'], ['198.51.100.9/32', 'ipv4', '198.51.100.9']]) {
    const r = await post({ value, label: `Label of ${value}` });
    assert.equal(r.status, 201, `${value}: ${r.text}`);
    assert.equal(r.json.kind, kind, value);
    assert.equal(r.json.value, text, value);
    assert.equal(r.json.establishment_id, A.e1.id);
    assert.equal(r.json.client_id, c);
    made.push(r.json);
  }
  const rows = audit(env, `id > ${before} AND action = 'scan_target.create'`);
  assert.equal(rows.length, 5);
  assert.ok(rows.every((x) => x.client_id === c), 'audited with the client');
  assert.deepEqual(JSON.parse(rows[0].raw).value, 'boulangerie-exemple.fr');
  const snap = stored();
  for (const [value, code] of [['', 'required'], ['not a domain', 'invalid_target'], ['localhost', 'invalid_target'],
    ['203.0.113.0/23', 'invalid_target'], ['2001:db8::/64', 'invalid_target'], ['127.0.0.1', 'invalid_target'],
    ['010.0.0.1', 'invalid_target'], ['münchen.de', 'invalid_target'], ['x'.repeat(300), 'too_long'],
    ['a\nb.fr', 'invalid']]) {
    expectError(assert, `target ${JSON.stringify(value).slice(0, 30)}`, await post({ value }), 400, code, 'value');
  }
  expectError(assert, 'a number', await post({ value: 12 }), 400, 'invalid', 'value');
  expectError(assert, 'the same, written otherwise', await post({ value: 'BOULANGERIE-exemple.fr' }), 409,
    'target_exists', 'value');
  expectError(assert, 'the same network', await post({ value: '198.51.100.75/29' }), 409, 'target_exists', 'value');
  expectError(assert, 'no establishment', await A.admin.c.post(`/api/v1/clients/${c}/scan-targets`,
    { value: 'x.fr' }), 400, 'required', 'establishment_id');
  expectError(assert, 'another client\'s establishment', await post({ establishment_id: A.oe.id, value: 'x.fr' }), 404,
    'not_found', 'establishment_id');
  expectError(assert, 'another firm\'s establishment', await post({ establishment_id: B.e.id, value: 'x.fr' }), 404,
    'not_found', 'establishment_id');
  expectError(assert, 'unknown field', await post({ value: 'x.fr', colour: 'red' }), 400, 'unknown_field', 'colour');
  expectError(assert, 'no CSRF', await A.admin.c.post(`/api/v1/clients/${c}/scan-targets`,
    { establishment_id: A.e1.id, value: 'y.fr' }, { csrf: false }), 403);
  assert.deepEqual(stored(), snap, 'nothing written by a refusal');
  // Listed by establishment, then value; filtered.
  let r = await A.admin.c.get(`/api/v1/clients/${c}/scan-targets?establishment_id=${A.e1.id}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.total, 5);
  assert.deepEqual(r.json.items.map((t) => t.value).sort(), made.map((t) => t.value).sort());
  r = await A.admin.c.get(`/api/v1/clients/${c}/scan-targets?establishment_id=${A.e2.id}`);
  assert.equal(r.json.total, 0);
  expectError(assert, 'bad filter', await A.admin.c.get(`/api/v1/clients/${c}/scan-targets?establishment_id=x`),
    400, 'invalid', 'establishment_id');
  // Removed: 204, audited; keep the address and the domain for the scans.
  for (const t of made.filter((x) => x.kind !== 'ipv4' || x.value !== '203.0.113.10')
    .filter((x) => x.kind !== 'domain')) {
    const before2 = maxAuditId(env);
    r = await A.admin.c.del(`/api/v1/scan-targets/${t.id}`);
    assert.equal(r.status, 204, r.text);
    assert.equal(audit(env, `id > ${before2} AND action = 'scan_target.delete'`).length, 1);
    expectError(assert, 'gone', await A.admin.c.get(`/api/v1/scan-targets/${t.id}`), 404);
  }
  // The domain covers fw.boulangerie-exemple.fr: remove it too, so that
  // 203.0.113.11 is outside the declared targets.
  r = await A.admin.c.del(`/api/v1/scan-targets/${made[0].id}`);
  assert.equal(r.status, 204);
  r = await A.admin.c.get(`/api/v1/clients/${c}/scan-targets`);
  assert.deepEqual(r.json.items.map((t) => t.value), ['203.0.113.10']);
});

// ---------------------------------------------------------------- imports ---

test('an nmap XML import: 201 with the report, findings by severity, first scan; audited', async () => {
  const before = maxAuditId(env);
  const r = await importXml(A.admin.c, A.client.id, A.e1.id, OFFICE, { file_name: 'office.xml' });
  assert.equal(r.status, 201, r.text);
  for (const f of SCAN_FIELDS) assert.ok(f in r.json, `scan.${f}`);
  const s = r.json;
  assert.equal(s.establishment_id, A.e1.id);
  assert.equal(s.scanned_at, '2024-10-05T08:15:00Z');
  assert.equal(s.format, 'nmap_xml');
  assert.equal(s.scanner, 'nmap 7.94');
  assert.equal(s.file_name, 'office.xml');
  assert.equal(s.hosts, 2);
  assert.equal(s.open_ports, 9);
  assert.deepEqual(s.findings_by_severity, { high: 2, medium: 3, low: 3, info: 1 });
  assert.equal(s.previous_scan_id, null);
  assert.equal(s.new, 9, 'a first scan: everything is new');
  assert.equal(s.fixed, 0);
  assert.equal(s.findings.length, 9);
  for (const f of FINDING_FIELDS) assert.ok(f in s.findings[0], `finding.${f}`);
  assert.deepEqual(s.findings.map((f) => f.severity), ['high', 'high', 'medium', 'medium', 'medium', 'low', 'low', 'low',
    'info'], 'the worst first');
  const p = byPort(s);
  assert.equal(p['203.0.113.10 3389/tcp'].rule, 'rdp');
  assert.equal(p['203.0.113.10 3389/tcp'].product, 'Microsoft Terminal Services');
  assert.equal(p['203.0.113.10 443/tcp'].service, 'https');
  assert.equal(p['203.0.113.10 22/tcp'].hostname, 'www.boulangerie-exemple.fr');
  assert.equal(p['203.0.113.11 161/udp'].rule, 'snmp');
  assert.ok(s.findings.every((f) => f.change === 'new' && f.action === null));
  // Targets: 203.0.113.10 declared, .11 not.
  assert.equal(p['203.0.113.10 80/tcp'].in_targets, true);
  assert.equal(p['203.0.113.11 21/tcp'].in_targets, false);
  assert.equal(s.hosts_outside_targets, 1);
  const rows = audit(env, `id > ${before} AND action = 'scan.import'`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].client_id, A.client.id);
  assert.equal(rows[0].object_id, s.id);
  const d = JSON.parse(rows[0].raw);
  assert.equal(d.open_ports, 9);
  assert.equal(d.high, 2);
  const got = await A.admin.c.get(`/api/v1/scans/${s.id}`);
  assert.equal(got.status, 200);
  assert.deepEqual(got.json, s, 'GET answers the same');
  A.first = s;
});

test('the next scan: new, fixed and still open findings against the previous one', async () => {
  const r = await importXml(A.admin.c, A.client.id, A.e1.id, LATER);
  assert.equal(r.status, 201, r.text);
  const s = r.json;
  assert.equal(s.previous_scan_id, A.first.id);
  assert.equal(s.previous_scanned_at, A.first.scanned_at);
  assert.equal(s.hosts, 3);
  assert.deepEqual(s.findings_by_severity, { high: 3, medium: 2, low: 3, info: 1 });
  assert.equal(s.new, 2, 'MySQL and telnet');
  assert.equal(s.fixed, 2, 'HTTP and RDP');
  assert.equal(s.still_open, 7);
  const p = byPort(s);
  assert.equal(p['203.0.113.10 3306/tcp'].change, 'new');
  assert.equal(p['203.0.113.13 23/tcp'].change, 'new');
  assert.equal(p['203.0.113.11 445/tcp'].change, 'still_open');
  assert.deepEqual(s.fixed_findings.map((f) => `${f.host} ${f.port}/${f.protocol} ${f.change}`).sort(),
    ['203.0.113.10 3389/tcp fixed', '203.0.113.10 80/tcp fixed']);
  // The first scan is unchanged; the list shows both, the latest first.
  assert.deepEqual((await A.admin.c.get(`/api/v1/scans/${A.first.id}`)).json, A.first);
  const list = await A.admin.c.get(`/api/v1/clients/${A.client.id}/scans?establishment_id=${A.e1.id}`);
  assert.equal(list.status, 200);
  assert.equal(list.json.total, 2);
  assert.deepEqual(list.json.items.map((x) => x.id), [s.id, A.first.id]);
  assert.ok(!('findings' in list.json.items[0]), 'lists carry no findings');
  A.later = s;
});

test('a scan imported between two others, then deleted: the comparisons follow', async () => {
  // The office on 1 November without RDP, as the JSON format.
  const doc = { scanned_at: '2024-11-01T10:00:00Z', scanner: 'manual', hosts: A.first.findings.reduce((hosts, f) => {
    if (f.port === 3389) return hosts;
    let h = hosts.find((x) => x.address === f.host);
    if (!h) hosts.push(h = { address: f.host, hostname: f.hostname, ports: [] });
    h.ports.push({ port: f.port, protocol: f.protocol, service: f.service });
    return hosts;
  }, []) };
  const r = await importJson(A.admin.c, A.client.id, A.e1.id, doc);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.previous_scan_id, A.first.id);
  assert.equal(r.json.new, 0);
  assert.equal(r.json.fixed, 1, 'RDP');
  let later = (await A.admin.c.get(`/api/v1/scans/${A.later.id}`)).json;
  assert.equal(later.previous_scan_id, r.json.id, 'the later scan now follows the middle one');
  assert.equal(later.new, 2);
  assert.equal(later.fixed, 1, 'HTTP only: RDP was already closed');
  const before = maxAuditId(env);
  const d = await A.admin.c.del(`/api/v1/scans/${r.json.id}`);
  assert.equal(d.status, 204, d.text);
  assert.equal(audit(env, `id > ${before} AND action = 'scan.delete'`).length, 1);
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM scan_findings WHERE scan_id = ${r.json.id}`)), 0);
  later = (await A.admin.c.get(`/api/v1/scans/${A.later.id}`)).json;
  assert.deepEqual(later, A.later, 'back to the comparison with the first scan');
  expectError(assert, 'deleted', await A.admin.c.get(`/api/v1/scans/${r.json.id}`), 404);
});

test('the JSON format: the sample of docs/ imports; its rules apply', async () => {
  const r = await importJson(A.admin.c, A.client.id, A.e2.id, SAMPLE);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.format, 'json');
  assert.equal(r.json.scanned_at, '2024-12-02T07:45:00Z');
  assert.equal(r.json.hosts, 3);
  assert.equal(r.json.open_ports, 4);
  assert.deepEqual(r.json.findings_by_severity, { high: 1, medium: 0, low: 2, info: 1 });
  assert.equal(byPort(r.json)['2001:db8::25 5432/tcp'].rule, 'postgresql');
  assert.equal(r.json.hosts_outside_targets, 0, 'no target declared: nothing said');
  assert.ok(r.json.findings.every((f) => f.in_targets === null));
  A.jsonScan = r.json;
});

test('refused imports answer 400/409/413 naming the field, and store nothing', async () => {
  const c = A.client.id;
  const e = A.e1.id;
  const snap = stored();
  // Malformed XML: where it is.
  let r = await importXml(A.admin.c, c, e, fixture('nmap-truncated.xml'));
  let err = expectError(assert, 'truncated XML', r, 400, 'malformed', 'nmap_xml');
  assert.ok(err.line > 0 && err.column > 0, `line and column: ${r.text}`);
  expectError(assert, 'not XML', await importXml(A.admin.c, c, e, 'hello'), 400, 'malformed', 'nmap_xml');
  expectError(assert, 'another XML', await importXml(A.admin.c, c, e, '<report start="1"/>'), 400, 'not_nmap',
    'nmap_xml');
  // Hostile XML: refused at once, nothing read.
  const t0 = Date.now();
  r = await importXml(A.admin.c, c, e, fixture('nmap-billion-laughs.xml'));
  expectError(assert, 'billion laughs', r, 400, 'hostile', 'nmap_xml');
  assert.ok(Date.now() - t0 < 2000, `billion laughs took ${Date.now() - t0} ms`);
  r = await importXml(A.admin.c, c, e, fixture('nmap-xxe.xml'));
  expectError(assert, 'external entity', r, 400, 'hostile', 'nmap_xml');
  assert.doesNotMatch(r.text, /root:/);
  expectError(assert, 'external DTD', await importXml(A.admin.c, c, e, fixture('nmap-external-dtd.xml')), 400,
    'hostile', 'nmap_xml');
  // All or nothing: one bad port in the last host refuses the whole scan.
  const bad = structuredClone(SAMPLE);
  bad.scanned_at = '2024-12-20T00:00:00Z';
  bad.hosts[1].ports[1].port = 70000;
  expectError(assert, 'a bad port', await importJson(A.admin.c, c, e, bad), 400, 'out_of_range',
    'scan.hosts[1].ports[1].port');
  bad.hosts[1].ports[1] = { port: 25, protocol: 'tcp' };
  expectError(assert, 'the same port twice', await importJson(A.admin.c, c, e, bad), 400, 'duplicate',
    'scan.hosts[1].ports[1]');
  expectError(assert, 'an unknown key', await importJson(A.admin.c, c, e, { ...SAMPLE, extra: 1 }), 400,
    'unknown_field', 'scan.extra');
  expectError(assert, 'a date in the future', await importJson(A.admin.c, c, e, { ...SAMPLE,
    scanned_at: '2099-01-01T00:00:00Z' }), 400, 'future_date', 'scan.scanned_at');
  // The same establishment at the same date: a conflict.
  expectError(assert, 'same date', await importXml(A.admin.c, c, e, OFFICE), 409, 'scan_exists', 'nmap_xml');
  // The body's own rules.
  expectError(assert, 'neither', await A.admin.c.post(`/api/v1/clients/${c}/scans`, { establishment_id: e }), 400,
    'required');
  expectError(assert, 'both', await A.admin.c.post(`/api/v1/clients/${c}/scans`,
    { establishment_id: e, nmap_xml: OFFICE, scan: SAMPLE }), 400, 'required');
  expectError(assert, 'XML not a string', await importXml(A.admin.c, c, e, 12), 400, 'invalid', 'nmap_xml');
  expectError(assert, 'no establishment', await A.admin.c.post(`/api/v1/clients/${c}/scans`, { nmap_xml: OFFICE }),
    400, 'required', 'establishment_id');
  expectError(assert, 'unknown field', await importXml(A.admin.c, c, e, OFFICE, { when: 'now' }), 400,
    'unknown_field', 'when');
  expectError(assert, 'another client\'s establishment', await importXml(A.admin.c, c, A.oe.id, OFFICE), 404,
    'not_found', 'establishment_id');
  expectError(assert, 'no CSRF', await A.admin.c.post(`/api/v1/clients/${c}/scans`,
    { establishment_id: e, nmap_xml: redated(OFFICE, 1700000000) }, { csrf: false }), 403);
  // Too big: 6 MB of XML (under the upload cap, over the file cap) names the
  // file; 50 MB never reach the parser (nginx, then the app, refuse the length).
  const padding = `<!-- ${'x'.repeat(6 * 1024 * 1024)} -->`;
  r = await importXml(A.admin.c, c, e, redated(OFFICE, 1700000000).replace('</nmaprun>', `${padding}</nmaprun>`));
  expectError(assert, '6 MB of XML', r, 413, 'too_large', 'nmap_xml');
  const huge = Buffer.alloc(50 * 1024 * 1024, 'x');
  r = await A.admin.c.request('POST', `/api/v1/clients/${c}/scans`, undefined, { raw: huge });
  assert.equal(r.status, 413, '50 MB through nginx');
  const params = { ...cgiParams({ method: 'POST', uri: `/api/v1/clients/${c}/scans`,
    headers: { 'content-type': 'application/json', cookie: A.admin.c.cookieHeader(),
      'x-csrf-token': A.admin.c.csrf }, body: '' }), CONTENT_LENGTH: String(huge.length) };
  const req = openRequest(env.STACK_FCGI_SOCKET, params);
  req.sendBody('');
  const direct = await req.response;
  assert.equal(direct.status, 413, '50 MB straight to the app');
  assert.equal(JSON.parse(direct.body).error.field, 'body');
  assert.deepEqual(stored(), snap, 'nothing written by any refusal');
});

test('an import is one transaction: a failure injected at its last finding leaves nothing', async () => {
  const doc = structuredClone(SAMPLE);
  doc.scanned_at = '2024-12-24T06:00:00Z';
  doc.hosts[1].ports[1].product = 'INJECT-FAILURE';
  const snap = stored();
  // As root (the app user may not create triggers).
  const root = (q) => execFileSync('mariadb', [`--defaults-file=${env.STACK_MYSQL_ROOT_DEFAULTS}`, 'rempart'],
    { input: q, encoding: 'utf8' });
  root('DROP TRIGGER IF EXISTS test_fail_finding;\n');
  root(`DELIMITER //
CREATE TRIGGER test_fail_finding BEFORE INSERT ON scan_findings FOR EACH ROW BEGIN
  IF NEW.product = 'INJECT-FAILURE' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected'; END IF;
END//
DELIMITER ;
`);
  try {
    const r = await importJson(A.admin.c, A.client.id, A.e2.id, doc);
    assert.ok(r.status >= 500 && r.status <= 599, `the insert failed, so the import fails: ${r.status} ${r.text}`);
    assert.deepEqual(stored(), snap, 'no scan, no finding, no audit row');
  } finally {
    root('DROP TRIGGER IF EXISTS test_fail_finding;\n');
  }
  const r = await importJson(A.admin.c, A.client.id, A.e2.id, doc);
  assert.equal(r.status, 201, 'without the trigger it goes through');
  assert.equal((await A.admin.c.del(`/api/v1/scans/${r.json.id}`)).status, 204);
});

// -------------------------------------------------------------- actions ---

test('a finding becomes an action of the plan, linked both ways; once', async () => {
  const rdp = A.first.findings.find((f) => f.port === 3389);
  const before = maxAuditId(env);
  const open = Number(sqlValue(env, `SELECT open_actions FROM clients WHERE id = ${A.client.id}`));
  expectError(assert, 'no CSRF', await A.admin.c.post(`/api/v1/findings/${rdp.id}/action`, undefined,
    { csrf: false }), 403);
  let r = await A.admin.c.post(`/api/v1/findings/${rdp.id}/action`);
  assert.equal(r.status, 201, r.text);
  const action = r.json;
  assert.equal(action.client_id, A.client.id);
  assert.equal(action.finding_id, rdp.id);
  assert.equal(action.priority, 'high');
  assert.equal(action.status, 'todo');
  assert.equal(action.owner_id, A.admin.c.user.id);
  assert.match(action.title, /203\.0\.113\.10/);
  assert.match(action.title, /3389\/tcp/);
  assert.match(action.description, /RDP|Bureau à distance|Remote desktop/);
  const due = new Date(`${action.due_date}T00:00:00Z`).getTime();
  const days = Math.round((due - Date.now()) / 86400000);
  assert.ok(days >= 29 && days <= 31, `due in about 30 days (${action.due_date})`);
  assert.equal(Number(sqlValue(env, `SELECT open_actions FROM clients WHERE id = ${A.client.id}`)), open + 1);
  const acts = audit(env, `id > ${before} AND action IN ('action.create', 'finding.action')`);
  assert.deepEqual(acts.map((x) => x.action), ['action.create', 'finding.action']);
  assert.equal(JSON.parse(acts[0].raw).finding_id, rdp.id);
  // The finding shows its action.
  const s = (await A.admin.c.get(`/api/v1/scans/${A.first.id}`)).json;
  const f = byPort(s)['203.0.113.10 3389/tcp'];
  assert.equal(f.action_id, action.id);
  assert.deepEqual(f.action, { id: action.id, title: action.title, status: 'todo' });
  // Once only.
  const snap = stored();
  expectError(assert, 'twice', await A.admin.c.post(`/api/v1/findings/${rdp.id}/action`), 409, 'already_linked');
  expectError(assert, 'a body', await A.admin.c.post(`/api/v1/findings/${rdp.id}/action`, { title: 'x' }), 400,
    'unknown_field', 'title');
  assert.deepEqual(stored(), snap);
  // Severity decides: medium → medium in 90 days; low → low, no date.
  const ftp = A.first.findings.find((x) => x.port === 21);
  r = await A.admin.c.post(`/api/v1/findings/${ftp.id}/action`);
  assert.equal(r.json.priority, 'medium');
  assert.ok(r.json.due_date);
  A.ftpAction = r.json.id;
  const ssh = A.first.findings.find((x) => x.port === 22);
  r = await A.admin.c.post(`/api/v1/findings/${ssh.id}/action`);
  assert.equal(r.json.priority, 'low');
  assert.equal(r.json.due_date, null);
  // The same port still open in the later scan follows the same action.
  const later = byPort((await A.admin.c.get(`/api/v1/scans/${A.later.id}`)).json);
  assert.equal(later['203.0.113.11 21/tcp'].action_id, A.ftpAction, 'FTP: the same action in the later scan');
  assert.equal(later['203.0.113.10 22/tcp'].action_id, r.json.id);
  // A deleted action frees its finding.
  const d = await A.admin.c.del(`/api/v1/actions/${r.json.id}`);
  assert.equal(d.status, 204);
  assert.equal(byPort((await A.admin.c.get(`/api/v1/scans/${A.first.id}`)).json)['203.0.113.10 22/tcp'].action_id,
    null);
});

test('a new scan keeps the open actions of its still-open ports, not the done ones', async () => {
  // FTP's action done; SMB's turned into an action on the later scan.
  const smb = A.later.findings.find((f) => f.port === 445);
  const r = await A.admin.c.post(`/api/v1/findings/${smb.id}/action`);
  assert.equal(r.status, 201, r.text);
  assert.equal((await A.admin.c.patch(`/api/v1/actions/${A.ftpAction}`, { status: 'done' })).status, 200);
  const n = await importXml(A.admin.c, A.client.id, A.e1.id, redated(LATER, 1732000000));
  assert.equal(n.status, 201, n.text);
  assert.equal(n.json.new, 0);
  assert.equal(n.json.fixed, 0);
  const p = byPort(n.json);
  assert.equal(p['203.0.113.11 445/tcp'].action_id, r.json.id, 'SMB: still followed');
  assert.equal(p['203.0.113.11 21/tcp'].action_id, null, 'FTP open again: its done action did not hold');
  A.third = n.json;
});

test('merging a duplicate: its targets and scans move to the survivor, comparisons rewritten', async () => {
  const c = A.other.id;
  const ea = await makeEstab(A.admin.c, c);
  const eb = await makeEstab(A.admin.c, c);
  for (const [e, value] of [[ea, 'shared.example.fr'], [eb, 'shared.example.fr'], [eb, '198.51.100.1']]) {
    assert.equal((await A.admin.c.post(`/api/v1/clients/${c}/scan-targets`, { establishment_id: e.id, value })).status,
      201);
  }
  const imp = async (e, xml) => {
    const r = await importXml(A.admin.c, c, e.id, xml);
    assert.equal(r.status, 201, r.text);
    return r.json.id;
  };
  const b1 = await imp(eb, OFFICE);
  const b3 = await imp(eb, LATER);
  const a2 = await imp(ea, redated(LATER, 1730000000));
  const a3 = await imp(ea, redated(OFFICE, 1731749400));
  const r = await A.admin.c.post(`/api/v1/establishments/${eb.id}/merge`, { into: ea.id });
  assert.equal(r.status, 200, r.text);
  const targets = async (e) => (await A.admin.c.get(`/api/v1/clients/${c}/scan-targets?establishment_id=${e.id}`))
    .json.items.map((t) => t.value).sort();
  assert.deepEqual(await targets(ea), ['198.51.100.1', 'shared.example.fr'], 'the union, once each');
  assert.deepEqual(await targets(eb), []);
  const scans = async (e) => (await A.admin.c.get(`/api/v1/clients/${c}/scans?establishment_id=${e.id}`))
    .json.items.map((x) => x.id);
  assert.deepEqual(await scans(ea), [a3, a2, b1], 'the duplicate\'s scan joined the survivor\'s history');
  assert.deepEqual(await scans(eb), [b3], 'a scan at a date the survivor has stays with the duplicate');
  const get = async (id) => (await A.admin.c.get(`/api/v1/scans/${id}`)).json;
  let s = await get(a2);
  assert.deepEqual([s.previous_scan_id, s.new, s.fixed], [b1, 2, 2]);
  s = await get(a3);
  assert.deepEqual([s.previous_scan_id, s.new, s.fixed], [a2, 2, 2]);
  s = await get(b3);
  assert.deepEqual([s.previous_scan_id, s.new, s.fixed], [null, 9, 0]);
  s = await get(b1);
  assert.equal(s.establishment_id, ea.id);
});

// --------------------------------------------------------------- exposure ---

test('exposure: the latest scan of each establishment, and its history (feature monitoring)', async () => {
  let r = await A.admin.c.get(`/api/v1/establishments/${A.e1.id}/exposure`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.establishment_id, A.e1.id);
  assert.equal(r.json.latest.id, A.third.id);
  assert.equal(r.json.latest.findings.length, 9);
  assert.equal(r.json.history.total, 3);
  assert.deepEqual(r.json.history.items.map((s) => s.id), [A.third.id, A.later.id, A.first.id]);
  r = await A.admin.c.get(`/api/v1/establishments/${A.e1.id}/exposure?limit=1&offset=1`);
  assert.deepEqual(r.json.history.items.map((s) => s.id), [A.later.id]);
  r = await A.admin.c.get(`/api/v1/clients/${A.client.id}/exposure`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.scanned, 2);
  assert.equal(r.json.establishments_total, 2);
  assert.deepEqual(r.json.establishments.map((x) => x.establishment_id), [A.e1.id, A.e2.id], 'most exposed first');
  assert.deepEqual(r.json.totals.findings_by_severity, { high: 4, medium: 2, low: 5, info: 2 });
  assert.equal(r.json.establishments[1].previous_scan_id, null);
  assert.equal(r.json.establishments[1].new, 4);
  assert.equal(r.json.totals.new, 0, 'a first scan\'s findings are not counted as news');
  // An establishment manager with monitoring reads its establishment's
  // exposure, without the Pilot's actions.
  r = await A.site.c.get(`/api/v1/establishments/${A.e1.id}/exposure`);
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.latest.findings.every((f) => !('action' in f) && !('action_id' in f)));
  expectError(assert, 'not its establishment', await A.site.c.get(`/api/v1/establishments/${A.e2.id}/exposure`), 404);
  expectError(assert, 'the client exposure (Pilot)', await A.site.c.get(`/api/v1/clients/${A.client.id}/exposure`),
    403, 'not_vciso');
  // Without monitoring: 403 on both routes.
  expectError(assert, 'no monitoring (client)', await A.nomon.c.get(`/api/v1/clients/${A.client.id}/exposure`), 403);
  expectError(assert, 'no monitoring (establishment)',
    await A.nomon.c.get(`/api/v1/establishments/${A.e1.id}/exposure`), 403);
  expectError(assert, 'no monitoring (site manager)',
    await A.siteNomon.c.get(`/api/v1/establishments/${A.e1.id}/exposure`), 403);
  // The module's own routes do not need monitoring.
  assert.equal((await A.nomon.c.get(`/api/v1/scans/${A.first.id}`)).status, 200);
});

// ---------------------------------------------------- module, scope, firm ---

test('a client without the module: every route and page answers 404', async () => {
  const c = A.plain.id;
  const e = A.pe.id;
  const snap = stored();
  for (const [what, r] of [
    ['targets', await A.admin.c.get(`/api/v1/clients/${c}/scan-targets`)],
    ['add target', await A.admin.c.post(`/api/v1/clients/${c}/scan-targets`, { establishment_id: e, value: 'a.fr' })],
    ['scans', await A.admin.c.get(`/api/v1/clients/${c}/scans`)],
    ['import', await importXml(A.admin.c, c, e, OFFICE)],
    ['client exposure', await A.admin.c.get(`/api/v1/clients/${c}/exposure`)],
    ['establishment exposure', await A.admin.c.get(`/api/v1/establishments/${e}/exposure`)],
  ]) expectError(assert, what, r, 404);
  for (const p of [`/clients/${c}/scans`, `/establishments/${e}/scan-targets`, `/establishments/${e}/exposure`]) {
    const r = await A.admin.c.get(p);
    assert.equal(r.status, 404, p);
  }
  const pilot = await A.admin.c.get(`/clients/${c}/pilot`);
  assert.doesNotMatch(pilot.text, /href="\/clients\/\d+\/scans"/, 'no menu entry');
  assert.doesNotMatch(pilot.text, /id="pilot-exposure"/, 'no widget');
  const list = await A.admin.c.get(`/clients/${c}/establishments`);
  assert.doesNotMatch(list.text, /exposure-cell/, 'no column');
  // The module turned off: the client's scans, targets and findings are gone from view.
  assert.equal((await A.admin.c.patch(`/api/v1/clients/${A.client.id}`, { modules: [] })).status, 200);
  const rdp = A.first.findings.find((f) => f.port === 3389);
  for (const [what, r] of [
    ['scan', await A.admin.c.get(`/api/v1/scans/${A.first.id}`)],
    ['delete scan', await A.admin.c.del(`/api/v1/scans/${A.first.id}`)],
    ['finding action', await A.admin.c.post(`/api/v1/findings/${rdp.id}/action`)],
    ['scans', await A.admin.c.get(`/api/v1/clients/${A.client.id}/scans`)],
    ['exposure', await A.admin.c.get(`/api/v1/establishments/${A.e1.id}/exposure`)],
  ]) expectError(assert, `module off: ${what}`, r, 404);
  assert.equal((await A.admin.c.get(`/scans/${A.first.id}`)).status, 404);
  assert.equal((await A.admin.c.patch(`/api/v1/clients/${A.client.id}`, { modules: ['external_scan'] })).status, 200);
  assert.equal((await A.admin.c.get(`/api/v1/scans/${A.first.id}`)).status, 200, 'back on');
  assert.deepEqual(stored().slice(0, 4), snap.slice(0, 4), 'nothing written');
});

test('another firm\'s ids answer 404 and change nothing; outside the team 403; support 403', async () => {
  const bFinding = B.scan.findings[0];
  const snap = stored();
  const bScan = (await B.admin.c.get(`/api/v1/scans/${B.scan.id}`)).json;
  for (const [what, r] of [
    ['scan', await A.admin.c.get(`/api/v1/scans/${B.scan.id}`)],
    ['delete scan', await A.admin.c.del(`/api/v1/scans/${B.scan.id}`)],
    ['finding action', await A.admin.c.post(`/api/v1/findings/${bFinding.id}/action`)],
    ['target', await A.admin.c.get(`/api/v1/scan-targets/${B.target}`)],
    ['delete target', await A.admin.c.del(`/api/v1/scan-targets/${B.target}`)],
    ['client scans', await A.admin.c.get(`/api/v1/clients/${B.client.id}/scans`)],
    ['client targets', await A.admin.c.get(`/api/v1/clients/${B.client.id}/scan-targets`)],
    ['client import', await importXml(A.admin.c, B.client.id, B.e.id, LATER)],
    ['client exposure', await A.admin.c.get(`/api/v1/clients/${B.client.id}/exposure`)],
    ['establishment exposure', await A.admin.c.get(`/api/v1/establishments/${B.e.id}/exposure`)],
    ['an own client with the other firm\'s establishment', await importXml(A.admin.c, A.client.id, B.e.id, LATER)],
  ]) expectError(assert, `another firm: ${what}`, r, 404);
  for (const p of [`/scans/${B.scan.id}`, `/clients/${B.client.id}/scans`, `/establishments/${B.e.id}/scan-targets`,
    `/establishments/${B.e.id}/exposure`]) {
    assert.equal((await A.admin.c.get(p)).status, 404, p);
  }
  assert.deepEqual(stored(), snap, 'nothing changed');
  assert.deepEqual((await B.admin.c.get(`/api/v1/scans/${B.scan.id}`)).json, bScan);
  // A manager of another client only: out of scope, 404.
  expectError(assert, 'out of scope', await A.away.c.get(`/api/v1/scans/${A.first.id}`), 404);
  expectError(assert, 'out of scope: client', await A.away.c.get(`/api/v1/clients/${A.client.id}/scans`), 404);
  // In scope but not declared vCISO: 403.
  expectError(assert, 'admin not vCISO', await A.admin2.c.get(`/api/v1/scans/${A.first.id}`), 403, 'not_vciso');
  expectError(assert, 'admin not vCISO: import', await importXml(A.admin2.c, A.client.id, A.e1.id,
    redated(OFFICE, 1690000000)), 403, 'not_vciso');
  expectError(assert, 'site manager: scans', await A.site.c.get(`/api/v1/clients/${A.client.id}/scans`), 403);
  expectError(assert, 'support', await support.get(`/api/v1/clients/${A.client.id}/scans`), 403);
  expectError(assert, 'support: scan', await support.get(`/api/v1/scans/${A.first.id}`), 403);
  assert.deepEqual(stored(), snap, 'still nothing changed');
});

// ------------------------------------------------------------------ pages ---

async function upload(c, p, { content, filename = 'scan.xml', fields = {}, csrf = true }) {
  const boundary = `----rempart${crypto.randomBytes(8).toString('hex')}`;
  const parts = [];
  const field = (name, value) => parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  if (csrf) field('csrf_token', c.csrf);
  for (const [k, v] of Object.entries(fields)) field(k, v);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n`
    + `Content-Type: application/octet-stream\r\n\r\n${content}\r\n`);
  parts.push(`--${boundary}--\r\n`);
  return c.request('POST', p, undefined, { raw: Buffer.from(parts.join(''), 'utf8'),
    contentType: `multipart/form-data; boundary=${boundary}`, csrf: false });
}

const form = (who, fields) => ({ raw: new URLSearchParams([['csrf_token', who.csrf], ...fields]).toString(),
  contentType: 'application/x-www-form-urlencoded' });
const postForm = (who, p, fields = []) => who.request('POST', p, undefined, form(who, fields));

function expectPage(r, status, what) {
  assert.equal(r.status, status, `${what}: status ${r.status} ${r.headers.location || ''} ${r.text.slice(0, 300)}`);
  assert.match(r.headers['content-type'] || '', /^text\/html/, `${what}: HTML`);
  assert.match(r.text, /data-layout="rempart"/, `${what}: the layout`);
  const td = tidy(r.text);
  assert.ok(td.status !== null && td.status < 2, `${what}: tidy errors:\n${td.output}`);
}

test('pages: import through the form, the report, a finding to an action, targets, exposure', async () => {
  const c = A.client.id;
  let page = await A.admin.c.get(`/clients/${c}/scans`);
  expectPage(page, 200, 'scans');
  assert.match(page.text, /id="scan-form"/);
  assert.match(page.text, /enctype="multipart\/form-data"/);
  assert.match(page.text, new RegExp(`<option value="${A.e2.id}"`));
  assert.match(page.text, /id="scans-table"/);
  assert.match(page.text, /aria-current="page">[^<]*</, 'the menu entry is current');
  // A refused file: the form again with the fault and its line; nothing stored.
  const snap = stored();
  let r = await upload(A.admin.c, `/clients/${c}/scans`, { content: fixture('nmap-truncated.xml'),
    fields: { establishment_id: A.e2.id } });
  expectPage(r, 400, 'a truncated file');
  assert.match(r.text, /id="err-file"/);
  assert.match(r.text, /id="err-file-where"/);
  r = await upload(A.admin.c, `/clients/${c}/scans`, { content: fixture('nmap-billion-laughs.xml'),
    fields: { establishment_id: A.e2.id } });
  expectPage(r, 400, 'billion laughs');
  r = await upload(A.admin.c, `/clients/${c}/scans`, { content: OFFICE, fields: { establishment_id: '' } });
  expectPage(r, 400, 'no establishment');
  assert.match(r.text, /id="err-establishment_id"/);
  r = await upload(A.admin.c, `/clients/${c}/scans`, { content: OFFICE, fields: { establishment_id: A.e2.id },
    csrf: false });
  assert.equal(r.status, 403, 'no CSRF');
  assert.deepEqual(stored(), snap);
  // Imported: to the report.
  r = await upload(A.admin.c, `/clients/${c}/scans`, { content: OFFICE, filename: 'office.xml',
    fields: { establishment_id: A.e2.id } });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const m = r.headers.location.match(/^\/scans\/(\d+)\?done=scan_imported$/);
  assert.ok(m, r.headers.location);
  page = await A.admin.c.get(r.headers.location);
  expectPage(page, 200, 'the report');
  assert.match(page.text, /class="flash"/);
  assert.match(page.text, /id="finding-table"|id="finding"/);
  assert.match(page.text, /3389\/tcp/);
  assert.match(page.text, /action="\/findings\/\d+\/action"/);
  assert.match(page.text, /id="scan-compare"/);
  // A JSON file through the same form (previous scan: the JSON sample of 2 December).
  r = await upload(A.admin.c, `/clients/${c}/scans`, { filename: 'later.json', fields: { establishment_id: A.e2.id },
    content: JSON.stringify({ ...SAMPLE, scanned_at: '2024-12-09T07:45:00Z' }) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  // A finding to an action from the report.
  const scan = (await A.admin.c.get(`/api/v1/scans/${m[1]}`)).json;
  const smb = scan.findings.find((f) => f.port === 445);
  r = await postForm(A.admin.c, `/findings/${smb.id}/action`);
  assert.equal(r.status, 303);
  assert.equal(r.headers.location, `/scans/${m[1]}?done=finding_action#finding-${smb.id}`);
  page = await A.admin.c.get(`/scans/${m[1]}`);
  assert.match(page.text, /href="\/actions\/\d+"/);
  r = await postForm(A.admin.c, `/findings/${smb.id}/action`);
  expectPage(r, 409, 'twice');
  assert.match(r.text, /class="error-summary"/);
  // Targets from the establishment: add (normalised), refused, removed.
  page = await A.admin.c.get(`/establishments/${A.e2.id}/scan-targets`);
  expectPage(page, 200, 'targets');
  assert.match(page.text, /id="target-form"/);
  r = await postForm(A.admin.c, `/establishments/${A.e2.id}/scan-targets`, [['value', 'Mail.Boulangerie-Exemple.FR'],
    ['label', 'Mail']]);
  assert.equal(r.status, 303);
  page = await A.admin.c.get(`/establishments/${A.e2.id}/scan-targets`);
  assert.match(page.text, /<code>mail\.boulangerie-exemple\.fr<\/code>/);
  r = await postForm(A.admin.c, `/establishments/${A.e2.id}/scan-targets`, [['value', '10.0.0.0/8']]);
  expectPage(r, 400, 'a /8');
  assert.match(r.text, /value="10\.0\.0\.0\/8"/, 'the value typed is kept');
  assert.match(r.text, /id="err-value"/);
  const t = (await A.admin.c.get(`/api/v1/clients/${c}/scan-targets?establishment_id=${A.e2.id}`)).json.items[0];
  r = await postForm(A.admin.c, `/scan-targets/${t.id}/delete`);
  assert.equal(r.status, 303);
  assert.equal(r.headers.location, `/establishments/${A.e2.id}/scan-targets?done=target_deleted`);
  // Exposure: the Pilot's widget, the establishment's, the list's column, the history page.
  page = await A.admin.c.get(`/clients/${c}/pilot`);
  expectPage(page, 200, 'pilot');
  assert.match(page.text, /id="pilot-exposure"/);
  page = await A.admin.c.get(`/establishments/${A.e1.id}`);
  expectPage(page, 200, 'establishment');
  assert.match(page.text, /id="estab-exposure"/);
  page = await A.admin.c.get(`/clients/${c}/establishments`);
  expectPage(page, 200, 'establishments');
  assert.match(page.text, /class="exposure-cell"/);
  page = await A.admin.c.get(`/establishments/${A.e1.id}/exposure`);
  expectPage(page, 200, 'exposure');
  assert.match(page.text, /id="exposure-history"/);
  assert.match(page.text, /href="\/scans\/\d+"/, 'a vCISO opens the reports');
  // Deleting a scan from its report.
  r = await postForm(A.admin.c, `/scans/${m[1]}/delete`);
  assert.equal(r.status, 303);
  assert.equal(r.headers.location, `/clients/${c}/scans?done=scan_deleted`);
});

test('pages without monitoring: no widget, no column, 403 on the exposure page; site managers', async () => {
  const c = A.client.id;
  let page = await A.nomon.c.get(`/clients/${c}/pilot`);
  expectPage(page, 200, 'pilot without monitoring');
  assert.doesNotMatch(page.text, /id="pilot-exposure"/);
  assert.match(page.text, new RegExp(`href="/clients/${c}/scans"`), 'the module itself is there');
  page = await A.nomon.c.get(`/clients/${c}/establishments`);
  assert.doesNotMatch(page.text, /exposure-cell/);
  assert.doesNotMatch(page.text, /establishments\/\d+\/exposure/);
  page = await A.nomon.c.get(`/establishments/${A.e1.id}`);
  assert.doesNotMatch(page.text, /id="estab-exposure"/);
  assert.match(page.text, /id="estab-scan"/, 'links to the module\'s pages');
  assert.equal((await A.nomon.c.get(`/establishments/${A.e1.id}/exposure`)).status, 403);
  // A site manager with monitoring: the widget, the column and the page, no reports.
  page = await A.site.c.get(`/establishments/${A.e1.id}`);
  expectPage(page, 200, 'site manager: establishment');
  assert.match(page.text, /id="estab-exposure"/);
  assert.doesNotMatch(page.text, /scan-targets/);
  page = await A.site.c.get(`/clients/${c}/establishments`);
  assert.match(page.text, /class="exposure-cell"/);
  page = await A.site.c.get(`/establishments/${A.e1.id}/exposure`);
  expectPage(page, 200, 'site manager: exposure');
  assert.doesNotMatch(page.text, /href="\/scans\/\d+"/);
  assert.doesNotMatch(page.text, /\/findings\/\d+\/action/);
  assert.equal((await A.site.c.get(`/scans/${A.first.id}`)).status, 403);
  assert.equal((await A.site.c.get(`/clients/${c}/scans`)).status, 403);
  // Without monitoring: nothing of it.
  page = await A.siteNomon.c.get(`/establishments/${A.e1.id}`);
  assert.doesNotMatch(page.text, /id="estab-exposure"|id="estab-scan"/);
  assert.equal((await A.siteNomon.c.get(`/establishments/${A.e1.id}/exposure`)).status, 403);
  // English.
  page = await A.admin.c.get(`/clients/${c}/scans?lang=en`);
  assert.match(page.text, /Import a scan/);
  const r = await get(`${env.BASE_URL}/clients/${c}/scans`);
  assert.ok([302, 303].includes(r.status), 'anonymous: to the login page');
});
