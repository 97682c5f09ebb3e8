// Helpers of the clients and establishments tests (tests/http/clients.mjs,
// establishments.mjs, directory.mjs): people with their vCISO declarations
// and establishment assignments, clients and establishments made through
// the API, Luhn-valid SIRETs unique per run, row snapshots that prove a
// refused change changed nothing, audit rows with their client, and a CSV
// reader.
import crypto from 'node:crypto';
import {
  createUser, loggedIn, sql, sqlValue, strongPassword, uniqueEmail, uniqueName,
} from './identity.mjs';

export const CLIENT_FIELDS = ['id', 'name', 'mission_type', 'plan', 'status', 'billing_mode', 'billing_email',
  'modules', 'vciso_ids', 'created_at', 'establishments_count', 'open_actions', 'compliance_pct'];

export const ESTAB_FIELDS = ['id', 'client_id', 'name', 'siret', 'address', 'postcode', 'city', 'country',
  'phone', 'website', 'sector', 'headcount', 'security_contact', 'status', 'plan', 'merged_into',
  'created_at', 'updated_at'];

// The profile fields other than name (omitted from lists without profile.read).
export const PROFILE_DETAIL = ['siret', 'address', 'postcode', 'city', 'country', 'phone', 'website', 'sector',
  'headcount', 'security_contact'];

export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export const byNumber = (a, b) => a - b;
export const ids = (items) => items.map((x) => x.id);
export const sortedIds = (items) => ids(items).sort(byNumber);

// ------------------------------------------------------------------ SIRET ---

// Luhn sum of a digit string (the check digit is the last one).
export function luhnSum(digits) {
  let s = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    s += d;
  }
  return s;
}

export const luhnValid = (digits) => /^\d+$/.test(digits) && luhnSum(digits) % 10 === 0;

// 13 digits and the Luhn check digit.
export function withCheckDigit(payload) {
  for (let c = 0; c < 10; c++) if (luhnSum(`${payload}${c}`) % 10 === 0) return `${payload}${c}`;
  throw new Error('unreachable');
}

// Fourteen Luhn-valid digits, unique within this run (a random prefix per
// run; never La Poste's 356000000 numbering, which has its own rule).
const SIRET_PREFIX = `1${String(crypto.randomInt(0, 10000)).padStart(4, '0')}`;
let siretSerial = crypto.randomInt(0, 1000000);
export function siret() {
  siretSerial += 1;
  return withCheckDigit(`${SIRET_PREFIX}${String(siretSerial).padStart(8, '0')}`);
}

// The same digits with a wrong check digit.
export function badSiret() {
  const s = siret();
  return `${s.slice(0, 13)}${(Number(s[13]) + 1) % 10}`;
}

// ----------------------------------------------------------------- people ---

// A user created through the API by `by` and logged in: {id, email,
// password, user, c}. extra: features, profile_fields, client_ids,
// establishment_ids.
export async function person(http, by, role, extra = {}) {
  let u;
  if (extra.client_ids === undefined && extra.establishment_ids === undefined) {
    u = await createUser(by, { role, ...extra });
  } else {
    const body = { email: uniqueEmail(role), password: strongPassword(), first_name: 'Test',
      last_name: uniqueName('L'), role, ...extra };
    const r = await by.post('/api/v1/users', body);
    if (r.status !== 201) throw new Error(`create ${role}: ${r.status} ${r.text}`);
    u = { id: r.json.id, email: body.email, password: body.password, user: r.json };
  }
  u.c = await loggedIn(http, u.email, u.password);
  return u;
}

// ------------------------------------------------------------ API objects ---

export function clientBody(extra = {}) {
  return { name: uniqueName('Client '), mission_type: 'permanent', plan: 'standard',
    billing_mode: 'intermediated', ...extra };
}

// A client made through the API by `by`; its JSON.
export async function makeClient(by, extra = {}) {
  const r = await by.post('/api/v1/clients', clientBody(extra));
  if (r.status !== 201) throw new Error(`create client: ${r.status} ${r.text}`);
  return r.json;
}

// An establishment of client `clientId` made through the API by `by`.
export async function makeEstab(by, clientId, extra = {}) {
  const r = await by.post(`/api/v1/clients/${clientId}/establishments`, { name: uniqueName('Site '), ...extra });
  if (r.status !== 201) throw new Error(`create establishment: ${r.status} ${r.text}`);
  return r.json;
}

