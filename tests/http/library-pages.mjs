// The library's HTML pages (SPEC §1 "Library", §4 `/templates`): the list
// (empty state, filters, requirement tags that filter, sort, none found),
// a template's page (rendered body, tags, versions, a past version with its
// notice, the deploy form), the create and edit forms (a refused form comes
// back with the error next to the field and the input kept; an edit is a
// new version), deployment of many templates to many clients through the
// form (copies, flash, links; one refused client deploys nothing), the
// new-mission wizard's starter templates, a copy naming its template, and
// the navigation link. Same rules as the API: establishment managers and
// support 403, another firm's template 404, no CSRF token 403 and nothing
// written.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack, tidy } from '../lib/testkit.mjs';
import {
  Client, createFirm, createSupport, httpTransport, loggedIn, sql, sqlValue, uniqueName,
} from '../lib/identity.mjs';
import { makeClient, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

const A = {};
const B = {};
const C = {};
let support;
let anssiReqs;
let csfReqs;
let csfId;

before(async () => {
  const fa = createFirm(env);
  A.admin = { ...fa, c: await loggedIn(http, fa.email, fa.password) };
  A.admin.id = A.admin.c.user.id;
  A.firm = A.admin.c.user.firm_id;
  A.c1 = await makeClient(A.admin.c);
  A.c2 = await makeClient(A.admin.c);
  A.c3 = await makeClient(A.admin.c);
  // An account manager declared vCISO of c1 and c2 (c3 is out of its scope).
  A.am = await person(http, A.admin.c, 'account_manager', { client_ids: [A.c1.id, A.c2.id] });
  // An admin declared vCISO of nothing: every client in scope, none to deploy to.
  A.admin2 = await person(http, A.admin.c, 'admin');
  A.em = await person(http, A.admin.c, 'establishment_manager');
  const fb = createFirm(env);
  B.admin = { ...fb, c: await loggedIn(http, fb.email, fb.password) };
  B.client = await makeClient(B.admin.c);
  const t = await B.admin.c.post('/api/v1/templates', { type: 'tool', title: 'B secret tool', body: 'B only.' });
  assert.equal(t.status, 201, t.text);
  B.template = t.json;
  // A firm whose library stays empty.
  const fc = createFirm(env);
  C.admin = { ...fc, c: await loggedIn(http, fc.email, fc.password) };
  const s = createSupport(env);
  support = await loggedIn(http, s.email, s.password);
  const fws = (await A.admin.c.get('/api/v1/frameworks')).json.items;
  const anssi = fws.find((f) => f.code === 'anssi-hygiene');
  const csf = fws.find((f) => f.code === 'nist-csf');
  csfId = csf.id;
  for (const [c, fw] of [[A.c1.id, anssi.id], [A.c2.id, csf.id]]) {
    const r = await A.admin.c.post(`/api/v1/clients/${c}/frameworks`, { framework_id: fw });
    assert.equal(r.status, 201, r.text);
  }
  anssiReqs = (await A.admin.c.get(`/api/v1/frameworks/${anssi.id}`)).json.requirements
    .filter((r) => r.assessable);
  csfReqs = (await A.admin.c.get(`/api/v1/frameworks/${csf.id}`)).json.requirements
    .filter((r) => r.assessable);
});

// POST an HTML form (urlencoded); the csrf_token field unless csrf: false.
async function form(c, p, fields = [], { csrf = true } = {}) {
  const body = new URLSearchParams();
  if (csrf) body.append('csrf_token', c.csrf);
  for (const [k, v] of fields) body.append(k, String(v));
  return c.request('POST', p, undefined, { raw: body.toString(),
    contentType: 'application/x-www-form-urlencoded', csrf: false });
}

function expectPage(r, status, what) {
  assert.equal(r.status, status, `${what}: status ${r.status} ${r.status >= 300 && r.status < 400 ? r.headers.location : ''}`);
  assert.match(r.headers['content-type'] || '', /^text\/html/, `${what}: HTML`);
  assert.match(r.text, /data-layout="rempart"/, `${what}: the layout`);
  const td = tidy(r.text);
  assert.ok(td.status !== null && td.status < 2, `${what}: tidy errors:\n${td.output}`);
}

function expectRedirect(r, re, what) {
  assert.equal(r.status, 303, `${what}: status ${r.status} ${r.text.slice(0, 300)}`);
  assert.match(r.headers.location || '', re, `${what}: Location`);
}

// A text as a regular expression, HTML-escaped as the pages print it.
const re = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&#39;').replace(/"/g, '&quot;')
  .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The <main> of a page, without the chrome.
const main = (html) => (html.match(/<main[\s\S]*<\/main>/) || [''])[0];

const templates = (firm) => Number(sqlValue(env, `SELECT COUNT(*) FROM templates WHERE firm_id = ${firm}`));
const versions = (firm) => Number(sqlValue(env, `SELECT COUNT(*) FROM template_versions WHERE firm_id = ${firm}`));
const resources = (client) => Number(sqlValue(env, `SELECT COUNT(*) FROM resources WHERE client_id = ${client}`));
const copies = (client, tpl) => Number(sqlValue(env,
  `SELECT COUNT(*) FROM resources WHERE client_id = ${client} AND template_id = ${tpl}`));
async function template(body, who = A.admin.c) {
  const r = await who.post('/api/v1/templates', body);
  assert.equal(r.status, 201, r.text);
  return r.json;
}

test('an empty library explains itself and offers "New template"; the wizard says so too', async () => {
  const r = await C.admin.c.get('/templates');
  expectPage(r, 200, 'empty library');
  const m = main(r.text);
  assert.match(m, /class="empty"/);
  assert.match(m, /Votre bibliothèque ne contient encore aucun modèle/);
  assert.match(m, /href="\/templates\/new"/);
  assert.doesNotMatch(m, /id="templates-table"/);
  const w = await C.admin.c.get('/clients/new');
  expectPage(w, 200, 'wizard, empty library');
  assert.match(w.text, /id="wizard-templates"/);
  assert.match(w.text, /Votre bibliothèque ne contient encore aucun modèle\. <a href="\/templates">/);
  assert.doesNotMatch(w.text, /name="template_ids"/);
});

test('every page renders for an admin and for an account manager', async () => {
  const t = await template({ type: 'document', title: 'Charte <b>informatique</b>', body: '# Charte\n\nSoyez **prudents**.',
    requirement_ids: [anssiReqs[0].id, csfReqs[0].id] });
  await A.admin.c.patch(`/api/v1/templates/${t.id}`, { body: 'Version deux.' });
  for (const [who, c] of [['admin', A.admin.c], ['account manager', A.am.c]]) {
    for (const p of ['/templates', '/templates?lang=en', '/templates/new', `/templates/${t.id}`,
      `/templates/${t.id}?version=1`, `/templates/${t.id}/edit`, `/templates/deploy?template_ids=${t.id}`,
      `/templates/${t.id}?lang=en`, `/templates/deploy?lang=en`]) {
      const r = await c.get(p);
      expectPage(r, 200, `${who}: ${p}`);
      assert.ok(!r.text.includes('<b>informatique</b>'), `${who}: ${p}: the title is escaped`);
      assert.match(r.text, /<a href="\/templates" id="nav-library">/, `${who}: ${p}: the navigation link`);
    }
  }
  const en = await A.admin.c.get('/templates?lang=en');
  assert.match(en.text, /<a href="\/templates" id="nav-library">Library<\/a>/);
  const fr = await A.admin.c.get('/templates?lang=fr');
  assert.match(fr.text, /<a href="\/templates" id="nav-library">Bibliothèque<\/a>/);
  assert.match(fr.text, /<span aria-current="page">Bibliothèque<\/span>/, 'breadcrumbs mark the page');
});

test('establishment managers and support get 403, another firm 404, anonymous the login, no CSRF 403 with nothing written', async () => {
  const t = await template({ type: 'tool', title: 'Coffre-fort de mots de passe' });
  const pages = ['/templates', '/templates/new', `/templates/${t.id}`, `/templates/${t.id}/edit`,
    `/templates/deploy?template_ids=${t.id}`];
  const posts = [['/templates', [['type', 'tool'], ['title', 'Intruder']]],
    [`/templates/${t.id}`, [['title', 'Intruder']]],
    ['/templates/deploy', [['template_ids', t.id], ['client_ids', A.c1.id]]]];
  const n = [templates(A.firm), versions(A.firm), resources(A.c1.id)];
  for (const [who, c] of [['establishment manager', A.em.c], ['support', support]]) {
    for (const p of pages) assert.equal((await c.get(p)).status, 403, `${who}: GET ${p}`);
    for (const [p, f] of posts) assert.equal((await form(c, p, f)).status, 403, `${who}: POST ${p}`);
  }
  // Another firm's template: 404 everywhere, and A's are not B's.
  for (const p of [`/templates/${t.id}`, `/templates/${t.id}/edit`, `/templates/${t.id}?version=1`]) {
    const r = await B.admin.c.get(p);
    expectPage(r, 404, `B: GET ${p}`);
    assert.ok(!r.text.includes('Coffre-fort'), `B: ${p}: nothing of A shows`);
  }
  expectPage(await form(B.admin.c, `/templates/${t.id}`, [['type', 'tool'], ['title', 'Intruder']]), 404, 'B edits A');
  expectPage(await form(B.admin.c, '/templates/deploy', [['template_ids', t.id], ['client_ids', B.client.id]]),
    404, 'B deploys A\'s template');
  expectPage(await A.admin.c.get(`/templates/${B.template.id}`), 404, 'A reads B\'s template');
  const list = await B.admin.c.get('/templates');
  assert.ok(!list.text.includes('Coffre-fort'), 'B\'s list is B\'s');
  assert.equal(resources(B.client.id), 0, 'nothing deployed to B');
  // A version that does not exist, or is not a number.
  expectPage(await A.admin.c.get(`/templates/${t.id}?version=9`), 404, 'no such version');
  expectPage(await A.admin.c.get(`/templates/${t.id}?version=x`), 400, 'bad version');
  // Anonymous: the login page.
  const anon = await new Client(http).get('/templates');
  assert.ok([302, 303].includes(anon.status), `anonymous: ${anon.status}`);
  assert.match(anon.headers.location || '', /^\/login/);
  // No CSRF token.
  for (const [p, f] of posts) {
    assert.equal((await form(A.admin.c, p, f, { csrf: false })).status, 403, `no CSRF: POST ${p}`);
    assert.equal((await form(A.admin.c, p, f, { csrf: false }).then(() => A.admin.c.request('POST', p, undefined,
      { raw: new URLSearchParams([['csrf_token', 'f'.repeat(64)], ...f]).toString(),
        contentType: 'application/x-www-form-urlencoded', csrf: false }))).status, 403, `wrong CSRF: POST ${p}`);
  }
  assert.deepEqual([templates(A.firm), versions(A.firm), resources(A.c1.id)], n, 'nothing written');
  assert.equal(sqlValue(env, `SELECT title FROM templates WHERE id = ${t.id}`), 'Coffre-fort de mots de passe');
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM templates WHERE title = 'Intruder'`)), 0);
});

test('a refused create comes back with the error next to the field and the input kept', async () => {
  const n = templates(A.firm);
  const tag = anssiReqs[3].id;
  let r = await form(A.admin.c, '/templates', [['type', 'process'], ['title', '   '], ['body', 'Gardé *tel quel* <script>'],
    ['requirement_ids_present', '1'], ['requirement_ids', tag]]);
  expectPage(r, 400, 'no title');
  assert.match(r.text, /class="error-summary"/);
  assert.match(r.text, /id="f-title"[^>]*aria-invalid="true" aria-describedby="err-title"/, 'the title is marked');
  assert.match(r.text, /<p class="field-error" id="err-title">Ce champ est obligatoire\.<\/p>/);
  assert.match(r.text, /Gardé \*tel quel\* &lt;script&gt;<\/textarea>/, 'the body kept, escaped');
  assert.match(r.text, /value="process" checked/, 'the type kept');
  assert.match(r.text, new RegExp(`value="${tag}" checked`), 'the tag kept');
  assert.match(r.text, /<details class="req-pick" open>/, 'its framework unfolded');
  r = await form(A.admin.c, '/templates', [['type', 'memo'], ['title', 'Gardé']]);
  expectPage(r, 400, 'bad type');
  assert.match(r.text, /<fieldset class="field has-error"><legend>Type<\/legend>/);
  assert.match(r.text, /id="err-type"/);
  assert.match(r.text, /id="f-title" name="title" type="text" value="Gardé"/);
  r = await form(A.admin.c, '/templates', [['type', 'tool'], ['title', 'x'.repeat(201)]]);
  expectPage(r, 400, 'title too long');
  assert.match(r.text, /id="err-title">Ce champ est trop long\./);
  assert.equal(templates(A.firm), n, 'nothing created');
});

test('create and edit through the forms: rendered Markdown, tags, a new version on each change, past versions readable', async () => {
  const tag = csfReqs[2];
  let r = await form(A.am.c, '/templates', [['type', 'document'], ['title', 'Politique de sauvegarde'],
    ['body', '# Sauvegardes\r\n\r\nChaque **nuit**.\r\n\r\n[x](javascript:alert(1))'],
    ['requirement_ids_present', '1'], ['requirement_ids', tag.id]]);
  expectRedirect(r, /^\/templates\/\d+\?done=template_created$/, 'create');
  const id = Number(r.headers.location.match(/\/templates\/(\d+)/)[1]);
  r = await A.am.c.get(r.headers.location);
  expectPage(r, 200, 'the new template');
  const m = main(r.text);
  assert.match(m, /class="flash" role="status">Modèle créé/);
  assert.match(m, /<h1>Sauvegardes<\/h1>/, 'the body rendered');
  assert.match(m, /<strong>nuit<\/strong>/);
  assert.doesNotMatch(m, /javascript:/, 'no javascript: link');
  assert.match(m, new RegExp(`<a href="/templates\\?requirement_id=${tag.id}">${re(tag.ref)}</a>`),
    'the tag links to the list filtered by it');
  assert.match(m, new RegExp(`</a> · ${re(tag.title)} <span`), 'the requirement\'s title');
  assert.match(m, /Cadre de cybersécurité du NIST/, 'its framework');
  assert.match(m, /Version 1/);
  let api = (await A.admin.c.get(`/api/v1/templates/${id}`)).json;
  assert.deepEqual([api.version, api.type, api.body, api.requirement_ids],
    [1, 'document', '# Sauvegardes\n\nChaque **nuit**.\n\n[x](javascript:alert(1))', [tag.id]]);
  // The edit form says what saving does.
  r = await A.admin.c.get(`/templates/${id}/edit`);
  expectPage(r, 200, 'edit form');
  assert.match(r.text, /id="version-help"/);
  assert.match(r.text, /Version 1 · Enregistrer une modification crée une nouvelle version \(Version 2\)/);
  assert.match(r.text, /Les copies déjà déployées chez vos clients ne changent jamais/);
  assert.match(r.text, new RegExp(`value="${tag.id}" checked`));
  assert.match(r.text, /Politique de sauvegarde/);
  // Saving unchanged (the browser sends CR LF) makes no new version.
  const same = [['type', 'document'], ['title', 'Politique de sauvegarde'],
    ['body', '# Sauvegardes\r\n\r\nChaque **nuit**.\r\n\r\n[x](javascript:alert(1))'],
    ['requirement_ids_present', '1'], ['requirement_ids', tag.id]];
  r = await form(A.admin.c, `/templates/${id}`, same);
  expectRedirect(r, new RegExp(`^/templates/${id}\\?done=template_updated$`), 'unchanged');
  assert.equal((await A.admin.c.get(`/api/v1/templates/${id}`)).json.version, 1);
  // A change, and the tags cleared: version 2.
  r = await form(A.admin.c, `/templates/${id}`, [['type', 'process'], ['title', 'Politique de sauvegarde'],
    ['body', 'Chaque heure.'], ['requirement_ids_present', '1']]);
  expectRedirect(r, new RegExp(`^/templates/${id}\\?done=template_updated$`), 'edit');
  api = (await A.admin.c.get(`/api/v1/templates/${id}`)).json;
  assert.deepEqual([api.version, api.type, api.body, api.requirement_ids], [2, 'process', 'Chaque heure.', []]);
  // A refused edit keeps what was typed and changes nothing.
  r = await form(A.admin.c, `/templates/${id}`, [['type', 'process'], ['title', ''], ['body', 'Brouillon perdu ?'],
    ['requirement_ids_present', '1']]);
  expectPage(r, 400, 'refused edit');
  assert.match(r.text, /Brouillon perdu \?<\/textarea>/);
  assert.match(r.text, /id="err-title"/);
  assert.equal((await A.admin.c.get(`/api/v1/templates/${id}`)).json.version, 2);
  // The page: the history, each version a link; a past version with its notice.
  r = await A.admin.c.get(`/templates/${id}`);
  assert.match(r.text, new RegExp(`<a href="/templates/${id}\\?version=1">Version 1</a>`));
  assert.match(r.text, /<strong aria-current="page">Version 2<\/strong> <span class="badge badge-ok">actuelle<\/span>/);
  assert.doesNotMatch(r.text, /id="past-version"/);
  r = await A.admin.c.get(`/templates/${id}?version=1`);
  expectPage(r, 200, 'version 1');
  assert.match(r.text, /id="past-version">Vous consultez la version 1\u202f; la version actuelle est la 2\. <a href="\/templates\/\d+">Voir la version actuelle<\/a>/);
  assert.match(r.text, /<strong>nuit<\/strong>/, 'the text of version 1');
  assert.match(r.text, /Document · Version 1/);
  assert.match(r.text, new RegExp(`requirement_id=${tag.id}`), 'the tags of version 1');
  assert.doesNotMatch(r.text, /id="deploy-form"/, 'a past version is not deployed');
  r = await A.admin.c.get(`/templates/${id}?version=1&lang=en`);
  assert.match(r.text, /You are viewing version 1; the current version is 2\./);
});

test('the list: columns, requirement tags that filter, type, framework and text filters, sort, none found', async () => {
  const tag = anssiReqs[5];
  const one = await template({ type: 'control', title: 'Zèbre revue des accès', requirement_ids: [tag.id, csfReqs[4].id] });
  const two = await template({ type: 'tool', title: 'Albatros scanner', requirement_ids: [tag.id] });
  const three = await template({ type: 'control', title: 'Moyen contrôle' });
  let r = await A.admin.c.get('/templates');
  expectPage(r, 200, 'list');
  const row = (html, t) => (html.match(new RegExp(`<tr id="template-${t.id}">[\\s\\S]*?</tr>`)) || [''])[0];
  const r1 = row(r.text, one);
  assert.match(r1, new RegExp(`<a href="/templates/${one.id}">Zèbre revue des accès</a>`));
  assert.match(r1, /<td>Contrôle<\/td>/);
  assert.match(r1, /v1/);
  assert.match(r1, new RegExp(`<a class="tag" href="/templates\\?requirement_id=${tag.id}">${re(tag.ref)}</a>`));
  assert.match(r1, /anssi-hygiene/);
  assert.match(r1, /nist-csf/);
  assert.match(r1, new RegExp(`<input type="checkbox" name="template_ids" value="${one.id}"`));
  assert.match(r.text, /<form method="get" action="\/templates\/deploy" id="templates-pick">/);
  // Filtered by a requirement: its ref is named, the others are gone.
  r = await A.admin.c.get(`/templates?requirement_id=${tag.id}`);
  expectPage(r, 200, 'by requirement');
  assert.match(r.text, new RegExp(`id="requirement-filter">Modèles étiquetés avec l&#39;exigence <strong>anssi-hygiene ${re(tag.ref)} · ${re(tag.title)}</strong>`));
  assert.ok(row(r.text, one) && row(r.text, two) && !row(r.text, three), 'only the tagged ones');
  assert.ok(r.text.indexOf(`template-${two.id}"`) < r.text.indexOf(`template-${one.id}"`), 'by title');
  r = await A.admin.c.get(`/templates?requirement_id=${tag.id}&sort=title&dir=desc`);
  assert.ok(r.text.indexOf(`template-${one.id}"`) < r.text.indexOf(`template-${two.id}"`), 'by title, descending');
  assert.match(r.text, /aria-sort="descending"/);
  r = await A.admin.c.get(`/templates?requirement_id=${tag.id}&type=tool`);
  assert.ok(!row(r.text, one) && row(r.text, two), 'type and requirement');
  assert.match(r.text, /<option value="tool" selected>/);
  r = await A.admin.c.get(`/templates?framework_id=${csfId}`);
  assert.ok(row(r.text, one) && !row(r.text, two), 'framework');
  assert.match(r.text, new RegExp(`<option value="${csfId}" selected>`));
  r = await A.admin.c.get('/templates?q=Albatros');
  assert.ok(!row(r.text, one) && row(r.text, two), 'text');
  assert.match(r.text, /value="Albatros"/);
  // Nothing matches: a "none found" state, not the empty library.
  r = await A.admin.c.get('/templates?q=rien-ne-correspond');
  expectPage(r, 200, 'none found');
  assert.match(r.text, /Aucun modèle ne correspond à ces filtres\./);
  assert.doesNotMatch(r.text, /Votre bibliothèque ne contient encore aucun modèle/);
  // Stale or bad filters of a link are ignored, not an error page.
  r = await A.admin.c.get('/templates?type=memo&sort=size&requirement_id=x');
  expectPage(r, 200, 'stale filters');
});

test('deploying two templates to two clients through the form: copies, the flash and links to each client', async () => {
  const t1 = await template({ type: 'document', title: 'Politique de déploiement', body: 'Un.',
    requirement_ids: [anssiReqs[1].id, csfReqs[1].id] });
  const t2 = await template({ type: 'process', title: 'Processus de déploiement', body: 'Deux.' });
  // The deploy page, ticked from the list's selection.
  let r = await A.am.c.get(`/templates/deploy?template_ids=${t1.id}&template_ids=${t2.id}`);
  expectPage(r, 200, 'deploy page');
  assert.match(r.text, new RegExp(`name="template_ids" value="${t1.id}" checked`));
  assert.match(r.text, new RegExp(`name="template_ids" value="${t2.id}" checked`));
  assert.match(r.text, new RegExp(`name="client_ids" value="${A.c1.id}"`));
  assert.match(r.text, new RegExp(`name="client_ids" value="${A.c2.id}"`));
  assert.doesNotMatch(r.text, new RegExp(`name="client_ids" value="${A.c3.id}"`), 'not vCISO of c3: not offered');
  assert.match(r.text, /data-deploy="\/api\/v1\/templates\/deploy"/, 'the script\'s API');
  assert.match(r.text, /name="csrf_token" value="[0-9a-f]{64}"/, 'the token the script sends');
  assert.match(r.text, /<progress max="1" value="0"/);
  assert.match(r.text, /aria-live="polite"/);
  assert.match(r.text, /data-select-all="client_ids"/);
  const before = [resources(A.c1.id), resources(A.c2.id)];
  r = await form(A.am.c, '/templates/deploy', [['template_ids', t1.id], ['template_ids', t2.id],
    ['client_ids', A.c1.id], ['client_ids', A.c2.id]]);
  expectRedirect(r, new RegExp(`^/templates\\?templates=2&clients=2&to=${A.c1.id}&to=${A.c2.id}&done=deployed$`),
    'deploy');
  assert.deepEqual([resources(A.c1.id), resources(A.c2.id)], [before[0] + 2, before[1] + 2]);
  for (const c of [A.c1.id, A.c2.id]) {
    for (const t of [t1, t2]) assert.equal(copies(c, t.id), 1, `client ${c} has a copy of ${t.title}`);
  }
  const rows = sql(env, `SELECT status, template_version FROM resources WHERE template_id = ${t1.id}`);
  assert.deepEqual(rows, [['draft', '1'], ['draft', '1']]);
  r = await A.am.c.get(r.headers.location);
  expectPage(r, 200, 'after the deployment');
  assert.match(r.text, /<div class="flash" role="status">2 modèles déployés chez 2 clients\.<\/div>/);
  assert.match(r.text, new RegExp(`<a href="/clients/${A.c1.id}/resources">`));
  assert.match(r.text, new RegExp(`<a href="/clients/${A.c2.id}/resources">`));
  r = await A.am.c.get('/templates?lang=en&done=deployed&templates=1&clients=1');
  assert.match(r.text, /1 template deployed to 1 client\./);
  // The list counts the copies.
  r = await A.am.c.get('/templates?q=Politique+de+d%C3%A9ploiement');
  assert.match(r.text, new RegExp(`<tr id="template-${t1.id}">[\\s\\S]*?<td class="num">2</td>`));
  // The template's own page deploys it: its deploy form.
  r = await A.am.c.get(`/templates/${t1.id}`);
  assert.match(r.text, /<form method="post" action="\/templates\/deploy" id="deploy-form"/);
  assert.match(r.text, new RegExp(`<input type="hidden" name="template_ids" value="${t1.id}">`));
  r = await form(A.am.c, '/templates/deploy', [['template_ids', t1.id], ['client_ids', A.c1.id]]);
  expectRedirect(r, /^\/templates\?templates=1&clients=1&to=\d+&done=deployed$/, 'one template, one client');
  assert.equal(copies(A.c1.id, t1.id), 2);
});

test('a client the user is not vCISO of: an error on the form, nothing deployed anywhere', async () => {
  const t = await template({ type: 'tool', title: 'Outil refusé' });
  const counts = () => [A.c1.id, A.c2.id, A.c3.id, B.client.id].map(resources);
  const start = counts();
  // c3 is outside the account manager's scope: 404, the form again.
  let r = await form(A.am.c, '/templates/deploy', [['template_ids', t.id], ['client_ids', A.c1.id],
    ['client_ids', A.c2.id], ['client_ids', A.c3.id]]);
  expectPage(r, 404, 'a client out of scope');
  assert.match(r.text, /class="error-summary"/);
  assert.match(r.text, /Rien n&#39;a été déployé\./);
  assert.match(r.text, /<fieldset class="field has-error" id="deploy-clients">/, 'the clients are marked');
  assert.match(r.text, new RegExp(`name="client_ids" value="${A.c1.id}" checked`), 'the ticks kept');
  assert.match(r.text, new RegExp(`name="template_ids" value="${t.id}" checked`));
  // An admin sees c1 but is not declared vCISO of it: 403.
  r = await A.admin2.c.get('/templates/deploy');
  expectPage(r, 200, 'deploy page of an admin on no team');
  assert.match(r.text, /Vous n&#39;êtes encore déclaré vCISO d&#39;aucun client/);
  r = await form(A.admin2.c, '/templates/deploy', [['template_ids', t.id], ['client_ids', A.c1.id]]);
  expectPage(r, 403, 'not vCISO');
  assert.match(r.text, /Vous n&#39;êtes pas déclaré vCISO de l&#39;un de ces clients\./);
  // Another firm's client, a template of another firm, none ticked.
  r = await form(A.admin.c, '/templates/deploy', [['template_ids', t.id], ['client_ids', A.c1.id], ['client_ids', B.client.id]]);
  expectPage(r, 404, 'another firm\'s client');
  r = await form(A.admin.c, '/templates/deploy', [['template_ids', t.id], ['template_ids', B.template.id], ['client_ids', A.c1.id]]);
  expectPage(r, 404, 'another firm\'s template');
  r = await form(A.admin.c, '/templates/deploy', [['template_ids', t.id]]);
  expectPage(r, 400, 'no client');
  assert.match(r.text, /id="err-client_ids"/);
  r = await form(A.admin.c, '/templates/deploy', [['client_ids', A.c1.id]]);
  expectPage(r, 400, 'no template');
  assert.match(r.text, /id="err-template_ids"/);
  r = await form(A.admin.c, '/templates/deploy', [['template_ids', 'x'], ['client_ids', A.c1.id]]);
  expectPage(r, 400, 'a bad id');
  assert.deepEqual(counts(), start, 'nothing deployed anywhere');
});

test('the new-mission wizard offers the library by type and creates the client with its copies', async () => {
  const t1 = await template({ type: 'document', title: 'Modèle de départ <i>un</i>', body: 'Départ.' });
  const t2 = await template({ type: 'control', title: 'Contrôle de départ' });
  let r = await A.admin.c.get('/clients/new');
  expectPage(r, 200, 'wizard');
  const section = (r.text.match(/<section class="card" id="wizard-templates">[\s\S]*?<\/section>/) || [''])[0];
  assert.match(section, /Modèles de départ de la bibliothèque/);
  assert.match(section, /<a href="\/templates">Ouvrir la bibliothèque<\/a>/);
  assert.match(section, /<legend>Document<\/legend>/);
  assert.match(section, /<legend>Contrôle<\/legend>/);
  assert.match(section, new RegExp(`name="template_ids" value="${t1.id}"`));
  assert.match(section, /Modèle de départ &lt;i&gt;un&lt;\/i&gt;/);
  const name = uniqueName('Mission avec modèles ');
  const fields = [['name', name], ['mission_type', 'permanent'], ['plan', 'standard'], ['billing_mode', 'intermediated'],
    ['vciso_ids_present', '1'], ['vciso_ids', A.admin.id], ['modules_present', '1'],
    ['template_ids', t1.id], ['template_ids', t2.id]];
  // Refused (no name): the ticks are kept.
  r = await form(A.admin.c, '/clients', fields.map(([k, v]) => (k === 'name' ? [k, ''] : [k, v])));
  expectPage(r, 400, 'wizard refused');
  assert.match(r.text, new RegExp(`name="template_ids" value="${t2.id}" checked`));
  r = await form(A.admin.c, '/clients', fields);
  expectRedirect(r, /^\/clients\/\d+\?done=client_created$/, 'wizard');
  const id = Number(r.headers.location.match(/\/clients\/(\d+)/)[1]);
  const list = (await A.admin.c.get(`/api/v1/clients/${id}/resources`)).json.items;
  assert.deepEqual(list.map((x) => [x.title, x.template_id, x.template_version, x.status]).sort(),
    [['Contrôle de départ', t2.id, 1, 'draft'], ['Modèle de départ <i>un</i>', t1.id, 1, 'draft']]);
  // Another firm's template in the wizard: refused, no client.
  const n = Number(sqlValue(env, `SELECT COUNT(*) FROM clients WHERE firm_id = ${A.firm}`));
  r = await form(A.admin.c, '/clients', [...fields.filter(([k]) => k !== 'name'), ['name', uniqueName('Refusé ')],
    ['template_ids', B.template.id]]);
  expectPage(r, 404, 'wizard with B\'s template');
  assert.equal(Number(sqlValue(env, `SELECT COUNT(*) FROM clients WHERE firm_id = ${A.firm}`)), n);
});

test('a deployed copy links to its template\'s page; a resource saved as a template opens the new one', async () => {
  const t = await template({ type: 'document', title: 'Politique copiée', body: 'Première.' });
  const d = await A.admin.c.post(`/api/v1/templates/${t.id}/deploy`, { client_ids: [A.c1.id] });
  assert.equal(d.status, 201, d.text);
  const rid = d.json.deployed[0].resource_ids[0];
  let r = await A.am.c.get(`/resources/${rid}`);
  expectPage(r, 200, 'the copy');
  assert.match(r.text, new RegExp(`id="template-origin">[^<]*<a href="/templates/${t.id}">Politique copiée</a>`));
  r = await A.am.c.get(`/templates/${t.id}`);
  expectPage(r, 200, 'the template the copy links to');
  assert.match(r.text, /Copies déployées 1/);
  // Saving the copy as a template leads to the new template's page.
  const n = templates(A.firm);
  assert.equal((await form(A.am.c, `/resources/${rid}/template`, [], { csrf: false })).status, 403, 'no CSRF');
  assert.equal(templates(A.firm), n);
  r = await form(A.am.c, `/resources/${rid}/template`);
  expectRedirect(r, /^\/templates\/\d+\?done=template_saved$/, 'save as template');
  assert.equal(templates(A.firm), n + 1);
  r = await A.am.c.get(r.headers.location);
  expectPage(r, 200, 'the new template');
  assert.match(r.text, /class="flash" role="status">Enregistrée dans la bibliothèque comme nouveau modèle\./);
  assert.match(r.text, /<h1>Politique copiée<\/h1>/);
});

test('the navigation shows the library to admins and managers, not to establishment managers nor support', async () => {
  for (const [who, c, p] of [['admin', A.admin.c, '/clients'], ['account manager', A.am.c, '/clients']]) {
    assert.match((await c.get(p)).text, /<a href="\/templates" id="nav-library">Bibliothèque<\/a>/, who);
  }
  for (const [who, c, p] of [['establishment manager', A.em.c, '/clients'], ['support', support, '/admin']]) {
    const r = await c.get(p);
    assert.equal(r.status, 200, `${who}: ${p}`);
    assert.doesNotMatch(r.text, /href="\/templates"/, who);
  }
});
