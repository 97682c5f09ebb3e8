// Malformed requests through nginx (and a few straight to the FastCGI
// socket): each answers its exact 4xx, never a 500 or 502, the JSON error
// names the faulty field, and no worker dies of any of them.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ensureStack, rawRequest } from '../lib/stack.mjs';
import { cgiParams, openRequest } from '../lib/fcgi.mjs';
import {
  childrenOf, fileSize, get, lockStack, parseRaw, rawExchange, readPid,
  readSince, securityHeaderProblems,
} from '../lib/testkit.mjs';

await lockStack();
const env = ensureStack();
const BASE = env.BASE_URL;
const LOG_DIR = env.STACK_LOG_DIR || path.join(env.STACK_DIR, 'log');
const FCGI_LOG = path.join(LOG_DIR, 'rempart-fcgi.log');
const NGINX_ERR = path.join(LOG_DIR, 'nginx-error.log');

// Taken before any malformed request: checked again at the end.
const master = readPid(env.STACK_FCGI_PID_FILE);
const workersBefore = childrenOf(master);
const fcgiLogStart = fileSize(FCGI_LOG);
const nginxLogStart = fileSize(NGINX_ERR);

const host = new URL(BASE).host;

// One raw HTTP/1.1 request, closed by the server after the answer.
async function raw(target, { method = 'GET', headers = {}, body = '' } = {}) {
  let text = `${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n`;
  for (const [k, v] of Object.entries(headers)) text += `${k}: ${v}\r\n`;
  if (body) text += `Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n`;
  text += `\r\n${body}`;
  const r = await rawRequest(BASE, text);
  return { ...parseRaw(r.raw), raw: r.raw };
}

// The JSON error of SPEC §4, with the expected status, code and field.
function assertJsonError(what, r, status, field, code) {
  const ctype = r.headers.get ? r.headers.get('content-type') : r.headers['content-type'];
  const body = r.text ?? r.body;
  assert.equal(r.status, status, `${what}: status ${r.status}, body ${String(body).slice(0, 300)}`);
  assert.match(ctype || '', /^application\/json/, `${what}: content type ${ctype}`);
  let j;
  assert.doesNotThrow(() => { j = JSON.parse(body); }, `${what}: body is JSON: ${body}`);
  assert.equal(typeof j.error, 'object', `${what}: {"error":{...}}`);
  assert.equal(typeof j.error.code, 'string', `${what}: error.code`);
  assert.equal(typeof j.error.message, 'string', `${what}: error.message`);
  assert.ok(j.error.message.length > 0, `${what}: error.message is empty`);
  if (code) assert.equal(j.error.code, code, `${what}: error.code`);
  assert.equal(j.error.field, field, `${what}: error.field`);
  const problems = securityHeaderProblems(r.headers, { noStore: true });
  assert.deepEqual(problems, [], `${what}: ${problems.join('; ')}`);
  return j;
}

test('path: malformed percent-encoding answered 400 by nginx (never 5xx)', async () => {
  // nginx itself rejects invalid %-escapes and %00 in the request target
  // before any location applies; whoever answers, it is a 400.
  for (const target of ['/api/v1/%zz', '/api/v1/%', '/api/v1/%4', '/api/v1/%00', '/%zz', '/api/v1/health%g0']) {
    const r = await raw(target);
    assert.equal(r.status, 400, `${target}: ${r.raw.slice(0, 300)}`);
    if (/json/.test(r.headers['content-type'] || '')) assertJsonError(target, r, 400, 'path');
    // nginx's own error pages carry the security headers too.
    assert.match(r.headers['content-security-policy'] || '', /frame-ancestors 'none'/, `${target}: CSP`);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', `${target}: nosniff`);
  }
});

