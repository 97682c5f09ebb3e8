// A worker under valgrind (memcheck, full leak check) serves a realistic
// mix with no memory error and no leak: anonymous and error paths, sign-in,
// then, on a client set up through that same worker (a framework adopted, a
// risk, an action, a resource, a template), the pages of the main features
// (client list, Pilot dashboard, compliance, report, risks, actions,
// resources, templates, frameworks, establishments, CSV exports), the JSON API lists, JSON writes (PATCH with the CSRF
// header), form writes (with the csrf_token field), and the refusals (no
// session 401, no CSRF 403, another id 404, bad input 400).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { BUILDDIR, SRCDIR, ensureStack } from '../lib/stack.mjs';
import { startInstance } from '../lib/instance.mjs';
import { fcgiRequest } from '../lib/fcgi.mjs';
import { fcgiTransport, loggedIn } from '../lib/identity.mjs';
import { makeClient } from '../lib/clients.mjs';

const N = Number(process.env.VALGRIND_REQUESTS || 1500);

const mix = [
  { uri: '/', status: 200 },
  { uri: '/?lang=en', status: 200, headers: { cookie: 'rempart_lang=en; a=b' } },
  { uri: '/ping', status: 200 },
  { uri: '/api/v1/health', status: 200 },
  { uri: '/nope', status: 404 },
  { uri: '/api/v1/nope', status: 404 },
  { uri: '/ping', method: 'DELETE', status: 405 },
  { uri: '/api/v1/%zz', status: 400 },
  { uri: '/?a=%zz', status: 400 },
  { uri: '/', status: 400, headers: { cookie: 'broken' } },
  { uri: '/api/v1/health', method: 'POST', body: '{"a":[1,2,{"b":"é"}]}', status: 405 },
  { uri: '/api/v1/health', method: 'POST', body: '{"a":', status: 400 },
  { uri: '/', method: 'POST', body: 'a=1&b=%C3%A9&c', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 405 },
  { uri: '/', method: 'POST', body: 'x'.repeat(2 * 1024 * 1024), status: 413 },
  { uri: '/?' + 'k=v&'.repeat(200), status: 200 },
];

