// Directory CSV of a client's establishments (SPEC §1 "Directory sync";
// contract of issue 5): the export (text/csv attachment, UTF-8 with BOM,
// ';', the header, formula-leading values neutralised with an apostrophe),
// the import (';' or ',', with or without BOM; upsert by SIRET, else by
// normalised name and postcode; created/updated/unchanged counts; all or
// nothing with a per-row report; per-field rights; malformed files are 400
// field "file"), 10,000 rows in one request, who may do it (roles, feature
// profile.edit, scope: another firm's client is 404), CSRF and the audit.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import {
  ALL_FEATURES, ALL_PROFILE_FIELDS, RUN, createFirm, createSupport, expectError, httpTransport, loggedIn, maxAuditId,
  sql, sqlStr, sqlValue, userRow,
} from '../lib/identity.mjs';
import {
  audit, badSiret, directorySnapshot, makeClient, makeEstab, parseCsv, person, siret, toCsv,
} from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const HEADER = ['siret', 'name', 'address', 'postcode', 'city', 'country', 'phone', 'website', 'sector', 'headcount',
  'security_contact', 'status', 'plan'];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

// Firm A: an admin, a multi-account manager, account managers (all rights;
// every field but siret; no profile.edit; another client's), an
// establishment manager. Every test works on a fresh client whose team is
// mam, am, amNoSiret and amNoEdit. Firm B: an admin and a client with one
// establishment.
const A = {};
const B = {};

before(async () => {
  const fa = createFirm(env);
  A.firmId = fa.firmId;
  A.admin = { ...fa, id: userRow(env, fa.email).id, c: await loggedIn(http, fa.email, fa.password) };
  A.mam = await person(http, A.admin.c, 'multi_account_manager');
  A.am = await person(http, A.admin.c, 'account_manager');
  A.amNoSiret = await person(http, A.admin.c, 'account_manager',
    { profile_fields: ALL_PROFILE_FIELDS.filter((f) => f !== 'siret') });
  A.amNoEdit = await person(http, A.admin.c, 'account_manager',
    { features: ALL_FEATURES.filter((f) => f !== 'profile.edit') });
  A.other = await makeClient(A.admin.c);
  A.amOther = await person(http, A.admin.c, 'account_manager', { client_ids: [A.other.id] });
  const fb = createFirm(env);
  B.firmId = fb.firmId;
  B.admin = { ...fb, id: userRow(env, fb.email).id, c: await loggedIn(http, fb.email, fb.password) };
  B.C = await makeClient(B.admin.c);
  B.E = await makeEstab(B.admin.c, B.C.id, { siret: siret(), city: 'Namur' });
});

const dirClient = (extra = {}) => makeClient(A.admin.c,
  { vciso_ids: [A.mam.id, A.am.id, A.amNoSiret.id, A.amNoEdit.id], ...extra });
const countIn = (clientId) => Number(sqlValue(env, `SELECT COUNT(*) FROM establishments WHERE client_id = ${clientId}`));
const exportPath = (id) => `/api/v1/clients/${id}/establishments/export`;
const importPath = (id) => `/api/v1/clients/${id}/establishments/import`;

// GET the export as bytes (fetch's text() would drop the BOM).
async function download(who, clientId) {
  const res = await fetch(env.BASE_URL + exportPath(clientId), { headers: { cookie: who.c.cookieHeader() },
    redirect: 'manual', signal: AbortSignal.timeout(30000) });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') || '', disposition:
    res.headers.get('content-disposition') || '', buf, text: buf.toString('utf8') };
}

// The data rows of an export, by name: {name: {column: value}}.
function exported(buf) {
  assert.deepEqual([...buf.subarray(0, 3)], [...BOM], 'UTF-8 with a BOM');
  const rows = parseCsv(buf.subarray(3).toString('utf8'), ';');
  assert.deepEqual(rows[0], HEADER, 'the header');
  const out = {};
  for (const r of rows.slice(1)) {
    assert.equal(r.length, HEADER.length, `row ${JSON.stringify(r)}`);
    out[r[1]] = Object.fromEntries(HEADER.map((h, i) => [h, r[i]]));
  }
  return out;
}