test('path: escapes nginx lets through (bad UTF-8, control chars) -> 400 field "path"', async () => {
  for (const target of ['/api%2Fv1%2Fhealth', '/api/v1/%ff', '/api/v1/%c3%28', '/api/v1/%c0%af', '/api/v1/%ed%a0%80',
    '/api/v1/%f4%90%80%80', '/api/v1/%01', '/api/v1/%7f', '/api/v1/%e2%82']) {
    const r = await raw(target);
    assertJsonError(target, r, 400, 'path', 'bad_request');
  }
  // Outside /api/: the HTML error page, with the security headers.
  const h = await raw('/%ff');
  assert.equal(h.status, 400);
  assert.match(h.headers['content-type'] || '', /^text\/html/);
  assert.match(h.body, /data-layout="rempart"/);
  assert.deepEqual(securityHeaderProblems(h.headers, { noStore: true }), []);
});

test('path: longer than the app limit -> 414 field "path"', async () => {
  const r = await raw(`/api/v1/${'a'.repeat(2100)}`);
  assertJsonError('long path', r, 414, 'path', 'uri_too_long');
});

test('query: malformed -> 400 field "query"', async () => {
  const many = Array.from({ length: 300 }, (_, i) => `k${i}=1`).join('&');
  for (const q of ['a=%zz', 'a=%', 'a=%4', 'a=%00', 'a=%ff', 'a=%c0%af', '=1', '%01=1', 'a=%7f', many]) {
    const r = await get(`${BASE}/api/v1/health?${q}`);
    assertJsonError(`?${q.slice(0, 40)}`, r, 400, 'query', 'bad_request');
  }
  // A page answers the HTML error page.
  const h = await get(`${BASE}/?a=%zz`);
  assert.equal(h.status, 400);
  assert.match(h.headers.get('content-type'), /^text\/html/);
  assert.match(h.text, /data-layout="rempart"/);
  // Harmless shapes are accepted.
  for (const q of ['a=1&&b=2', 'a=', 'a', 'a+b=c%20d', 'lang=en&x=%C3%A9']) {
    const r = await get(`${BASE}/api/v1/health?${q}`);
    assert.equal(r.status, 200, `?${q}: ${r.text}`);
  }
});

test('cookie: malformed -> 400 field "cookie"', async () => {
  const bad = ['a', 'a=1; b', '=v', 'a=1; =2', 'a=\x01b', 'a=b\x7f', 'a="quoted"', 'a=b"c',
    'a=b\\c', 'a=1,b=2', `a=${'x'.repeat(5000)}`,
    Array.from({ length: 60 }, (_, i) => `c${i}=1`).join('; ')];
  for (const c of bad) {
    const r = await raw('/api/v1/health', { headers: { Cookie: c } });
    assertJsonError(`Cookie ${JSON.stringify(c.slice(0, 40))}`, r, 400, 'cookie', 'bad_request');
  }
  const h = await raw('/', { headers: { Cookie: 'a' } });
  assert.equal(h.status, 400, h.raw.slice(0, 300));
  assert.match(h.headers['content-type'] || '', /^text\/html/);
  for (const c of ['a=1', 'a=1; b=2', 'a=1;b=2', 'a=1; ', 'rempart_lang=en']) {
    const r = await raw('/api/v1/health', { headers: { Cookie: c } });
    assert.equal(r.status, 200, `Cookie ${JSON.stringify(c)}: ${r.raw.slice(0, 300)}`);
  }
});

test('header line of 10 KB -> 400 from nginx', async () => {
  for (const [name, value] of [['X-Big', 'x'.repeat(10240)], ['Cookie', `a=${'x'.repeat(10240)}`]]) {
    const r = await raw('/api/v1/health', { headers: { [name]: value } });
    assert.equal(r.status, 400, `${name} of 10 KB: ${r.raw.slice(0, 300)}`);
  }
});

const JSON_HDR = { 'Content-Type': 'application/json' };