test(`valgrind: ${N} mixed requests, no error, no leak`, { timeout: 600000 }, async () => {
  const inst = await startInstance({ 'fcgi.workers': '1', 'fcgi.request_timeout': '120', 'db.read_timeout': '60' }, {
    wrapper: ['valgrind', '--quiet', '--trace-children=yes', '--child-silent-after-fork=no',
      '--leak-check=full', '--errors-for-leak-kinds=definite,indirect', '--show-leak-kinds=definite,indirect',
      '--error-exitcode=99', '--log-file=VGDIR/vg.%p.log'],
    waitMs: 120000,
  });
  let logs = [];
  let served = false;
  try {
    // A firm admin, to run the signed-in paths (scrypt, sessions, CSRF,
    // users, audit) under valgrind too.
    const vars = ensureStack();
    const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const email = `vg-${tag}@valgrind.example`;
    execFileSync(path.join(BUILDDIR, 'app/rempart-admin'),
      ['-c', vars.REMPART_CONFIG, 'create-firm', `Valgrind ${tag}`, email, '--password-stdin'],
      { input: 'valgrind admin passphrase\n' });
    const login = await fcgiRequest(inst.socket, { method: 'POST', uri: '/api/v1/session',
      body: JSON.stringify({ email, password: 'valgrind admin passphrase' }) }, 120000);
    assert.equal(login.status, 201, login.body);
    const cookie = login.headers['set-cookie'].split(';')[0];
    const csrf = JSON.parse(login.body).csrf_token;
    const auth = { cookie, 'x-csrf-token': csrf };
    mix.push(
      { uri: '/api/v1/me', headers: auth, status: 200 },
      { uri: '/api/v1/users?limit=5&q=vg', headers: auth, status: 200 },
      { uri: '/account', headers: auth, status: 200 },
      { uri: '/users', headers: auth, status: 200 },
      { uri: '/users/new', headers: auth, status: 200 },
      { uri: '/api/v1/me', method: 'PATCH', headers: auth, body: '{"first_name":"Val","lang":"en"}', status: 200 },
      { uri: '/api/v1/users', method: 'POST', headers: auth, body: '{"email":"x","first_name":"a"}', status: 400 },
      { uri: '/api/v1/me', method: 'PATCH', headers: { cookie }, body: '{"first_name":"No"}', status: 403 },
      { uri: '/api/v1/users/999999999', headers: auth, status: 404 },
    );
    // Framework import: the JSON and CSV readers and the validator, on a
    // document refused by the validator and on one refused by the
    // database check (the platform's own code and version), and the page.
    const doc = JSON.parse(fs.readFileSync(path.join(SRCDIR, 'docs/framework-sample.json'), 'utf8'));
    const bad = { ...doc, requirements: [...doc.requirements, { ...doc.requirements[1], parent_ref: 'ACC-1' }] };
    const csv = fs.readFileSync(path.join(SRCDIR, 'docs/framework-sample.csv'), 'utf8');
    const upload = `--vgb\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n${csrf}\r\n`
      + `--vgb\r\nContent-Disposition: form-data; name="code"\r\n\r\nvg\r\n`
      + `--vgb\r\nContent-Disposition: form-data; name="file"; filename="f.csv"\r\n\r\n${csv}x,,1\r\n--vgb--\r\n`;
    mix.push(
      { uri: '/api/v1/frameworks', method: 'POST', headers: auth, body: JSON.stringify(bad), status: 400 },
      { uri: '/api/v1/frameworks', method: 'POST', headers: auth,
        body: JSON.stringify({ ...doc, code: 'nist-csf', version: '2.0' }), status: 409 },
      { uri: '/frameworks/import', headers: auth, status: 200 },
      { uri: '/frameworks/import', method: 'POST', headers: { cookie, 'content-type': 'multipart/form-data; boundary=vgb' },
        body: upload, status: 400 },
    );
    // The Pilot features, set up through the worker under valgrind.
    const api = await loggedIn(fcgiTransport(inst.socket), email, 'valgrind admin passphrase');
    const made = async (what, r) => {
      assert.equal(r.status, 201, `${what}: ${r.text.slice(0, 300)}`);
      return r.json;
    };
    const client = await makeClient(api);
    const c = client.id;
    const anssi = (await api.get('/api/v1/frameworks')).json.items.find((f) => f.code === 'anssi-hygiene');
    await made('framework', await api.post(`/api/v1/clients/${c}/frameworks`, { framework_id: anssi.id }));
    const risk = await made('risk', await api.post(`/api/v1/clients/${c}/risks`,
      { title: 'Ransomware', likelihood: 3, impact: 4 }));
    const action = await made('action', await api.post(`/api/v1/clients/${c}/actions`,
      { title: 'Offline backups', risk_ids: [risk.id] }));
    const resource = await made('resource', await api.post(`/api/v1/clients/${c}/resources`,
      { type: 'document', title: 'Backup policy', body: '# Policy\n\n*Daily* [copies](https://example.org/).' }));
    const template = await made('template', await api.post('/api/v1/templates',
      { type: 'document', title: 'Password policy', body: 'Line one\nLine two' }));
    const req = (await api.get(`/api/v1/frameworks/${anssi.id}`)).json.requirements.find((r) => r.assessable);
    const a2 = { cookie: api.cookieHeader(), 'x-csrf-token': api.csrf };
    const form = (fields) => ({ method: 'POST', headers: { cookie: a2.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf_token: api.csrf, ...fields }).toString() });
    let n = 0;
    mix.push(
      { uri: '/clients', headers: a2, status: 200 },
      { uri: `/clients/${c}`, headers: a2, status: 200 },
      { uri: `/clients/${c}/pilot`, headers: a2, status: 200 },
      { uri: `/clients/${c}/compliance?framework_id=${anssi.id}&page=2`, headers: a2, status: 200 },
      { uri: `/clients/${c}/compliance.csv?framework_id=${anssi.id}`, headers: a2, status: 200 },
      { uri: `/clients/${c}/report`, headers: a2, status: 200 },
      { uri: `/clients/${c}/risks?sort=title`, headers: a2, status: 200 },
      { uri: `/clients/${c}/risks.csv`, headers: a2, status: 200 },
      { uri: `/risks/${risk.id}`, headers: a2, status: 200 },
      { uri: `/clients/${c}/actions`, headers: a2, status: 200 },
      { uri: `/actions/${action.id}`, headers: a2, status: 200 },
      { uri: `/clients/${c}/resources`, headers: a2, status: 200 },
      { uri: `/resources/${resource.id}`, headers: a2, status: 200 },
      { uri: '/templates', headers: a2, status: 200 },
      { uri: `/templates/${template.id}`, headers: a2, status: 200 },
      { uri: '/frameworks', headers: a2, status: 200 },
      { uri: `/frameworks/${anssi.id}`, headers: a2, status: 200 },
      { uri: `/clients/${c}/establishments`, headers: a2, status: 200 },
      { uri: '/api/v1/clients?limit=10', headers: a2, status: 200 },
      { uri: `/api/v1/clients/${c}/pilot`, headers: a2, status: 200 },
      { uri: `/api/v1/clients/${c}/compliance?framework_id=${anssi.id}`, headers: a2, status: 200 },
      { uri: `/api/v1/clients/${c}/risks?sort=score&status=open`, headers: a2, status: 200 },
      { uri: `/api/v1/clients/${c}/audit`, headers: a2, status: 200 },
      { uri: '/api/v1/templates', headers: a2, status: 200 },
      { get uri() { return `/api/v1/risks/${risk.id}`; }, method: 'PATCH', headers: a2,
        get body() { n++; return JSON.stringify({ title: `Ransomware ${n}`, likelihood: 1 + (n % 5) }); }, status: 200 },
      { uri: `/api/v1/clients/${c}/compliance/${req.id}`, method: 'PATCH', headers: a2,
        body: '{"status":"partial","comment":"Half done, \u00e9t\u00e9 2026"}', status: 200 },
      { uri: `/api/v1/actions/${action.id}`, method: 'PATCH', headers: a2, body: '{"status":"in_progress"}', status: 200 },
      { uri: `/risks/${risk.id}`, ...form({ title: 'Ransomware (form)', status: 'open', requirement_ids_present: '1' }),
        status: 303 },
      { uri: `/risks/${risk.id}`, ...form({ title: 'Kept', likelihood: '9' }), status: 400 },
      { uri: `/api/v1/clients/${c}/risks`, method: 'POST', headers: a2, body: '{"title":"","likelihood":7}', status: 400 },
      { uri: `/api/v1/risks/${risk.id}`, method: 'PATCH', headers: { cookie: a2.cookie }, body: '{"title":"x"}', status: 403 },
      { uri: `/risks/${risk.id}`, method: 'POST', headers: { cookie: a2.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'title=x', status: 403 },
      { uri: `/api/v1/clients/${c}/pilot`, status: 401 },
      { uri: '/api/v1/clients/999999999/pilot', headers: a2, status: 404 },
      { uri: '/risks/999999999', headers: a2, status: 404 },
    );
    for (let i = 0; i < N; i++) {
      const m = mix[i % mix.length];
      const r = await fcgiRequest(inst.socket, { method: m.method || 'GET', ...m }, 60000);
      assert.equal(r.status, m.status, `request ${i} ${m.method || 'GET'} ${m.uri.slice(0, 60)}: ${r.body.slice(0, 300)}`);
    }
    served = true;
  } finally {
    // A failed request: stop the instance, or it keeps this process alive.
    if (!served) await inst.stop();
  }
  // Stop the master: the worker exits normally, so valgrind checks its leaks.
  inst.child.kill('SIGTERM');
  await inst.exited;
  logs = fs.readdirSync(inst.vgdir).filter((f) => f.startsWith('vg.')).map((f) => path.join(inst.vgdir, f));
  const text = logs.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  await inst.stop();
  assert.ok(logs.length >= 2, 'valgrind logs for master and worker');
  assert.doesNotMatch(text, /Invalid (read|write|free)|uninitialised|definitely lost: [1-9]|indirectly lost: [1-9]/, text.slice(0, 4000));
  assert.doesNotMatch(text, /ERROR SUMMARY: [1-9]/, text.slice(0, 4000));
});