const upload = (who, clientId, body, opts = {}) => who.c.request('POST', importPath(clientId), undefined,
  { raw: body, contentType: 'text/csv', ...opts });

// An accepted import: {applied, created, updated, unchanged, rejected}.
async function imported(who, clientId, body, expected) {
  const r = await upload(who, clientId, body);
  assert.equal(r.status, 200, r.text.slice(0, 2000));
  assert.deepEqual(r.json, { applied: true, rejected: [], ...expected });
  return r.json;
}

// Establishment rows of a client by name: {name: {column: value}}.
function stored(clientId) {
  const cols = ['id', 'firm_id', 'siret', 'name', 'address', 'postcode', 'city', 'country', 'phone', 'website', 'sector',
    'headcount', 'security_contact', 'status', 'plan'];
  const out = {};
  for (const r of sql(env, `SELECT ${cols.join(', ')} FROM establishments WHERE client_id = ${clientId} ORDER BY id`)) {
    out[r[3]] = Object.fromEntries(cols.map((c, i) => [c, r[i]]));
  }
  return out;
}

const noSiret = (v) => v === null || v === '';

// ------------------------------------------------------------------ export ---

test('export: a text/csv attachment, UTF-8 with BOM, \';\' separated, the header, every profile field', async () => {
  const k = await dirClient({ plan: 'premium' });
  const s = siret();
  await makeEstab(A.admin.c, k.id, { name: `Alpha ${RUN}`, siret: s, address: '1 rue "de la" Paix; bât. B',
    postcode: '75001', city: 'Paris', country: 'France', phone: '01 23 45 67 89', website: 'https://alpha.example',
    sector: 'Commerce, détail', headcount: 12, security_contact: 'Zoé Ünal <rssi@alpha.example>' });
  const beta = await makeEstab(A.admin.c, k.id, { name: `Beta ${RUN}` });
  assert.equal((await A.admin.c.post(`/api/v1/establishments/${beta.id}/status`, { action: 'deactivate' })).status, 200);
  const r = await download(A.am, k.id);
  assert.equal(r.status, 200, r.text);
  assert.match(r.type, /^text\/csv\b/i);
  assert.match(r.disposition, /^attachment\b/i);
  const rows = exported(r.buf);
  assert.deepEqual(Object.keys(rows).sort(), [`Alpha ${RUN}`, `Beta ${RUN}`]);
  assert.deepEqual(rows[`Alpha ${RUN}`], { siret: s, name: `Alpha ${RUN}`, address: '1 rue "de la" Paix; bât. B',
    postcode: '75001', city: 'Paris', country: 'France', phone: '01 23 45 67 89', website: 'https://alpha.example',
    sector: 'Commerce, détail', headcount: '12', security_contact: 'Zoé Ünal <rssi@alpha.example>', status: 'active',
    plan: 'premium' });
  assert.deepEqual(rows[`Beta ${RUN}`], { siret: '', name: `Beta ${RUN}`, address: '', postcode: '', city: '', country: '',
    phone: '', website: '', sector: '', headcount: '', security_contact: '', status: 'deactivated', plan: 'premium' });
  const empty = await download(A.am, (await dirClient()).id);
  assert.equal(empty.status, 200);
  assert.deepEqual(Object.keys(exported(empty.buf)), [], 'an empty directory: the header alone');
});

