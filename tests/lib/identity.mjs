// Helpers of the identity tests (tests/http/identity.mjs, users.mjs, mfa.mjs):
// fixtures made with rempart-admin, SQL look-ups in the stack's database, an
// API client that keeps its session cookie and sends the CSRF token, over
// nginx (fetch) or straight to a rempart-fcgi socket, and RFC 6238 TOTP.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { BUILDDIR } from './stack.mjs';
import { fcgiRequest } from './fcgi.mjs';

// ------------------------------------------------------------- unique data ---

// One tag per test run: the database persists between runs, so every e-mail,
// name and address a run makes carries it.
export const RUN = `${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
let serial = 0;

export function uniqueEmail(prefix = 'user') {
  serial += 1;
  return `${prefix}-${RUN}-${serial}@idtest.example`;
}

export function uniqueName(prefix = 'N') {
  serial += 1;
  return `${prefix}${RUN}x${serial}`;
}

// A password that passes the policy (>= 12 characters, not a common one).
export function strongPassword() {
  return `pw ${crypto.randomBytes(9).toString('base64url')} horse`;
}

// A random private IPv4 address (per-address throttling starts afresh).
export function randomAddress() {
  const b = crypto.randomBytes(3);
  return `10.${b[0]}.${b[1]}.${(b[2] % 250) + 2}`;
}

// --------------------------------------------------------------- fixtures ---

function admin(env, args, input) {
  return execFileSync(path.join(BUILDDIR, 'app/rempart-admin'), ['-c', env.REMPART_CONFIG, ...args],
    { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
}

// A new firm and its first admin; returns {firmId, email, password}.
export function createFirm(env, { name = uniqueName('Firm '), email = uniqueEmail('admin'),
  password = strongPassword() } = {}) {
  const out = admin(env, ['create-firm', name, email, '--password-stdin'], `${password}\n`);
  if (!/^\d+$/.test(out)) throw new Error(`create-firm printed ${JSON.stringify(out)}`);
  return { firmId: Number(out), name, email, password };
}

// A platform support user; returns {id, email, password}.
export function createSupport(env, { email = uniqueEmail('support'), password = strongPassword() } = {}) {
  const out = admin(env, ['create-support', email, '--password-stdin'], `${password}\n`);
  if (!/^\d+$/.test(out)) throw new Error(`create-support printed ${JSON.stringify(out)}`);
  return { id: Number(out), email, password };
}

// -------------------------------------------------------------------- SQL ---

// A SQL string literal (test data only; the app itself binds parameters).
export function sqlStr(s) {
  return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

// Run statements with the app user's client options; rows as arrays of
// strings (NULL as null).
export function sql(env, query) {
  const out = execFileSync('mariadb', [`--defaults-file=${env.STACK_MYSQL_DEFAULTS}`,
    '--batch', '--raw', '--skip-column-names', '-e', query], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '')
    .map((l) => l.split('\t').map((c) => (c === 'NULL' ? null : c)));
}

// The first column of the first row, or null.
export function sqlValue(env, query) {
  const rows = sql(env, query);
  return rows.length ? rows[0][0] : null;
}

export function userRow(env, email) {
  const rows = sql(env, `SELECT id, firm_id, role, first_name, last_name, active, email,
    mfa_enabled, lang, password_hash FROM users WHERE email = ${sqlStr(email)}`);
  if (!rows.length) return null;
  const [id, firmId, role, first, last, active, mail, mfa, lang, hash] = rows[0];
  return { id: Number(id), firmId: firmId && Number(firmId), role, first_name: first,
    last_name: last, active: active === '1', email: mail, mfa: mfa === '1', lang, hash };
}

// Stored feature keys of a user, sorted.
export function storedFeatures(env, id) {
  return sql(env, `SELECT feature FROM user_features WHERE user_id = ${Number(id)} ORDER BY feature`)
    .map((r) => r[0]);
}

export function storedProfileFields(env, id) {
  return sql(env, `SELECT field FROM user_profile_fields WHERE user_id = ${Number(id)} ORDER BY field`)
    .map((r) => r[0]);
}

export function sessionCount(env, userId) {
  return Number(sqlValue(env, `SELECT COUNT(*) FROM sessions WHERE user_id = ${Number(userId)}`));
}

// Audit rows: [{id, user_id, firm_id, ip, action, object_type, object_id, details}].
export function auditRows(env, where) {
  return sql(env, `SELECT id, user_id, firm_id, ip, action, object_type, object_id, details
    FROM audit_log WHERE ${where} ORDER BY id`).map(([id, user, firm, ip, action, type, obj, details]) => ({
    id: Number(id), user_id: user && Number(user), firm_id: firm && Number(firm), ip, action,
    object_type: type, object_id: obj && Number(obj), details: JSON.parse(details),
    raw: details,
  }));
}

export function maxAuditId(env) {
  return Number(sqlValue(env, 'SELECT COALESCE(MAX(id), 0) FROM audit_log'));
}

// -------------------------------------------------------------- transport ---

// Both transports resolve {status, headers (lower-case names), setCookies
// (array), text}.
export function httpTransport(baseUrl) {
  return async ({ method, path: p, headers, body }) => {
    const res = await fetch(baseUrl + p, {
      method, headers, body: body ?? undefined, redirect: 'manual', signal: AbortSignal.timeout(30000),
    });
    const text = await res.text();
    const h = {};
    for (const [k, v] of res.headers) h[k] = v;
    return { status: res.status, headers: h, setCookies: res.headers.getSetCookie(), text };
  };
}

// Straight to a rempart-fcgi socket (an instance with its own config).
// remoteAddr and params (extra CGI variables, e.g. HTTPS) apply to every call.
export function fcgiTransport(socket, { remoteAddr, params } = {}) {
  return async ({ method, path: p, headers, body }) => {
    const r = await fcgiRequest(socket, { method, uri: p, headers, body: body ?? null, remoteAddr, params });
    const setCookies = r.headers['set-cookie'] ? [r.headers['set-cookie']] : [];
    return { status: r.status, headers: r.headers, setCookies, text: r.body };
  };
}

// ----------------------------------------------------------------- client ---

// An API client with its own cookie jar. request() resolves
// {status, headers, setCookies, text, json}; json is null when the body is
// not JSON.
export class Client {
  constructor(transport) {
    this.transport = transport;
    this.cookies = new Map();
    this.csrf = null;
    this.user = null;
  }

  get token() {
    return this.cookies.get('rempart_session') ?? null;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  // opts: csrf (true: the session's token, false: none, string: that one),
  // contentType, raw (a body sent as is), headers.
  async request(method, p, body, opts = {}) {
    const headers = { ...(opts.headers || {}) };
    let payload = null;
    if (opts.raw !== undefined) {
      payload = opts.raw;
      headers['content-type'] = opts.contentType || 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = opts.contentType || 'application/json';
    }
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const csrf = opts.csrf ?? true;
    if (!['GET', 'HEAD'].includes(method) && csrf) {
      const t = typeof csrf === 'string' ? csrf : this.csrf;
      if (t) headers['x-csrf-token'] = t;
    }
    const r = await this.transport({ method, path: p, headers, body: payload });
    for (const c of r.setCookies) {
      const m = c.match(/^([^=;\s]+)=([^;]*)/);
      if (!m) continue;
      if (m[2] === '' || /;\s*max-age=0\b/i.test(c)) this.cookies.delete(m[1]);
      else this.cookies.set(m[1], m[2]);
    }
    try {
      r.json = r.text ? JSON.parse(r.text) : null;
    } catch {
      r.json = null;
    }
    return r;
  }

  get(p, opts) { return this.request('GET', p, undefined, opts); }

  post(p, body, opts) { return this.request('POST', p, body, opts); }

  patch(p, body, opts) { return this.request('PATCH', p, body, opts); }

  put(p, body, opts) { return this.request('PUT', p, body, opts); }

  del(p, opts) { return this.request('DELETE', p, undefined, opts); }

  // POST /api/v1/session; keeps the CSRF token and the user on success.
  async login(email, password, totp) {
    const body = { email, password };
    if (totp !== undefined) body.totp = totp;
    const r = await this.post('/api/v1/session', body, { csrf: false });
    if (r.status === 201 && r.json) {
      this.csrf = r.json.csrf_token;
      this.user = r.json.user;
    }
    return r;
  }

  async logout() {
    return this.del('/api/v1/session');
  }
}

// A logged-in client, or an error that shows the answer.
export async function loggedIn(transport, email, password, totp) {
  const c = new Client(transport);
  const r = await c.login(email, password, totp);
  if (r.status !== 201) throw new Error(`login of ${email}: ${r.status} ${r.text}`);
  return c;
}

// Create a user through the API as `by`; returns {id, email, password, user}.
export async function createUser(by, { role, features, profile_fields: pf, email = uniqueEmail(role),
  password = strongPassword(), first_name: first = 'Test', last_name: last = uniqueName('L') }) {
  const body = { email, password, first_name: first, last_name: last, role };
  if (features !== undefined) body.features = features;
  if (pf !== undefined) body.profile_fields = pf;
  const r = await by.post('/api/v1/users', body);
  if (r.status !== 201) throw new Error(`create ${role} ${email}: ${r.status} ${r.text}`);
  return { id: r.json.id, email, password, user: r.json };
}

// ------------------------------------------------------------------- TOTP ---

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(s) {
  const clean = s.replace(/=+$/, '').replace(/\s+/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const v = B32.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

// HOTP (RFC 4226) of a raw key at a counter.
export function hotp(key, counter, digits = 6) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac('sha1', key).update(msg).digest();
  const off = mac[mac.length - 1] & 0x0f;
  const bin = ((mac[off] & 0x7f) << 24) | (mac[off + 1] << 16) | (mac[off + 2] << 8) | mac[off + 3];
  return String(bin % 10 ** digits).padStart(digits, '0');
}

export const totpStep = (ms = Date.now()) => Math.floor(ms / 1000 / 30);

// TOTP (RFC 6238, SHA-1, 30 s, 6 digits) of a base32 secret at a step.
export function totp(secretB32, step = totpStep()) {
  return hotp(base32Decode(secretB32), step);
}

// Wait (at most one step) until the clock is at least `margin` seconds away
// from both ends of a TOTP step, so that a run of checks sees one step;
// returns that step.
export async function stableStep(margin = 4) {
  for (let i = 0; i < 80; i++) {
    const inStep = (Date.now() / 1000) % 30;
    if (inStep >= margin && inStep <= 30 - margin * 2) return totpStep();
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('clock never left a TOTP step boundary');
}

// ----------------------------------------------------------------- checks ---

// The JSON error of SPEC §4: status, code (when given) and field (when
// given; null: no field). Returns the error object.
export function expectError(assert, what, r, status, code, field) {
  assert.equal(r.status, status, `${what}: status ${r.status}, body ${String(r.text).slice(0, 300)}`);
  assert.match(r.headers['content-type'] || '', /^application\/json/, `${what}: content type`);
  assert.ok(r.json && typeof r.json.error === 'object', `${what}: {"error":{...}}: ${r.text}`);
  const e = r.json.error;
  assert.equal(typeof e.message, 'string', `${what}: error.message`);
  assert.ok(e.message.length > 0, `${what}: error.message is empty`);
  if (code !== undefined) assert.equal(e.code, code, `${what}: error.code (${r.text.trim()})`);
  if (field !== undefined) assert.equal(e.field ?? null, field, `${what}: error.field (${r.text.trim()})`);
  return e;
}

// The user object of SPEC §4 (field names are normative).
export const USER_FIELDS = ['id', 'email', 'first_name', 'last_name', 'role', 'firm_id', 'active',
  'features', 'profile_fields', 'client_ids', 'establishment_ids', 'mfa_enrolled'];

export const ALL_FEATURES = ['feedback', 'monitoring', 'plan', 'profile.duplicates', 'profile.edit',
  'profile.read', 'profile.status', 'publication', 'self'];

export const ALL_PROFILE_FIELDS = ['address', 'city', 'country', 'headcount', 'name', 'phone',
  'postcode', 'sector', 'security_contact', 'siret', 'website'];

export const sorted = (a) => [...a].sort();
