// The vCISO choices of a client's settings page and of the new-client
// wizard: every active consultant of the firm the caller manages, whatever
// the number of establishment managers named before them; past 500, a note
// says so, and the members already on the team stay offered, checked, so
// that saving the form keeps them.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import { createFirm, httpTransport, loggedIn, sql, RUN } from '../lib/identity.mjs';
import { makeClient } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);

let admin;
let firmId;
let other;

// Users straight into the table (they never sign in): `count` of `role`
// named `last` 0001.., with e-mails unique to this run.
function insertUsers(firm, role, last, count, { active = 1 } = {}) {
  sql(env, `INSERT INTO users (firm_id, email, first_name, last_name, role, password_hash, active)
    SELECT ${firm}, CONCAT('${RUN}-', '${last}', seq, '@team.rempart.test'), 'Test',
    CONCAT('${last} ', LPAD(seq, 4, '0')), '${role}', 'x', ${active} FROM seq_1_to_${count}`);
}
const idOf = (last) => sql(env, `SELECT id FROM users WHERE firm_id = ${firmId}
  AND last_name = '${last}'`)[0][0];

// The checkboxes of the form posting to `action`: [user id, checked].
function choices(html, action, name) {
  const from = html.indexOf(`action="${action}"`);
  assert.ok(from >= 0, `the form posting to ${action}`);
  const form = html.slice(from, html.indexOf('</form>', from));
  return [...form.matchAll(new RegExp(`<input type="checkbox" name="${name}" value="(\\d+)"( checked)?>`, 'g'))]
    .map((m) => [m[1], m[2] !== undefined]);
}

before(async () => {
  const f = createFirm(env);
  firmId = f.firmId;
  admin = await loggedIn(http, f.email, f.password);
  other = createFirm(env).firmId;
});

test('every active consultant is offered, however many establishment managers come first by name', async () => {
  insertUsers(firmId, 'establishment_manager', 'Aaron', 600);
  insertUsers(firmId, 'account_manager', 'Zed', 3);
  insertUsers(firmId, 'account_manager', 'Zoe off', 1, { active: 0 });
  insertUsers(other, 'account_manager', 'Zed elsewhere', 1);
  const k = await makeClient(admin, { vciso_ids: [admin.user.id] });
  const page = await admin.get(`/clients/${k.id}`);
  assert.equal(page.status, 200);
  const offered = choices(page.text, `/clients/${k.id}/vcisos`, 'user_ids').map((c) => c[0]);
  const want = sql(env, `SELECT id FROM users WHERE firm_id = ${firmId} AND active = 1
    AND role <> 'establishment_manager' ORDER BY CONCAT(last_name, ' ', first_name), id`).map((r) => r[0]);
  assert.equal(want.length, 4, 'the admin and three consultants');
  assert.deepEqual(offered, want);
  assert.ok(!page.text.includes('id="team-more"'), 'no note under the limit');
  const wizard = await admin.get('/clients/new');
  assert.deepEqual(choices(wizard.text, '/clients', 'vciso_ids').map((c) => c[0]), want);
});

test('past 500 people: a note, and a member past the limit stays offered and checked, so saving keeps it', async () => {
  insertUsers(firmId, 'account_manager', 'Mid', 510);
  const last = 'Zz last 0001';
  insertUsers(firmId, 'account_manager', 'Zz last', 1);
  const member = idOf(last);
  const k = await makeClient(admin, { vciso_ids: [admin.user.id, Number(member)] });
  const page = await admin.get(`/clients/${k.id}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes('id="team-more"'), 'the note');
  const offered = choices(page.text, `/clients/${k.id}/vcisos`, 'user_ids');
  assert.equal(offered.length, 501, 'the first 500 by name, then the member past them');
  assert.deepEqual(offered[500], [member, true]);
  assert.deepEqual(offered.filter((c) => c[1]).map((c) => c[0]).sort(), [String(admin.user.id), member].sort());
  // Saving the form as it is keeps the team.
  const csrf = page.text.match(/name="csrf_token" value="([^"]*)"/)[1];
  const body = new URLSearchParams([['csrf_token', csrf], ['user_ids_present', '1'],
    ...offered.filter((c) => c[1]).map((c) => ['user_ids', c[0]])]).toString();
  const r = await admin.post(`/clients/${k.id}/vcisos`, undefined,
    { raw: body, contentType: 'application/x-www-form-urlencoded' });
  assert.equal(r.status, 303, r.text);
  const team = sql(env, `SELECT user_id FROM client_vcisos WHERE client_id = ${k.id} ORDER BY user_id`)
    .map((x) => x[0]);
  assert.deepEqual(team, [String(admin.user.id), member].sort((a, b) => a - b));
});
