// Rendered pages pass Debian's `tidy -q -e` without errors (warnings are
// reported as diagnostics, not failures). The 503 page is checked by
// tests/fault/database.mjs while the database is down.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { get, lockStack, tidy } from '../lib/testkit.mjs';

await lockStack();
const env = ensureStack();
const BASE = env.BASE_URL;

const pages = [
  ['home, French', '/', {}, 200],
  ['home, English', '/?lang=en', {}, 200],
  ['home, Accept-Language: en', '/', { headers: { 'Accept-Language': 'en' } }, 200],
  ['404 page, French', '/no/such/page', {}, 404],
  ['404 page, English', '/no/such/page?lang=en', {}, 404],
  ['400 page (malformed query)', '/?a=%zz', {}, 400],
  ['405 page', '/ping', { method: 'POST' }, 405],
  ['413 page', '/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(1024 * 1024 + 1) }, 413],
  ['nginx 502/504 page (static)', '/static/unavailable.html', {}, 200],
];

for (const [name, p, init, status] of pages) {
  test(`tidy: ${name} (${p})`, async (t) => {
    const r = await get(`${BASE}${p}`, init, 30000);
    assert.equal(r.status, status, `${p}: ${r.status}`);
    assert.match(r.headers.get('content-type') || '', /^text\/html/);
    const td = tidy(r.text);
    if (td.output) t.diagnostic(`tidy (exit ${td.status}):\n${td.output}`);
    assert.ok(td.status !== null, 'tidy ran to the end');
    assert.ok(td.status < 2, `tidy finds errors (exit ${td.status}) in ${p}:\n${td.output}`);
  });
}