test('export: values that a spreadsheet would run as formulas get a leading apostrophe; they are stored as they are', async () => {
  const k = await dirClient();
  const name = '=HYPERLINK("http://x","y")';
  const e = await makeEstab(A.admin.c, k.id, { name, city: '@SUM(A1)', phone: '+33 1 23 45 67 89', sector: '-2+3',
    address: '=1+1' });
  await makeEstab(A.admin.c, k.id, { name: `Plain ${RUN}`, city: 'Lyon', phone: '04 00 00 00 00' });
  const row = sql(env, `SELECT name, city, phone, sector, address FROM establishments WHERE id = ${e.id}`)[0];
  assert.deepEqual(row, [name, '@SUM(A1)', '+33 1 23 45 67 89', '-2+3', '=1+1'], 'stored as is');
  const g = await A.am.c.get(`/api/v1/establishments/${e.id}`);
  assert.equal(g.json.name, name, 'the API gives them as they are');
  const rows = exported((await download(A.am, k.id)).buf);
  const x = rows[`'${name}`];
  assert.ok(x, `the name is neutralised: ${Object.keys(rows)}`);
  assert.deepEqual([x.city, x.phone, x.sector, x.address], ["'@SUM(A1)", "'+33 1 23 45 67 89", "'-2+3", "'=1+1"]);
  const plain = rows[`Plain ${RUN}`];
  assert.deepEqual([plain.city, plain.phone], ['Lyon', '04 00 00 00 00'], 'other values untouched');
  await imported(A.am, k.id, toCsv([['name', 'city', 'phone'], ['=cmd|\' /C calc\'!A0', '@x', '+1 555 0100']]),
    { created: 1, updated: 0, unchanged: 0 });
  assert.deepEqual(sql(env, `SELECT city, phone FROM establishments WHERE client_id = ${k.id}
    AND name = ${sqlStr('=cmd|\' /C calc\'!A0')}`),
    [['@x', '+1 555 0100']], 'an imported formula is stored as is');
});

// ------------------------------------------------------------------ import ---

test('import: exporting then importing the same file changes nothing (all unchanged)', async () => {
  const k = await dirClient();
  await makeEstab(A.admin.c, k.id, { name: `One ${RUN}`, siret: siret(), address: '3 place "Bellecour"; 2e',
    postcode: '69002', city: 'Lyon', country: 'France', phone: '04 78 00 00 00', website: 'https://one.example',
    sector: 'Santé', headcount: 250, security_contact: 'rssi@one.example' });
  await makeEstab(A.admin.c, k.id, { name: `Two ${RUN}`, postcode: '13001', city: 'Marseille' });
  await makeEstab(A.admin.c, k.id, { name: `Three ${RUN}` });
  const before = directorySnapshot(env, k.id);
  const file = (await download(A.am, k.id)).buf;
  await imported(A.am, k.id, file, { created: 0, updated: 0, unchanged: 3 });
  assert.deepEqual(directorySnapshot(env, k.id), before, 'not a byte changed');
});

test('import: rows create, update or leave establishments as they are; counts in the answer; audited establishment.import', async () => {
  const k = await dirClient({ plan: 'standard' });
  const sx = siret();
  const sz = siret();
  const sn = siret();
  await makeEstab(A.admin.c, k.id, { name: 'X site', siret: sx, city: 'Old' });
  await makeEstab(A.admin.c, k.id, { name: 'Y site', postcode: '69001', city: 'Lyon' });
  await makeEstab(A.admin.c, k.id, { name: 'Z site', siret: sz, city: 'Same' });
  const auditBefore = maxAuditId(env);
  const file = toCsv([['siret', 'name', 'postcode', 'city', 'headcount'], [sx, 'X site', '', 'New', ''],
    ['', 'Y site', '69001', 'Lyon 2e', '30'], [sz, 'Z site', '', 'Same', ''], [sn, 'New one', '13001', 'Marseille', '5'],
    ['', 'Other', '33000', 'Bordeaux', '']]);
  await imported(A.am, k.id, file, { created: 2, updated: 2, unchanged: 1 });
  const s = stored(k.id);
  assert.equal(Object.keys(s).length, 5);
  assert.equal(s['X site'].city, 'New');
  assert.deepEqual([s['Y site'].city, s['Y site'].headcount], ['Lyon 2e', '30']);
  assert.equal(s['Z site'].city, 'Same');
  assert.deepEqual([s['New one'].siret, s['New one'].postcode, s['New one'].city, s['New one'].headcount],
    [sn, '13001', 'Marseille', '5']);
  for (const n of ['New one', 'Other']) {
    assert.deepEqual([s[n].firm_id, s[n].status, s[n].plan], [String(A.firmId), 'active', 'standard'], n);
  }
  assert.ok(noSiret(s.Other.siret));
  const rows = audit(env, `id > ${auditBefore} AND action = 'establishment.import'`);
  assert.ok(rows.length >= 1, 'audited');
  for (const x of rows) assert.deepEqual([x.user_id, x.firm_id, x.client_id], [A.am.id, A.firmId, k.id]);
  const l = await A.am.c.get(`/api/v1/clients/${k.id}/establishments?q=Marseille`);
  assert.equal(l.json.total, 1, 'the new ones are listed');
});

