// The isolation matrix (issue 11): walks the route table printed by
// `rempart-admin routes` (app/routes.c, the one source of truth) and, for
// every route, checks what applies: no session → 401 or the login page
// (public routes are listed below with a reason); a state change without the
// CSRF token → 403 (RP_R_NO_CSRF justified per route); a user of another
// firm given firm A's ids → 404 (403 where the role check comes first) and
// the database unchanged; support on firm routes → 403; an establishment
// manager on routes its role lacks → 403; an account manager of firm A on a
// client it does not manage → 404, nothing changed. A route the matrix does
// not know fails the test: add it to MATRIX (and to ID_OF if its path is new).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureStack, BUILDDIR, SRCDIR } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import { createFirm, createSupport, httpTransport, loggedIn, sql, sqlValue } from '../lib/identity.mjs';
import { makeClient, makeEstab, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

// Every route of the table, by "METHOD pattern". public: why it needs no
// session; noCsrf: why a state change takes no CSRF token; cross: the
// status another firm's admin gets with firm A's ids (default 404, 403
// where the route's roles exclude firm admins).
const MATRIX = {
  'GET /': { public: 'the home page: a welcome without session, the dashboard with one (RP_R_OPTIONAL)' },
  'GET /ping': { public: 'liveness probe for the load balancer; says nothing' },
  'GET /api/v1/health': { public: 'health probe (database reachable); no tenant data' },
  'GET /healthz': { public: 'monitoring probe: database up or down, nothing else' },
  'GET /login': { public: 'the login form' },
  'POST /login': {
    public: 'the login itself',
    noCsrf: 'no session exists yet to carry a token; credentials are the proof',
  },
  'GET /login/mfa': {},
  'POST /login/mfa': {},
  'POST /logout': {},
  'GET /setup/{token}': { public: 'first-admin setup link: the secret token is the credential' },
  'POST /setup/{token}': {
    public: 'first-admin setup link: the secret token is the credential',
    noCsrf: 'no session yet; the unguessable path token plays the CSRF token',
  },
  'GET /account': {},
  'POST /account': {},
  'GET /account/mfa': {},
  'POST /account/mfa': {},
  'POST /account/mfa/confirm': {},
  'POST /account/sessions/{id}/revoke': {},
  'GET /users': {},
  'GET /users/new': {},
  'POST /users': {},
  'GET /users/{id}': {},
  'POST /users/{id}': {},
  'POST /users/{id}/sessions/end': {},
  'GET /clients': {},
  'GET /clients/new': {},
  'GET /clients/switch': {},
  'POST /clients': {},
  'POST /clients/import': {},
  'GET /clients/{id}/archive': {},
  'GET /clients/{id}': {},
  'POST /clients/{id}': {},
  'POST /clients/{id}/plan': {},
  'POST /clients/{id}/vcisos': {},
  'GET /clients/{id}/pilot': {},
  'POST /clients/{id}/frameworks': {},
  'GET /clients/{id}/compliance': {},
  'GET /clients/{id}/report': {},
  'GET /clients/{id}/report.pdf': {},
  'GET /clients/{id}/report.docx': {},
  'GET /clients/{id}/logo': {},
  'POST /clients/{id}/logo': {},
  'POST /clients/{id}/logo/delete': {},
  'GET /branding': {},
  'POST /branding': {},
  'GET /branding/logo': {},
  'POST /branding/logo': {},
  'POST /branding/logo/delete': {},
  'GET /branding/accent.css': {},
  'GET /clients/{id}/compliance.csv': {},
  'GET /clients/{id}/compliance.xlsx': {},
  'GET /portfolio': {},
  'GET /portfolio.csv': {},
  'GET /portfolio.xlsx': {},
  'GET /clients/{id}/frameworks/{id}/cycles': {},
  'POST /clients/{id}/frameworks/{id}/cycles': {},
  'GET /clients/{id}/frameworks/{id}/cycles/{id}': {},
  'GET /clients/{id}/frameworks/{id}/cycles/{id}/compare/{id}': {},
  'GET /clients/{id}/frameworks/{id}/soa': {},
  'GET /clients/{id}/frameworks/{id}/soa.csv': {},
  'GET /clients/{id}/frameworks/{id}/soa.xlsx': {},
  'GET /clients/{id}/frameworks/{id}/soa.pdf': {},
  'POST /clients/{id}/compliance/{id}': {},
  'GET /clients/{id}/risks': {},
  'GET /clients/{id}/risks.csv': {},
  'GET /clients/{id}/risks.xlsx': {},
  'GET /clients/{id}/risks/new': {},
  'POST /clients/{id}/risks': {},
  'GET /risks/{id}': {},
  'POST /risks/{id}': {},
  'POST /risks/{id}/delete': {},
  'GET /clients/{id}/risk-analysis': {},
  'GET /clients/{id}/risk-analysis/business-assets': {},
  'POST /clients/{id}/risk-analysis/business-assets': {},
  'GET /business-assets/{id}': {},
  'POST /business-assets/{id}': {},
  'POST /business-assets/{id}/delete': {},
  'GET /clients/{id}/risk-analysis/supporting-assets': {},
  'POST /clients/{id}/risk-analysis/supporting-assets': {},
  'GET /supporting-assets/{id}': {},
  'POST /supporting-assets/{id}': {},
  'POST /supporting-assets/{id}/delete': {},
  'GET /clients/{id}/risk-analysis/threat-sources': {},
  'POST /clients/{id}/risk-analysis/threat-sources': {},
  'GET /threat-sources/{id}': {},
  'POST /threat-sources/{id}': {},
  'POST /threat-sources/{id}/delete': {},
  'GET /clients/{id}/risk-analysis/scenarios': {},
  'POST /clients/{id}/risk-analysis/scenarios': {},
  'GET /scenarios/{id}': {},
  'POST /scenarios/{id}': {},
  'POST /scenarios/{id}/delete': {},
  'POST /scenarios/{id}/retain': {},
  'POST /scenarios/{id}/discard': {},
  'POST /scenarios/{id}/sync-risk': {},
  'GET /clients/{id}/actions': {},
  'GET /clients/{id}/actions.csv': {},
  'GET /clients/{id}/actions.xlsx': {},
  'GET /clients/{id}/actions/new': {},
  'POST /clients/{id}/actions': {},
  'GET /actions/{id}': {},
  'POST /actions/{id}': {},
  'POST /actions/{id}/delete': {},
  'GET /clients/{id}/resources': {},
  'GET /clients/{id}/resources/new': {},
  'POST /clients/{id}/resources': {},
  'GET /resources/{id}': {},
  'GET /resources/{id}/edit': {},
  'POST /resources/{id}': {},
  'POST /resources/{id}/status': {},
  'POST /resources/{id}/delete': {},
  'POST /resources/{id}/template': {},
  'GET /resources/{id}/template-diff': {},
  'POST /resources/{id}/template-update': {},
  'POST /resources/{id}/publications': {},
  'POST /resources/{id}/publications/{id}/delete': {},
  'GET /frameworks': {},
  'GET /frameworks/{id}': {},
  'GET /frameworks/import': {},
  'POST /frameworks/import': {},
  'POST /frameworks/{id}/delete': {},
  'GET /templates': {},
  'GET /templates/new': {},
  'POST /templates': {},
  'GET /templates/deploy': {},
  'POST /templates/deploy': {},
  'GET /templates/{id}': {},
  'GET /templates/{id}/edit': {},
  'POST /templates/{id}': {},
  'GET /admin': {},
  'GET /admin/clients/{id}': {},
  'POST /admin/clients/{id}/billing': {},
  'GET /admin/firms': {},
  'POST /admin/firms': {},
  'POST /admin/firms/{id}/setup-link': {},
  'GET /admin/billing-changes': {},
  'GET /admin/statement': {},
  'GET /admin/statement.csv': {},
  'GET /clients/{id}/establishments': {},
  'GET /clients/{id}/establishments/new': {},
  'POST /clients/{id}/establishments': {},
  'GET /clients/{id}/establishments/import': {},
  'POST /clients/{id}/establishments/import': {},
  'GET /clients/{id}/establishments/export.csv': {},
  'GET /clients/{id}/duplicates': {},
  'GET /establishments/{id}': {},
  'GET /establishments/{id}/publications/{id}': {},
  'POST /establishments/{id}': {},
  'POST /establishments/{id}/status': {},
  'POST /establishments/{id}/plan': {},
  'POST /establishments/{id}/merge': {},
  'POST /establishments/{id}/suggestions': {},
  'POST /suggestions/{id}/accept': {},
  'POST /suggestions/{id}/reject': {},
  'GET /clients/{id}/scans': {},
  'POST /clients/{id}/scans': {},
  'GET /scans/{id}': {},
  'POST /scans/{id}/delete': {},
  'POST /findings/{id}/action': {},
  'GET /establishments/{id}/scan-targets': {},
  'POST /establishments/{id}/scan-targets': {},
  'POST /scan-targets/{id}/delete': {},
  'GET /establishments/{id}/exposure': {},
  'GET /clients/{id}/usage': {},
  'POST /clients/{id}/usage/starter': {},
  'POST /clients/{id}/usage/sections': {},
  'POST /clients/{id}/usage/sections/{id}': {},
  'POST /clients/{id}/usage/sections/{id}/delete': {},
  'GET /clients/{id}/usage/sections/{id}/questions/new': {},
  'POST /clients/{id}/usage/sections/{id}/questions': {},
  'GET /clients/{id}/usage/questions/{id}': {},
  'POST /clients/{id}/usage/questions/{id}': {},
  'POST /clients/{id}/usage/questions/{id}/move': {},
  'POST /clients/{id}/usage/questions/{id}/delete': {},
  'GET /clients/{id}/usage/links': {},
  'POST /clients/{id}/usage/links': {},
  'POST /clients/{id}/usage/links/{id}/revoke': {},
  'GET /clients/{id}/usage/answers': {},
  'GET /q/{token}': {
    public: 'usage questionnaire public link: respondents have no account; the token scopes it to one establishment',
  },
  'POST /q/{token}': {
    public: 'answers to the public questionnaire link (no account)',
    noCsrf: 'no session is read; the unguessable link token is the credential',
  },
  'POST /api/v1/session': {
    public: 'the API login',
    noCsrf: 'no session exists yet; the token is issued by this call',
  },
  'POST /api/v1/setup': {
    public: 'first-admin setup through the API: the setup token in the body is the credential',
    noCsrf: 'no session yet; the setup token is the proof',
  },
  'DELETE /api/v1/session': {},
  'GET /api/v1/me': {},
  'PATCH /api/v1/me': {},
  'POST /api/v1/me/mfa': {},
  'POST /api/v1/me/mfa/confirm': {},
  'GET /api/v1/users': {},
  'POST /api/v1/users': {},
  'GET /api/v1/users/{id}': {},
  'PATCH /api/v1/users/{id}': {},
  'DELETE /api/v1/users/{id}/sessions': {},
  'GET /api/v1/clients': {},
  'POST /api/v1/clients': {},
  'POST /api/v1/clients/import': {},
  'GET /api/v1/clients/{id}/archive': {},
  'GET /api/v1/clients/{id}': {},
  'PATCH /api/v1/clients/{id}': {},
  'POST /api/v1/clients/{id}/plan': {},
  'PUT /api/v1/clients/{id}/vcisos': {},
  'GET /api/v1/clients/{id}/pilot': {},
  'GET /api/v1/clients/{id}/report': {},
  'GET /api/v1/clients/{id}/logo': {},
  'PUT /api/v1/clients/{id}/logo': {},
  'DELETE /api/v1/clients/{id}/logo': {},
  'GET /api/v1/branding': {},
  'PATCH /api/v1/branding': {},
  'GET /api/v1/branding/logo': {},
  'PUT /api/v1/branding/logo': {},
  'DELETE /api/v1/branding/logo': {},
  'GET /api/v1/clients/{id}/audit': {},
  'GET /api/v1/clients/{id}/establishments': {},
  'POST /api/v1/clients/{id}/establishments': {},
  'GET /api/v1/clients/{id}/establishments/export': {},
  'POST /api/v1/clients/{id}/establishments/import': {},
  'GET /api/v1/clients/{id}/duplicates': {},
  'GET /api/v1/establishments/{id}': {},
  'PATCH /api/v1/establishments/{id}': {},
  'POST /api/v1/establishments/{id}/status': {},
  'POST /api/v1/establishments/{id}/plan': {},
  'POST /api/v1/establishments/{id}/merge': {},
  'GET /api/v1/establishments/{id}/suggestions': {},
  'POST /api/v1/establishments/{id}/suggestions': {},
  'POST /api/v1/suggestions/{id}/accept': {},
  'POST /api/v1/suggestions/{id}/reject': {},
  'GET /api/v1/clients/{id}/billing-changes': {},
  'GET /api/v1/admin/firms': {},
  'POST /api/v1/admin/firms': {},
  'POST /api/v1/admin/firms/{id}/setup-link': {},
  'GET /api/v1/admin/clients': {},
  'GET /api/v1/admin/clients/{id}': {},
  'PATCH /api/v1/admin/clients/{id}/billing': {},
  'GET /api/v1/admin/billing-changes': {},
  'GET /api/v1/admin/statement': {},
  'GET /api/v1/admin/statement.csv': {},
  'GET /api/v1/frameworks': {},
  'GET /api/v1/frameworks/{id}': {},
  'POST /api/v1/frameworks': {},
  'DELETE /api/v1/frameworks/{id}': {},
  'POST /api/v1/clients/{id}/frameworks': {},
  'GET /api/v1/clients/{id}/compliance': {},
  'GET /api/v1/clients/{id}/compliance.csv': {},
  'GET /api/v1/clients/{id}/compliance.xlsx': {},
  'PATCH /api/v1/clients/{id}/compliance/{id}': {},
  'GET /api/v1/portfolio': {},
  'GET /api/v1/portfolio.csv': {},
  'GET /api/v1/portfolio.xlsx': {},
  'GET /api/v1/clients/{id}/frameworks/{id}/cycles': {},
  'POST /api/v1/clients/{id}/frameworks/{id}/cycles': {},
  'GET /api/v1/clients/{id}/frameworks/{id}/cycles/{id}': {},
  'GET /api/v1/clients/{id}/frameworks/{id}/cycles/{id}/compare/{id}': {},
  'GET /api/v1/clients/{id}/frameworks/{id}/soa': {},
  'GET /api/v1/clients/{id}/frameworks/{id}/soa.csv': {},
  'GET /api/v1/clients/{id}/frameworks/{id}/soa.xlsx': {},
  'GET /api/v1/clients/{id}/frameworks/{id}/soa.pdf': {},
  'GET /api/v1/clients/{id}/risks': {},
  'GET /api/v1/clients/{id}/risks.csv': {},
  'GET /api/v1/clients/{id}/risks.xlsx': {},
  'POST /api/v1/clients/{id}/risks': {},
  'GET /api/v1/risks/{id}': {},
  'PATCH /api/v1/risks/{id}': {},
  'DELETE /api/v1/risks/{id}': {},
  'GET /api/v1/clients/{id}/risk-analysis': {},
  'GET /api/v1/clients/{id}/business-assets': {},
  'POST /api/v1/clients/{id}/business-assets': {},
  'GET /api/v1/business-assets/{id}': {},
  'PATCH /api/v1/business-assets/{id}': {},
  'DELETE /api/v1/business-assets/{id}': {},
  'GET /api/v1/clients/{id}/supporting-assets': {},
  'POST /api/v1/clients/{id}/supporting-assets': {},
  'GET /api/v1/supporting-assets/{id}': {},
  'PATCH /api/v1/supporting-assets/{id}': {},
  'DELETE /api/v1/supporting-assets/{id}': {},
  'GET /api/v1/clients/{id}/threat-sources': {},
  'POST /api/v1/clients/{id}/threat-sources': {},
  'GET /api/v1/threat-sources/{id}': {},
  'PATCH /api/v1/threat-sources/{id}': {},
  'DELETE /api/v1/threat-sources/{id}': {},
  'GET /api/v1/clients/{id}/scenarios': {},
  'POST /api/v1/clients/{id}/scenarios': {},
  'GET /api/v1/scenarios/{id}': {},
  'PATCH /api/v1/scenarios/{id}': {},
  'DELETE /api/v1/scenarios/{id}': {},
  'POST /api/v1/scenarios/{id}/retain': {},
  'POST /api/v1/scenarios/{id}/discard': {},
  'POST /api/v1/scenarios/{id}/sync-risk': {},
  'GET /api/v1/clients/{id}/resources': {},
  'POST /api/v1/clients/{id}/resources': {},
  'GET /api/v1/resources/{id}': {},
  'PATCH /api/v1/resources/{id}': {},
  'DELETE /api/v1/resources/{id}': {},
  'POST /api/v1/resources/{id}/template': {},
  'GET /api/v1/resources/{id}/template-diff': {},
  'POST /api/v1/resources/{id}/template-update': {},
  'GET /api/v1/resources/{id}/publications': {},
  'POST /api/v1/resources/{id}/publications': {},
  'DELETE /api/v1/resources/{id}/publications/{id}': {},
  'GET /api/v1/establishments/{id}/publications': {},
  'GET /api/v1/establishments/{id}/publications/{id}': {},
  'GET /api/v1/templates': {},
  'POST /api/v1/templates': {},
  'POST /api/v1/templates/deploy': {},
  'GET /api/v1/templates/{id}': {},
  'PATCH /api/v1/templates/{id}': {},
  'GET /api/v1/templates/{id}/versions': {},
  'POST /api/v1/templates/{id}/deploy': {},
  'GET /api/v1/clients/{id}/actions': {},
  'GET /api/v1/clients/{id}/actions.csv': {},
  'GET /api/v1/clients/{id}/actions.xlsx': {},
  'POST /api/v1/clients/{id}/actions': {},
  'GET /api/v1/actions/{id}': {},
  'PATCH /api/v1/actions/{id}': {},
  'DELETE /api/v1/actions/{id}': {},
  'GET /api/v1/clients/{id}/scan-targets': {},
  'POST /api/v1/clients/{id}/scan-targets': {},
  'GET /api/v1/scan-targets/{id}': {},
  'DELETE /api/v1/scan-targets/{id}': {},
  'POST /api/v1/clients/{id}/scans': {},
  'GET /api/v1/clients/{id}/scans': {},
  'GET /api/v1/scans/{id}': {},
  'DELETE /api/v1/scans/{id}': {},
  'POST /api/v1/findings/{id}/action': {},
  'GET /api/v1/clients/{id}/exposure': {},
  'GET /api/v1/establishments/{id}/exposure': {},
  'GET /api/v1/clients/{id}/usage/questionnaire': {},
  'POST /api/v1/clients/{id}/usage/starter': {},
  'POST /api/v1/clients/{id}/usage/sections': {},
  'PATCH /api/v1/clients/{id}/usage/sections/{id}': {},
  'DELETE /api/v1/clients/{id}/usage/sections/{id}': {},
  'POST /api/v1/clients/{id}/usage/sections/{id}/questions': {},
  'GET /api/v1/clients/{id}/usage/questions/{id}': {},
  'PATCH /api/v1/clients/{id}/usage/questions/{id}': {},
  'DELETE /api/v1/clients/{id}/usage/questions/{id}': {},
  'GET /api/v1/clients/{id}/usage/links': {},
  'POST /api/v1/clients/{id}/usage/links': {},
  'POST /api/v1/clients/{id}/usage/links/{id}/revoke': {},
  'GET /api/v1/clients/{id}/usage/answers': {},
  'GET /api/v1/clients/{id}/usage/scores': {},
  'GET /api/v1/establishments/{id}/usage': {},
};

// What each {id} names, by the path segment just before it; the fixture
// key of firm A's object to use.
const ID_OF = {
  clients: 'client', risks: 'risk', actions: 'action', resources: 'resource',
  frameworks: 'framework', templates: 'template', establishments: 'estab', suggestions: 'suggestion',
  scans: 'scan', findings: 'finding', 'scan-targets': 'target', sections: 'section', questions: 'question',
  links: 'link', compliance: 'requirement', users: 'user', firms: 'firm', sessions: 'session',
  'business-assets': 'ba', 'supporting-assets': 'sa', 'threat-sources': 'ts', scenarios: 'sc',
  cycles: 'cycle', compare: 'cycle',
};

const ROUTES = execFileSync(path.join(BUILDDIR, 'app/rempart-admin'), ['-c', env.REMPART_CONFIG, 'routes'],
  { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l));
const key = (r) => `${r.method} ${r.pattern}`;
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isApi = (r) => r.pattern.startsWith('/api/');

const A = {};
let B;
let support;
let site;

// Firm A's ids, for the {id} segments of `pattern`.
function fill(pattern) {
  const segs = pattern.split('/');
  return segs.map((s, i) => {
    if (s === '{token}') return 'x'.repeat(43);
    if (s !== '{id}') return s;
    // A publication is named by its other end: the establishment below a
    // resource, the resource below an establishment.
    const what = segs[i - 1] === 'publications' ? (segs[i - 3] === 'resources' ? 'estab' : 'resource')
      : ID_OF[segs[i - 1]];
    if (!what) throw new Error(`no fixture id for the {id} after "${segs[i - 1]}" in ${pattern}: add it to ID_OF`);
    if (A.ids[what] === undefined) throw new Error(`fixture has no ${what} for ${pattern}`);
    return String(A.ids[what]);
  }).join('/');
}

// A well-formed body, so that a refusal is due to scope, not validation.
function body(r) {
  const p = r.pattern;
  // These take no title or name (and refuse unknown fields).
  if (/template-update$|publications$/.test(p)) return /publications$/.test(p) ? { establishment_ids: [A.ids.estab] } : {};
  if (/templates\/\{id\}$/.test(p)) return { body: 'Matrix' };
  if (/templates\/\{id\}\/deploy$/.test(p)) return { client_ids: [A.ids.client] };
  const b = { title: 'Matrix', name: 'Matrix' };
  if (/risks$|risks\/\{id\}$/.test(p)) Object.assign(b, { likelihood: 2, impact: 2 });
  if (/resources$/.test(p)) Object.assign(b, { type: 'tool' });
  if (/supporting-assets$/.test(p)) Object.assign(b, { type: 'site' });
  if (/suggestions$/.test(p)) Object.assign(b, { field: 'city', value: 'Lyon' });
  if (/merge$/.test(p)) Object.assign(b, { into: A.ids.estab2 });
  if (/scan-targets$/.test(p)) Object.assign(b, { value: '198.51.100.9' });
  if (/questions$/.test(p)) Object.assign(b, { kind: 'text', text_fr: 'X', text_en: 'X' });
  if (/sections(\/\{id\})?$/.test(p)) Object.assign(b, { title_fr: 'X', title_en: 'X' });
  if (/compliance\/\{id\}$/.test(p)) Object.assign(b, { status: 'partial' });
  if (/status$/.test(p)) Object.assign(b, { action: 'deactivate', status: 'approved' });
  if (/vcisos$/.test(p)) Object.assign(b, { user_ids: [] });
  if (/plan$/.test(p)) Object.assign(b, { plan: 'essential' });
  if (/cycles$/.test(p)) Object.assign(b, { mode: 'keep' });
  return b;
}

async function send(who, r, opts = {}) {
  const p = fill(r.pattern);
  if (!CHANGES.has(r.method)) return who.request(r.method, p, undefined, opts);
  if (isApi(r)) return who.request(r.method, p, body(r), opts);
  const form = new URLSearchParams(Object.entries(body(r)).map(([k, v]) => [k, String(v)])).toString();
  return who.request(r.method, p, undefined, { ...opts, raw: form, contentType: 'application/x-www-form-urlencoded' });
}

// The tables a refused request may touch legitimately: sessions (last
// seen), login failures, the audit log and the public link's hit counter.
const VOLATILE = new Set(['sessions', 'login_failures', 'audit_log', 'usage_public_hits']);
function checksums() {
  const tables = sql(env, `SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()
    AND table_type = 'BASE TABLE' ORDER BY table_name`).map((x) => x[0]).filter((t) => !VOLATILE.has(t));
  const rows = sql(env, `CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(', ')}`);
  return Object.fromEntries(rows.map(([t, c]) => [t.replace(/^.*\./, ''), c]));
}

before(async () => {
  const fa = createFirm(env);
  A.admin = await loggedIn(http, fa.email, fa.password);
  A.firmId = fa.firmId;
  const ids = {};
  const ok = (r, what) => {
    if (![200, 201].includes(r.status)) throw new Error(`fixture ${what}: ${r.status} ${r.text}`);
    return r.json;
  };
  const c = await makeClient(A.admin, { modules: ['risk_analysis', 'external_scan', 'usage_diagnostic'] });
  ids.client = c.id;
  ids.firm = A.firmId;
  ids.estab = (await makeEstab(A.admin, c.id)).id;
  ids.estab2 = (await makeEstab(A.admin, c.id)).id;
  ids.user = A.admin.user.id;
  const fws = ok(await A.admin.get('/api/v1/frameworks'), 'frameworks').items;
  const anssi = fws.find((f) => f.code === 'anssi-hygiene');
  ok(await A.admin.post(`/api/v1/clients/${c.id}/frameworks`, { framework_id: anssi.id }), 'adopt');
  const reqs = ok(await A.admin.get(`/api/v1/frameworks/${anssi.id}`), 'framework').requirements;
  ids.requirement = reqs.find((x) => x.assessable).id;
  ids.cycle = 1;
  const doc = JSON.parse(fs.readFileSync(path.join(SRCDIR, 'docs/framework-sample.json'), 'utf8'));
  doc.code = `matrix-${Date.now()}-${process.pid}`;
  ids.framework = ok(await A.admin.post('/api/v1/frameworks', doc), 'framework import').id;
  ids.risk = ok(await A.admin.post(`/api/v1/clients/${c.id}/risks`, { title: 'R', likelihood: 2, impact: 3 }), 'risk').id;
  ids.action = ok(await A.admin.post(`/api/v1/clients/${c.id}/actions`, { title: 'A' }), 'action').id;
  ids.resource = ok(await A.admin.post(`/api/v1/clients/${c.id}/resources`, { type: 'tool', title: 'T' }), 'resource').id;
  ok(await A.admin.patch(`/api/v1/resources/${ids.resource}`, { status: 'approved' }), 'approve');
  ids.template = ok(await A.admin.post(`/api/v1/resources/${ids.resource}/template`, {}), 'template').id;
  ok(await A.admin.patch(`/api/v1/resources/${ids.resource}`, { status: 'published' }), 'publish');
  ok(await A.admin.post(`/api/v1/resources/${ids.resource}/publications`, { establishment_ids: [ids.estab] }), 'publication');
  const mgr = await person(http, A.admin, 'establishment_manager', { establishment_ids: [ids.estab],
    features: ['profile.read', 'self'], profile_fields: [] });
  ok(await mgr.c.post(`/api/v1/establishments/${ids.estab}/suggestions`, { field: 'city', value: 'Lyon' }), 'suggestion');
  ids.suggestion = Number(sqlValue(env, `SELECT MAX(id) FROM establishment_suggestions WHERE establishment_id = ${ids.estab}`));
  site = mgr.c;
  ids.target = ok(await A.admin.post(`/api/v1/clients/${c.id}/scan-targets`, { establishment_id: ids.estab,
    value: '198.51.100.7' }), 'scan target').id;
  const xml = fs.readFileSync(path.join(SRCDIR, 'tests/unit/fixtures/nmap-office.xml'), 'utf8');
  ids.scan = ok(await A.admin.post(`/api/v1/clients/${c.id}/scans`, { establishment_id: ids.estab, nmap_xml: xml }), 'scan').id;
  ids.finding = Number(sqlValue(env, `SELECT MIN(id) FROM scan_findings WHERE scan_id = ${ids.scan}`));
  ids.section = ok(await A.admin.post(`/api/v1/clients/${c.id}/usage/sections`, { title_fr: 'S', title_en: 'S' }), 'section').id;
  ids.question = ok(await A.admin.post(`/api/v1/clients/${c.id}/usage/sections/${ids.section}/questions`,
    { kind: 'text', text_fr: 'Q', text_en: 'Q' }), 'question').id;
  ids.link = ok(await A.admin.post(`/api/v1/clients/${c.id}/usage/links`, { establishment_id: ids.estab }), 'link').id;
  ids.ba = ok(await A.admin.post(`/api/v1/clients/${c.id}/business-assets`, { name: 'BA' }), 'business asset').id;
  ids.sa = ok(await A.admin.post(`/api/v1/clients/${c.id}/supporting-assets`, { name: 'SA', type: 'site' }), 'supporting').id;
  ids.ts = ok(await A.admin.post(`/api/v1/clients/${c.id}/threat-sources`, { name: 'TS', resources: 'limited' }), 'threat').id;
  ids.sc = ok(await A.admin.post(`/api/v1/clients/${c.id}/scenarios`, { title: 'SC', threat_source_id: ids.ts,
    business_asset_id: ids.ba, likelihood: 1, impact: 1 }), 'scenario').id;
  ids.session = Number(sqlValue(env, `SELECT MAX(id) FROM sessions WHERE user_id = ${ids.user}`));
  for (const [k, v] of Object.entries(ids)) assert.ok(Number.isInteger(Number(v)) && Number(v) > 0, `fixture ${k}: ${v}`);
  A.ids = ids;
  const fb = createFirm(env);
  B = await loggedIn(http, fb.email, fb.password);
  B.client = await makeClient(B, { modules: ['risk_analysis', 'external_scan', 'usage_diagnostic'] });
  B.estab = await makeEstab(B, B.client.id);
  B.resource = ok(await B.post(`/api/v1/clients/${B.client.id}/resources`, { type: 'tool', title: 'T' }), 'B resource');
  ok(await B.patch(`/api/v1/resources/${B.resource.id}`, { status: 'approved' }), 'B approve');
  ok(await B.patch(`/api/v1/resources/${B.resource.id}`, { status: 'published' }), 'B publish');
  B.xml = xml;
  const other = await makeClient(A.admin);
  A.away = (await person(http, A.admin, 'account_manager', { client_ids: [other.id] })).c;
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
});

test('the matrix knows every route of the table, and only those', () => {
  const known = new Set(ROUTES.map(key));
  const missing = ROUTES.filter((r) => !(key(r) in MATRIX)).map(key);
  assert.deepEqual(missing, [], `routes missing from tests/http/isolation-matrix.mjs MATRIX: ${missing.join(', ')}`);
  const stale = Object.keys(MATRIX).filter((k) => !known.has(k));
  assert.deepEqual(stale, [], `MATRIX entries no longer in the route table: ${stale.join(', ')}`);
  for (const r of ROUTES) {
    const m = MATRIX[key(r)];
    const open = !r.flags.includes('session');
    assert.equal(Boolean(m.public), open, `${key(r)}: public in the matrix iff the route takes no session`);
    assert.equal(Boolean(m.noCsrf), r.flags.includes('no_csrf'), `${key(r)}: noCsrf justified iff RP_R_NO_CSRF`);
    if (!open) fill(r.pattern); // every {id} has a fixture
  }
});

test('without a session: 401 for the API and state changes, the login page for pages', async () => {
  const anon = new (A.admin.constructor)(http);
  const bad = [];
  for (const r of ROUTES.filter((x) => x.flags.includes('session'))) {
    const res = await send(anon, r);
    const page = !isApi(r) && r.method === 'GET';
    const good = page ? [302, 303].includes(res.status) && /^\/login\?next=/.test(res.headers.location || '')
      : res.status === 401;
    if (!good) bad.push(`${key(r)}: ${res.status} ${res.headers.location || ''}`);
  }
  assert.deepEqual(bad, []);
});

test('a state change with a session but no CSRF token: 403', async () => {
  const bad = [];
  for (const r of ROUTES.filter((x) => CHANGES.has(x.method) && x.flags.includes('session'))) {
    const who = r.roles.length === 1 && r.roles[0] === 'support' ? support : A.admin;
    const res = await send(who, r, { csrf: false });
    const good = res.status === 403 && (!isApi(r) || res.json?.error?.code === 'csrf');
    if (!good) bad.push(`${key(r)}: ${res.status} ${res.text.slice(0, 120)}`);
  }
  assert.deepEqual(bad, []);
});

test("another firm's admin, given firm A's ids: refused, database unchanged", async () => {
  const before = checksums();
  const bad = [];
  for (const r of ROUTES.filter((x) => x.flags.includes('session') && x.pattern.includes('{id}'))) {
    const m = MATRIX[key(r)];
    const want = m?.cross ?? (r.roles.length && !r.roles.includes('admin') ? 403 : 404);
    const res = await send(B, r);
    if (res.status !== want) bad.push(`${key(r)}: ${res.status} (want ${want}) ${res.text.slice(0, 120)}`);
  }
  const after = checksums();
  const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
  assert.deepEqual(bad, []);
  assert.deepEqual(changed, [], 'tables changed by refused requests');
});

test('support users on firm routes, establishment managers on routes their role lacks: 403', async () => {
  const bad = [];
  for (const r of ROUTES.filter((x) => x.flags.includes('session') && x.roles.length)) {
    for (const [who, role] of [[support, 'support'], [site, 'establishment_manager']]) {
      if (r.roles.includes(role)) continue;
      const res = await send(who, r);
      if (res.status !== 403) bad.push(`${role} ${key(r)}: ${res.status}`);
    }
  }
  assert.deepEqual(bad, []);
});

// Routes on firm B's own objects whose body names firm A's: refused (4xx,
// never 2xx or 5xx) on the field naming A's object, nothing written. Not generated from the table: the
// ids a body carries are each route's own format.
test("another firm's admin, naming firm A's objects in a body on its own: refused, database unchanged",
  async () => {
    const a = A.ids;
    const c = `/api/v1/clients/${B.client.id}`;
    const cases = [
      ['PUT', `${c}/vcisos`, { user_ids: [a.user] }, 'user_ids'],
      ['POST', '/api/v1/templates/deploy', { template_ids: [a.template], client_ids: [B.client.id] }, 'template_ids'],
      ['POST', `${c}/frameworks`, { framework_id: a.framework }, 'framework_id'],
      ['POST', `${c}/risks`, { title: 'X', likelihood: 1, impact: 1, owner_id: a.user }, 'owner_id'],
      ['POST', `${c}/actions`, { title: 'X', risk_ids: [a.risk] }, 'risk_ids'],
      ['POST', `${c}/actions`, { title: 'X', resource_ids: [a.resource] }, 'resource_ids'],
      ['POST', `${c}/actions`, { title: 'X', owner_id: a.user }, 'owner_id'],
      ['POST', `${c}/scan-targets`, { establishment_id: a.estab, value: '198.51.100.8' }, 'establishment_id'],
      ['POST', `${c}/scans`, { establishment_id: a.estab, nmap_xml: B.xml }, 'establishment_id'],
      ['POST', `${c}/usage/links`, { establishment_id: a.estab }, 'establishment_id'],
      ['POST', `${c}/scenarios`, { title: 'X', threat_source_id: a.ts, business_asset_id: a.ba, likelihood: 1,
        impact: 1 }, 'threat_source_id'],
      ['POST', `${c}/supporting-assets`, { name: 'X', type: 'site', business_asset_ids: [a.ba] }, 'business_asset_ids'],
      ['POST', `/api/v1/establishments/${B.estab.id}/merge`, { into: a.estab }, 'into'],
      ['POST', `/api/v1/resources/${B.resource.id}/publications`, { establishment_ids: [a.estab] }, 'establishment_ids'],
      ['POST', '/api/v1/users', { email: `m${Date.now()}@example.org`, password: 'Correct-Horse-Battery-9',
        first_name: 'M', last_name: 'M', role: 'account_manager', client_ids: [a.client] }, 'client_ids'],
      ['POST', '/api/v1/users', { email: `n${Date.now()}@example.org`, password: 'Correct-Horse-Battery-9',
        first_name: 'M', last_name: 'M', role: 'establishment_manager', establishment_ids: [a.estab] }, 'establishment_ids'],
    ];
    const before = checksums();
    const bad = [];
    for (const [method, p, b, field] of cases) {
      const res = await B.request(method, p, b);
      if (res.status < 400 || res.status >= 500 || res.json?.error?.field !== field) bad.push(`${method} ${p} ${JSON.stringify(b).slice(0, 80)}: ${res.status}`);
    }
    const after = checksums();
    assert.deepEqual(bad, []);
    assert.deepEqual(Object.keys(before).filter((t) => before[t] !== after[t]), [], 'tables changed');
  });

// Firm-wide objects: the catalogue, the library, users, the admin area.
const FIRM_WIDE = /^\/(api\/v1\/)?(frameworks|templates|users|admin|account)\b/;
test('an account manager of firm A out of the client\'s scope: refused, database unchanged', async () => {
  const before = checksums();
  const bad = [];
  for (const r of ROUTES.filter((x) => x.flags.includes('session') && x.pattern.includes('{id}')
    && !FIRM_WIDE.test(x.pattern) && (!x.roles.length || x.roles.includes('account_manager')))) {
    const res = await send(A.away, r);
    if (res.status !== 404) bad.push(`${key(r)}: ${res.status}`);
  }
  const after = checksums();
  assert.deepEqual(bad, []);
  assert.deepEqual(Object.keys(before).filter((t) => before[t] !== after[t]), [], 'tables changed');
});