// Establishment managers' assignments, through the users API.
export async function assign(by, userId, estabIds) {
  const r = await by.patch(`/api/v1/users/${userId}`, { establishment_ids: estabIds });
  if (r.status !== 200) throw new Error(`assign ${estabIds} to ${userId}: ${r.status} ${r.text}`);
  return r.json;
}

// -------------------------------------------------------------- snapshots ---

export function clientRow(env, id) {
  const rows = sql(env, `SELECT id, firm_id, name, mission_type, plan, status, billing_mode, billing_email,
    modules, created_by, updated_at FROM clients WHERE id = ${Number(id)}`);
  return rows[0] ?? null;
}

export function vcisoIds(env, clientId) {
  return sql(env, `SELECT user_id FROM client_vcisos WHERE client_id = ${Number(clientId)} ORDER BY user_id`)
    .map((r) => Number(r[0]));
}

export function userClientIds(env, userId) {
  return sql(env, `SELECT client_id FROM client_vcisos WHERE user_id = ${Number(userId)} ORDER BY client_id`)
    .map((r) => Number(r[0]));
}

export function userEstabIds(env, userId) {
  return sql(env, `SELECT establishment_id FROM user_establishments WHERE user_id = ${Number(userId)}
    ORDER BY establishment_id`).map((r) => Number(r[0]));
}

// Everything a client route may change about a client.
export function clientSnapshot(env, id) {
  return {
    row: clientRow(env, id),
    vcisos: vcisoIds(env, id),
    estabs: Number(sqlValue(env, `SELECT COUNT(*) FROM establishments WHERE client_id = ${Number(id)}`)),
  };
}

export function estabRow(env, id) {
  const rows = sql(env, `SELECT id, firm_id, client_id, name, name_key, siret, address, postcode, city, country,
    phone, website, sector, headcount, security_contact, status, plan, merged_into, merged_at, updated_at
    FROM establishments WHERE id = ${Number(id)}`);
  return rows[0] ?? null;
}

// Everything the establishment routes may change about one establishment.
export function estabSnapshot(env, id) {
  return {
    row: estabRow(env, id),
    managers: sql(env, `SELECT user_id FROM user_establishments WHERE establishment_id = ${Number(id)}
      ORDER BY user_id`).map((r) => Number(r[0])),
    suggestions: sql(env, `SELECT id, establishment_id, field, value, status, decided_by FROM establishment_suggestions
      WHERE establishment_id = ${Number(id)} ORDER BY id`),
  };
}

// All establishment rows of a client, for "the directory did not change".
export function directorySnapshot(env, clientId) {
  return sql(env, `SELECT id, name, siret, address, postcode, city, country, phone, website, sector, headcount,
    security_contact, status, plan, merged_into, updated_at FROM establishments WHERE client_id = ${Number(clientId)}
    ORDER BY id`);
}

export function suggestionRow(env, id) {
  const rows = sql(env, `SELECT id, firm_id, client_id, establishment_id, field, value, status, by_user_id,
    decided_by, decided_at FROM establishment_suggestions WHERE id = ${Number(id)}`);
  return rows[0] ?? null;
}

// ------------------------------------------------------------------ audit ---

// Audit rows with their client: [{id, user_id, firm_id, client_id, ip,
// action, object_type, object_id, details}].
export function audit(env, where) {
  return sql(env, `SELECT id, user_id, firm_id, client_id, ip, action, object_type, object_id, details
    FROM audit_log WHERE ${where} ORDER BY id`).map(([id, user, firm, client, ip, action, type, obj, details]) => ({
    id: Number(id), user_id: user && Number(user), firm_id: firm && Number(firm), client_id: client && Number(client),
    ip, action, object_type: type, object_id: obj && Number(obj), raw: details,
  }));
}

// -------------------------------------------------------------------- CSV ---

// Rows of a CSV text (RFC 4180 quoting; CRLF or LF line ends).
export function parseCsv(text, sep = ';') {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else field += ch;
    i += 1;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// A CSV text from rows of values (quoting what needs it).
export function toCsv(rows, sep = ';', eol = '\r\n') {
  const q = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(q).join(sep)).join(eol) + eol;
}