test('import: \';\' and \',\' separators, with and without BOM, CRLF or LF', async () => {
  for (const [sep, bom, eol] of [[';', true, '\r\n'], [';', false, '\n'], [',', true, '\n'], [',', false, '\r\n']]) {
    const k = await dirClient();
    const s = siret();
    const text = toCsv([['name', 'siret', 'city', 'address'], ['Sep one', s, 'Saint-Denis, La Plaine', 'a;b'],
      ['Sep "two"', '', 'Évry', '']], sep, eol);
    const body = bom ? Buffer.concat([BOM, Buffer.from(text)]) : Buffer.from(text);
    await imported(A.admin, k.id, body, { created: 2, updated: 0, unchanged: 0 });
    const st = stored(k.id);
    const what = `sep ${sep} bom ${bom}`;
    assert.deepEqual(Object.keys(st).sort(), ['Sep "two"', 'Sep one'], `${what}: the BOM is not part of the first column`);
    assert.deepEqual([st['Sep one'].siret, st['Sep one'].city, st['Sep one'].address], [s, 'Saint-Denis, La Plaine', 'a;b'], what);
    assert.equal(st['Sep "two"'].city, 'Évry', what);
  }
});

test('import: rows match by SIRET first, else by normalised name and postcode', async () => {
  const k = await dirClient();
  const sp = siret();
  await makeEstab(A.admin.c, k.id, { name: 'Paris One', siret: sp, postcode: '75001', city: 'Paris' });
  await makeEstab(A.admin.c, k.id, { name: 'Quai Two', postcode: '69002', city: 'Lyon' });
  const file = toCsv([['siret', 'name', 'postcode', 'city'],
    [sp, 'Paris One renamed', '75001', 'Paris'],
    ['', 'QUAI TWO', '69002', 'Lyon Presqu\'île'],
    ['', 'Quai Two', '69003', 'Lyon 3e']]);
  await imported(A.am, k.id, file, { created: 1, updated: 2, unchanged: 0 });
  assert.equal(countIn(k.id), 3);
  const byPostcode = Object.fromEntries(sql(env, `SELECT postcode, name, city, siret FROM establishments
    WHERE client_id = ${k.id}`).map((r) => [r[0], r.slice(1)]));
  assert.deepEqual(byPostcode['75001'].slice(0, 3), ['Paris One renamed', 'Paris', sp], 'found by its SIRET, renamed');
  assert.equal(byPostcode['69002'][1], 'Lyon Presqu\'île', 'found by name (any case) and postcode');
  assert.equal(byPostcode['69003'][1], 'Lyon 3e', 'another postcode: a new establishment');
});

test('import: status and plan columns are ignored', async () => {
  const k = await dirClient({ plan: 'essential' });
  const s = siret();
  await makeEstab(A.admin.c, k.id, { name: 'Kept', siret: s });
  await imported(A.am, k.id, toCsv([['siret', 'name', 'status', 'plan'], [s, 'Kept', 'closed', 'premium'],
    ['', 'Fresh', 'cancelled', 'premium']]), { created: 1, updated: 0, unchanged: 1 });
  const st = stored(k.id);
  assert.deepEqual([st.Kept.status, st.Kept.plan, st.Fresh.status, st.Fresh.plan], ['active', 'essential', 'active', 'essential']);
});