test('JSON body: malformed -> 400 field "body"', async () => {
  const deep = `${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`;
  const bodies = ['{', '}', '[1]', '"s"', '1', 'null', '{"a":1} x', '{"a":1}{"b":2}', '{"a":1,}',
    '{"a":01}', '{"a":.5}', '{"a":"\\x"}', '{a:1}', '{"a":1 /* c */}', '{"a":"\u0001"}', '', deep, Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])];
  for (const b of bodies) {
    const r = await get(`${BASE}/api/v1/health`, { method: 'POST', headers: JSON_HDR, body: b });
    assertJsonError(`JSON ${JSON.stringify(String(b).slice(0, 30))}`, r, 400, 'body', 'invalid_json');
  }
  // A well-formed body passes the parser: the router then answers 405.
  for (const b of ['{"a":1}', ' {"a":[1,2,{"b":null}]} ', `${'{"a":'.repeat(10)}1${'}'.repeat(10)}`]) {
    const r = await get(`${BASE}/api/v1/health`, { method: 'POST', headers: JSON_HDR, body: b });
    assert.equal(r.status, 405, `${b}: ${r.text}`);
  }
  // The parser runs before routing: a malformed body on an unknown path is
  // a 400 too.
  const r = await get(`${BASE}/api/v1/nope`, { method: 'POST', headers: JSON_HDR, body: '{' });
  assertJsonError('JSON on an unknown path', r, 400, 'body', 'invalid_json');
});

// json-c 0.16, even with JSON_TOKENER_STRICT, accepts these RFC 8259
// violations; the app's own syntax check (app/jsoncheck.c) refuses them.
test('JSON body: non-standard JSON json-c tolerates -> 400 field "body"', async () => {
  const bad = ["{'a':1}", '{"a":NaN}', '{"a":Infinity}', '{"a":-Infinity}', '{"a":1.}', '{"a":1.e5}',
    '{"a":"\\u0000"}'];
  const wrong = [];
  for (const b of bad) {
    const r = await get(`${BASE}/api/v1/health`, { method: 'POST', headers: JSON_HDR, body: b });
    if (r.status !== 400) wrong.push(`${b} -> ${r.status}`);
  }
  assert.deepEqual(wrong, [], 'accepted as JSON');
});

test('form body: malformed -> 400; the API refuses forms (415)', async () => {
  const r = await get(`${BASE}/`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=%zz',
  });
  assert.equal(r.status, 400, r.text);
  // A cross-site HTML form cannot post JSON: the API takes JSON only.
  const f = await get(`${BASE}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=a%40b.c&password=x',
  });
  assertJsonError('form to the API', f, 415, 'content_type', 'unsupported_media_type');
});

test('unknown content type with a body -> 415', async () => {
  for (const ct of ['text/xml', 'application/octet-stream', 'multipart/form-data; boundary=x', 'application/jsonx']) {
    const r = await get(`${BASE}/api/v1/health`, { method: 'POST', headers: { 'Content-Type': ct }, body: '<a/>' });
    assert.equal(r.status, 415, `${ct}: ${r.text}`);
    const j = JSON.parse(r.text);
    assert.equal(j.error.code, 'unsupported_media_type', ct);
    assert.deepEqual(securityHeaderProblems(r.headers, { noStore: true }), []);
  }
});

test('body size: 1 MiB accepted, 1 MiB + 1 byte -> 413 from the app, 3 MiB -> 413', async () => {
  const MiB = 1024 * 1024;
  // Exactly the cap, as a valid JSON object: accepted by the parser (405).
  const exact = `{"a":"${'x'.repeat(MiB - 8)}"}`;
  assert.equal(Buffer.byteLength(exact), MiB);
  const ok = await get(`${BASE}/api/v1/health`, { method: 'POST', headers: JSON_HDR, body: exact }, 30000);
  assert.equal(ok.status, 405, `1 MiB body: ${ok.text.slice(0, 200)}`);

  const over = `{"a":"${'x'.repeat(MiB - 7)}"}`;
  assert.equal(Buffer.byteLength(over), MiB + 1);
  const r = await get(`${BASE}/api/v1/health`, { method: 'POST', headers: JSON_HDR, body: over }, 30000);
  assertJsonError('1 MiB + 1', r, 413, 'body', 'payload_too_large');

  // Above nginx's client_max_body_size (2m): nginx answers 413 itself.
  const big = await get(`${BASE}/api/v1/health`, { method: 'POST', headers: JSON_HDR, body: 'x'.repeat(3 * MiB) }, 30000);
  assert.equal(big.status, 413, `3 MiB body: ${big.status}`);
  // The same on a page path.
  const page = await get(`${BASE}/`, { method: 'POST', headers: JSON_HDR, body: over }, 30000);
  assert.equal(page.status, 413);
  assert.match(page.headers.get('content-type'), /^text\/html/);
});

test('body shorter than Content-Length does not hang (through nginx)', async () => {
  // The client announces 100 bytes, sends 6, then closes its side: nginx
  // must give up at once rather than wait, and never answer 5xx.
  const head = `POST /api/v1/health HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
    'Content-Length: 100\r\nConnection: close\r\n\r\n';
  const r = await rawExchange(BASE, [head, '{"a":1'], { halfClose: true, timeoutMs: 15000 });
  assert.ok(r.closed, `the connection is still open after ${r.ms} ms`);
  assert.ok(r.status === 0 || (r.status >= 400 && r.status < 500), `answer: ${r.raw.slice(0, 200)}`);
});

