// A user's edit page offers the first 500 clients by name to declare it
// vCISO of. In a bigger firm, the user's clients past them are not on the
// form: saving it keeps them (the form says what it offered), and a note
// says the list is cut. Unchecking an offered client still removes it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import { createFirm, createUser, httpTransport, loggedIn, sql } from '../lib/identity.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

let admin;
let firmId;
let am;
const byName = {};

// The fields a browser sends for the form posting to `action`: text and
// hidden inputs, checked boxes and radios; `uncheck` names boxes to clear.
function formBody(html, action, uncheck = []) {
  const from = html.indexOf(`action="${action}"`);
  assert.ok(from >= 0, `the form posting to ${action}`);
  const form = html.slice(from, html.indexOf('</form>', from));
  const attr = (tag, name) => {
    const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
    return m ? m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>').replace(/&amp;/g, '&') : null;
  };
  const fields = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const type = attr(tag, 'type') ?? 'text';
    const name = attr(tag, 'name');
    const value = attr(tag, 'value') ?? '';
    if (name === null) continue;
    if (['checkbox', 'radio'].includes(type)) {
      if (!/\schecked\b/.test(tag) || uncheck.some(([n, v]) => n === name && v === value)) continue;
    }
    fields.push([name, value]);
  }
  return new URLSearchParams(fields).toString();
}

const vcisoOf = (userId) => sql(env, `SELECT client_id FROM client_vcisos WHERE user_id = ${userId}
  ORDER BY client_id`).map((r) => r[0]);

before(async () => {
  const f = createFirm(env);
  firmId = f.firmId;
  admin = await loggedIn(http, f.email, f.password);
  sql(env, `INSERT INTO clients (firm_id, name, mission_type, plan, billing_mode)
    SELECT ${firmId}, CONCAT('Client ', LPAD(seq, 3, '0')), 'permanent', 'standard', 'intermediated'
    FROM seq_1_to_505`);
  for (const [id, name] of sql(env, `SELECT id, name FROM clients WHERE firm_id = ${firmId}`)) byName[name] = id;
  am = await createUser(admin, { role: 'account_manager' });
  const r = await admin.patch(`/api/v1/users/${am.id}`,
    { client_ids: [Number(byName['Client 001']), Number(byName['Client 505'])] });
  assert.equal(r.status, 200, r.text);
});

test('saving the edit form keeps the user\'s clients past the 500 it offers', async () => {
  const page = await admin.get(`/users/${am.id}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes('id="assign-clients-capped"'), 'the note');
  assert.ok(page.text.includes(`name="client_ids" value="${byName['Client 001']}" checked`), 'an offered client, checked');
  assert.ok(!page.text.includes(`name="client_ids" value="${byName['Client 505']}"`), 'the 505th not offered');
  let r = await admin.post(`/users/${am.id}`, undefined,
    { raw: formBody(page.text, `/users/${am.id}`), contentType: 'application/x-www-form-urlencoded' });
  assert.equal(r.status, 303, r.text);
  assert.deepEqual(vcisoOf(am.id), [byName['Client 001'], byName['Client 505']].sort((a, b) => a - b));

  const again = await admin.get(`/users/${am.id}`);
  r = await admin.post(`/users/${am.id}`, undefined, {
    raw: formBody(again.text, `/users/${am.id}`, [['client_ids', byName['Client 001']]]),
    contentType: 'application/x-www-form-urlencoded',
  });
  assert.equal(r.status, 303, r.text);
  assert.deepEqual(vcisoOf(am.id), [byName['Client 505']], 'unchecking an offered client removes it only');
});

test('the API replaces every client the caller may see, as before', async () => {
  const r = await admin.patch(`/api/v1/users/${am.id}`, { client_ids: [Number(byName['Client 002'])] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(vcisoOf(am.id), [byName['Client 002']]);
});

test('a firm of fewer clients gets no note', async () => {
  const f = createFirm(env);
  const small = await loggedIn(http, f.email, f.password);
  const u = await createUser(small, { role: 'account_manager' });
  const page = await small.get(`/users/${u.id}`);
  assert.equal(page.status, 200);
  assert.ok(!page.text.includes('id="assign-clients-capped"'));
  assert.ok(page.text.includes('name="client_ids_offered" value=""'), 'an empty list: nothing offered');
});