test('import: all or nothing: bad rows give 400 import_rejected with a report per row, and nothing changes', async () => {
  const k = await dirClient();
  const s = siret();
  await makeEstab(A.admin.c, k.id, { name: 'Existing', siret: s, city: 'Before' });
  const before = directorySnapshot(env, k.id);
  const auditBefore = maxAuditId(env);
  const file = toCsv([['name', 'siret', 'city', 'headcount'],
    ['Good one', siret(), 'A', ''],
    ['Bad siret', '12345', 'B', ''],
    ['Existing', s, 'After', ''],
    ['', '', 'No name', ''],
    ['Bad headcount', '', 'C', 'many'],
    ['Bad Luhn', badSiret(), 'D', '']]);
  const r = await upload(A.am, k.id, file);
  expectError(assert, 'bad rows', r, 400, 'import_rejected', 'file');
  assert.equal(r.json.applied, false);
  for (const f of ['created', 'updated', 'unchanged']) assert.ok(Number.isInteger(r.json[f]), `${f}: ${r.text}`);
  assert.deepEqual(r.json.rejected.map((x) => [x.line, x.field]),
    [[3, 'siret'], [5, 'name'], [6, 'headcount'], [7, 'siret']], `lines of the file (the header is line 1): ${r.text}`);
  for (const x of r.json.rejected) assert.ok(typeof x.reason === 'string' && x.reason.length > 0, 'a reason');
  assert.deepEqual(directorySnapshot(env, k.id), before, 'nothing changed');
  assert.deepEqual(audit(env, `id > ${auditBefore} AND firm_id = ${A.firmId}`), [], 'no audit row');
});

test('import: a value in a column the caller may not edit is rejected when it differs from the stored one', async () => {
  const k = await dirClient();
  const s = siret();
  await makeEstab(A.admin.c, k.id, { name: 'Guarded', siret: s, city: 'Old' });
  const before = directorySnapshot(env, k.id);
  const r = await upload(A.amNoSiret, k.id, toCsv([['siret', 'name', 'city'], [s, 'Guarded', 'New'],
    [siret(), 'Newcomer', 'X'], ['', 'No siret', 'Y']]));
  expectError(assert, 'a SIRET it may not write', r, 400, 'import_rejected', 'file');
  assert.deepEqual(r.json.rejected.map((x) => [x.line, x.field]), [[3, 'siret']], r.text);
  assert.deepEqual(directorySnapshot(env, k.id), before, 'nothing changed');
  await imported(A.amNoSiret, k.id, toCsv([['siret', 'name', 'city'], [s, 'Guarded', 'New'], ['', 'No siret', 'Y']]),
    { created: 1, updated: 1, unchanged: 0 });
  assert.equal(stored(k.id).Guarded.city, 'New', 'the same SIRET is no change');
});

test('import: malformed files are 400 field file and change nothing', async () => {
  const k = await dirClient();
  await makeEstab(A.admin.c, k.id, { name: 'Untouched', city: 'Here' });
  const before = directorySnapshot(env, k.id);
  const cases = [
    ['Latin-1 bytes', Buffer.from('name;city\nCafé;Saint-Étienne\n', 'latin1')],
    ['Latin-1 in a later row', Buffer.concat([Buffer.from('name;city\nFine;Lyon\n'), Buffer.from('Crêperie;Brest\n', 'latin1')])],
    ['an unknown column', 'name;colour\nA;red\n'],
    ['a misspelt column', 'name;post_code\nA;75001\n'],
    ['a duplicated column', 'name;city;city\nA;B;C\n'],
    ['no name column', `siret;city\n${siret()};Paris\n`],
    ['an unterminated quote', 'name;city\n"Open;Paris\nB;Lyon\n'],
    ['an empty file', ''],
    ['a BOM alone', BOM],
  ];
  for (const [what, body] of cases) {
    const r = await upload(A.am, k.id, body);
    expectError(assert, what, r, 400, undefined, 'file');
  }
  const many = `name\n${Array.from({ length: 20001 }, (_, i) => `R${i}`).join('\n')}\n`;
  expectError(assert, 'more than 20,000 rows', await upload(A.am, k.id, many), 400, undefined, 'file');
  assert.deepEqual(directorySnapshot(env, k.id), before, 'nothing changed');
});