// One request straight to the app's FastCGI socket (no nginx to normalise
// it): `params` as built, then `body` as the whole STDIN stream.
async function fcgi(params, body) {
  const r = openRequest(env.STACK_FCGI_SOCKET, params);
  r.sendBody(body);
  const timer = setTimeout(() => r.destroy(), 15000);
  try {
    return await r.response;
  } finally {
    clearTimeout(timer);
  }
}

const POST_JSON = { method: 'POST', uri: '/api/v1/health', headers: { 'content-type': 'application/json' } };

test('body shorter than CONTENT_LENGTH, straight to the app -> 400 field "body"', async () => {
  const params = { ...cgiParams({ ...POST_JSON, body: '' }), CONTENT_LENGTH: '100' };
  const r = await fcgi(params, '{"a":1');
  assertJsonError('short body', r, 400, 'body', 'bad_request');
});

test('bad or huge CONTENT_LENGTH, straight to the app -> 400 / 413 before reading', async () => {
  for (const [cl, status, field] of [['abc', 400, 'content_length'], ['-1', 400, 'content_length'],
    ['1e3', 400, 'content_length'], [' 12', 400, 'content_length'], ['99999999999999999999999', 400, 'content_length'],
    ['1048577', 413, 'body'], ['4000000000000', 413, 'body']]) {
    const params = { ...cgiParams({ ...POST_JSON, body: '' }), CONTENT_LENGTH: cl };
    const r = await fcgi(params, '');
    assertJsonError(`CONTENT_LENGTH=${JSON.stringify(cl)}`, r, status, field);
  }
});

test('after all of that: the app answers, no worker died, no 502', async () => {
  for (const p of ['/', '/api/v1/health', '/ping']) {
    const r = await get(`${BASE}${p}`);
    assert.equal(r.status, 200, `${p}: ${r.status}`);
  }
  assert.equal(readPid(env.STACK_FCGI_PID_FILE), master, 'the master pid changed');
  assert.deepEqual(childrenOf(master), workersBefore, 'the worker pids changed: a worker died or was replaced');
  const log = readSince(FCGI_LOG, fcgiLogStart);
  assert.doesNotMatch(log, /killed by signal/, `rempart-fcgi log:\n${log}`);
  assert.doesNotMatch(log, /respawning/, `rempart-fcgi log:\n${log}`);
  const nlog = readSince(NGINX_ERR, nginxLogStart);
  assert.doesNotMatch(nlog, /upstream prematurely closed|connect\(\) to unix:.* failed/, `nginx error log:\n${nlog}`);
});
