// HTTP basics through nginx: pages, languages, system routes, 404/405, HEAD,
// security headers, static files, no server version leak.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { get, lockStack, securityHeaderProblems } from '../lib/testkit.mjs';

await lockStack();
const env = ensureStack();
const BASE = env.BASE_URL;

function assertSecurity(res, what, opts) {
  const problems = securityHeaderProblems(res.headers, opts);
  assert.deepEqual(problems, [], `${what}: security headers: ${problems.join('; ')}`);
}

function assertNoServerVersion(res, what) {
  const server = res.headers.get('server');
  // server_tokens off: "nginx" alone, no version number.
  assert.ok(server === null || !/\d/.test(server), `${what}: Server header leaks a version: ${server}`);
  assert.equal(res.headers.get('x-powered-by'), null, `${what}: X-Powered-By present`);
}

test('home page: 200 HTML in French by default, layout and stylesheet', async () => {
  const r = await get(`${BASE}/`);
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.match(r.headers.get('content-type'), /^text\/html; charset=utf-8$/i);
  assert.match(r.text, /^<!DOCTYPE html>/i, 'the page starts with the doctype');
  assert.match(r.text, /<html lang="fr">/);
  assert.match(r.text, /data-layout="rempart"/);
  assert.match(r.text, /<link rel="stylesheet" href="\/static\/rempart\.css">/);
  assert.match(r.text, /Pilotez la sécurité/);
  assert.match(r.text, /Base de données opérationnelle/);
  assert.doesNotMatch(r.text, /<script>|<script [^>]*>[^<]+<\/script>|<style[\s>]|\son[a-z]+=/i,
    'no inline script, style element or event handler attribute');
  assertSecurity(r, 'GET /');
  assertNoServerVersion(r, 'GET /');
});