test('import: 10,000 rows in one request; counted through SQL', { timeout: 180000 }, async () => {
  const k = await dirClient();
  const rows = [['siret', 'name', 'postcode', 'city']];
  const sirets = [];
  for (let i = 0; i < 10000; i++) {
    const s = siret();
    sirets.push(s);
    rows.push([s, `Bulk ${i}`, String(10000 + (i % 80000)).padStart(5, '0'), `City ${i % 97}`]);
  }
  const file = toCsv(rows);
  assert.ok(Buffer.byteLength(file) < 1024 * 1024, `${Buffer.byteLength(file)} bytes`);
  await imported(A.admin, k.id, file, { created: 10000, updated: 0, unchanged: 0 });
  assert.equal(countIn(k.id), 10000);
  assert.equal(Number(sqlValue(env, `SELECT COUNT(DISTINCT siret) FROM establishments WHERE client_id = ${k.id}`)), 10000);
  assert.deepEqual(sql(env, `SELECT name, postcode, city FROM establishments WHERE client_id = ${k.id}
    AND siret = '${sirets[9999]}'`), [['Bulk 9999', '19999', 'City 8']]);
  rows[5001][3] = 'Moved';
  await imported(A.admin, k.id, toCsv(rows), { created: 0, updated: 1, unchanged: 9999 });
  assert.equal(countIn(k.id), 10000);
  assert.equal(sqlValue(env, `SELECT city FROM establishments WHERE client_id = ${k.id} AND siret = '${sirets[5000]}'`), 'Moved');
});

// -------------------------------------------------------------- who may do ---

test('export and import: without profile.edit 403, establishment managers and support users 403; another firm or out of scope 404; nothing changes', async () => {
  const k = await dirClient();
  const e = await makeEstab(A.admin.c, k.id, { name: 'Guarded site' });
  const em = await person(http, A.admin.c, 'establishment_manager', { establishment_ids: [e.id] });
  const support = createSupport(env);
  const sc = { c: await loggedIn(http, support.email, support.password) };
  const snaps = () => [directorySnapshot(env, k.id), directorySnapshot(env, B.C.id)];
  const before = snaps();
  const auditBefore = maxAuditId(env);
  const file = toCsv([['name', 'city'], ['Guarded site', 'Changed'], ['Intruder', 'X']]);
  for (const [who, what] of [[A.amNoEdit, 'without profile.edit'], [sc, 'support']]) {
    expectError(assert, `export ${what}`, await who.c.get(exportPath(k.id)), 403);
    expectError(assert, `import ${what}`, await upload(who, k.id, file), 403);
  }
  expectError(assert, 'import by an establishment manager', await upload(em, k.id, file), 403);
  for (const [who, id] of [[A.amOther, k.id], [A.admin, B.C.id], [B.admin, k.id], [A.am, A.other.id],
    [A.admin, 999999999]]) {
    expectError(assert, `${who.email} export ${id}`, await who.c.get(exportPath(id)), 404, 'not_found');
    expectError(assert, `${who.email} import ${id}`, await upload(who, id, file), 404, 'not_found');
  }
  assert.deepEqual(snaps(), before, 'nothing changed');
  assert.deepEqual(audit(env, `id > ${auditBefore} AND firm_id IN (${A.firmId}, ${B.firmId})`), []);
  await imported(A.mam, k.id, file, { created: 1, updated: 1, unchanged: 0 });
});

test('export and import: outside one\'s scope is 404 even without profile.edit (403 only inside its scope)', async () => {
  const snaps = () => [directorySnapshot(env, A.other.id), directorySnapshot(env, B.C.id)];
  const before = snaps();
  const file = toCsv([['name', 'city'], ['Intruder', 'X']]);
  const wrong = [];
  for (const id of [A.other.id, B.C.id]) {
    const ex = await A.amNoEdit.c.get(exportPath(id));
    if (ex.status !== 404) wrong.push(`export ${id}: ${ex.status}`);
    const im = await upload(A.amNoEdit, id, file);
    if (im.status !== 404) wrong.push(`import ${id}: ${im.status}`);
  }
  assert.deepEqual(wrong, [], 'every one is 404');
  assert.deepEqual(snaps(), before, 'nothing changed');
});

test('import: without a valid X-CSRF-Token 403 and nothing changes', async () => {
  const k = await dirClient();
  await makeEstab(A.admin.c, k.id, { name: 'Csrf site', city: 'Before' });
  const before = directorySnapshot(env, k.id);
  const file = toCsv([['name', 'city'], ['Csrf site', 'After'], ['Csrf new', 'X']]);
  for (const csrf of [false, 'nope', A.mam.c.csrf, `${A.am.c.csrf}0`]) {
    expectError(assert, `csrf=${csrf}`, await upload(A.am, k.id, file, { csrf }), 403, 'csrf');
  }
  assert.deepEqual(directorySnapshot(env, k.id), before, 'nothing changed');
});