test('home page: ?lang=en and Accept-Language: en give English', async () => {
  const q = await get(`${BASE}/?lang=en`);
  assert.equal(q.status, 200);
  assert.match(q.text, /<html lang="en">/);
  assert.match(q.text, /Steer the security of all your clients/);
  assert.match(q.text, /Database operational/);
  assert.doesNotMatch(q.text, /Pilotez la sécurité/);

  const al = await get(`${BASE}/`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
  assert.equal(al.status, 200);
  assert.match(al.text, /<html lang="en">/);
  assert.equal(al.text, q.text, 'Accept-Language: en renders the same page as ?lang=en');

  const fr = await get(`${BASE}/?lang=fr`, { headers: { 'Accept-Language': 'en' } });
  assert.match(fr.text, /<html lang="fr">/, '?lang= wins over Accept-Language');

  const other = await get(`${BASE}/`, { headers: { 'Accept-Language': 'de-DE' } });
  assert.match(other.text, /<html lang="fr">/, 'an unknown language falls back to French');
});

test('GET /ping answers pong', async () => {
  const r = await get(`${BASE}/ping`);
  assert.equal(r.status, 200);
  assert.equal(r.text, 'pong\n');
  assert.match(r.headers.get('content-type'), /^text\/plain/);
  assertSecurity(r, 'GET /ping');
});

test('GET /api/v1/health: JSON shape', async () => {
  const r = await get(`${BASE}/api/v1/health`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  const j = JSON.parse(r.text);
  assert.deepEqual(Object.keys(j).sort(), ['database', 'schema_version', 'status']);
  assert.equal(j.status, 'ok');
  assert.equal(j.database, 'ok');
  assert.ok(Number.isInteger(j.schema_version) && j.schema_version >= 1, `schema_version: ${j.schema_version}`);
  assertSecurity(r, 'GET /api/v1/health', { noStore: true });
  assertNoServerVersion(r, 'GET /api/v1/health');
});

test('404: HTML page outside /api/, JSON error under /api/', async () => {
  const h = await get(`${BASE}/no/such/page`);
  assert.equal(h.status, 404);
  assert.match(h.headers.get('content-type'), /^text\/html/);
  assert.match(h.text, /data-layout="rempart"/);
  assert.match(h.text, /<html lang="fr">/);
  assert.match(h.text, /Page introuvable/);
  assertSecurity(h, '404 HTML', { noStore: true });

  const hen = await get(`${BASE}/no/such/page?lang=en`);
  assert.equal(hen.status, 404);
  assert.match(hen.text, /<html lang="en">/);

  for (const p of ['/api/v1/nope', '/api/', '/api/v2/health', '/api/v1/health/']) {
    const j = await get(`${BASE}${p}`);
    assert.equal(j.status, 404, `${p}: ${j.text}`);
    assert.match(j.headers.get('content-type'), /^application\/json/, p);
    const body = JSON.parse(j.text);
    assert.deepEqual(Object.keys(body), ['error'], p);
    assert.equal(body.error.code, 'not_found', p);
    assert.equal(typeof body.error.message, 'string', p);
    assert.ok(body.error.message.length > 0, p);
    assert.equal(body.error.field, undefined, `${p}: no field for a 404`);
    assertSecurity(j, `404 JSON ${p}`, { noStore: true });
  }
});

test('405 with Allow on an existing path, for pages and the API', async () => {
  for (const [method, p, json] of [['POST', '/', false], ['DELETE', '/ping', false],
    ['POST', '/api/v1/health', true], ['PUT', '/api/v1/health', true], ['OPTIONS', '/api/v1/health', true]]) {
    const r = await get(`${BASE}${p}`, { method });
    assert.equal(r.status, 405, `${method} ${p}: ${r.text.slice(0, 200)}`);
    assert.equal(r.headers.get('allow'), 'GET, HEAD', `${method} ${p}`);
    assertSecurity(r, `${method} ${p}`, { noStore: true });
    if (json) {
      const body = JSON.parse(r.text);
      assert.equal(body.error.code, 'method_not_allowed');
    } else {
      assert.match(r.headers.get('content-type'), /^text\/html/);
      assert.match(r.text, /405/);
    }
  }
});

test('HEAD: same status and headers as GET, no body', async () => {
  for (const [p, status] of [['/', 200], ['/ping', 200], ['/api/v1/health', 200], ['/nope', 404], ['/api/v1/nope', 404]]) {
    const g = await get(`${BASE}${p}`);
    const h = await get(`${BASE}${p}`, { method: 'HEAD' });
    assert.equal(h.status, status, `HEAD ${p}`);
    assert.equal(h.text, '', `HEAD ${p} has no body`);
    assert.equal(h.headers.get('content-type'), g.headers.get('content-type'), `HEAD ${p} content-type`);
    assertSecurity(h, `HEAD ${p}`, { noStore: status >= 400 || p.startsWith('/api/') });
  }
  // The home page does not depend on the request id: same length.
  const g = await get(`${BASE}/`);
  const h = await get(`${BASE}/`, { method: 'HEAD' });
  assert.equal(h.headers.get('content-length'), String(Buffer.byteLength(g.text)));
});

test('Cache-Control: pages no-cache, API and errors no-store', async () => {
  const page = await get(`${BASE}/`);
  assert.match(page.headers.get('cache-control') || '', /no-cache|no-store/);
  for (const p of ['/api/v1/health', '/api/v1/nope', '/nope']) {
    const r = await get(`${BASE}${p}`);
    assert.match(r.headers.get('cache-control') || '', /no-store/, p);
  }
});

test('static files are served by nginx with the security headers', async () => {
  const css = await get(`${BASE}/static/rempart.css`);
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type'), /^text\/css/);
  assert.ok(css.text.length > 100, 'the stylesheet has content');
  assertSecurity(css, '/static/rempart.css');
  assertNoServerVersion(css, '/static/rempart.css');
  // nginx, not the app: no app-only header like Vary: Cookie.
  assert.doesNotMatch(css.headers.get('vary') || '', /Cookie/);

  const js = await get(`${BASE}/static/rempart.js`);
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type'), /javascript/);

  const missing = await get(`${BASE}/static/no-such-file.css`);
  assert.equal(missing.status, 404);
  assertSecurity(missing, '/static/ 404');

  const hidden = await get(`${BASE}/static/.hidden`);
  assert.equal(hidden.status, 404);
});

test('no Server version leak on any kind of answer', async () => {
  for (const p of ['/', '/nope', '/api/v1/nope', '/static/rempart.css', '/static/nope']) {
    const r = await get(`${BASE}${p}`);
    assertNoServerVersion(r, p);
    assert.doesNotMatch(r.text, /nginx\/\d/, `${p}: body names the nginx version`);
  }
});
