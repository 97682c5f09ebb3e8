// The copies kept on write for the hot reads (sql/012-read-paths.sql): a
// user's feature and profile-field keys (the session check), a firm's
// client count (an admin's unfiltered client list), a client's
// establishment count and vCISO team. After every kind of change, through
// the API, each copy equals what the source tables say, for every row of
// the database (the other tests' rows included); and the client list
// answers the same with and without filters.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import { createFirm, httpTransport, loggedIn, sql } from '../lib/identity.mjs';
import { makeClient, makeEstab, person } from '../lib/clients.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);
let admin;

before(async () => {
  const f = createFirm(env);
  admin = await loggedIn(http, f.email, f.password);
});

// Rows whose copy differs from its source: none expected.
function drift() {
  return {
    users: sql(env, `SELECT u.id FROM users u WHERE u.feature_keys <> COALESCE((SELECT GROUP_CONCAT(f.feature
      ORDER BY f.feature) FROM user_features f WHERE f.user_id = u.id), '') OR u.profile_keys <> COALESCE((SELECT
      GROUP_CONCAT(p.field ORDER BY p.field) FROM user_profile_fields p WHERE p.user_id = u.id), '')`),
    firms: sql(env, `SELECT fi.id FROM firms fi WHERE fi.clients_count <>
      (SELECT COUNT(*) FROM clients c WHERE c.firm_id = fi.id)`),
    clients: sql(env, `SELECT c.id FROM clients c WHERE c.establishments_count <> (SELECT COUNT(*) FROM
      establishments e WHERE e.client_id = c.id AND e.merged_into IS NULL) OR c.vciso_ids <> COALESCE((SELECT
      GROUP_CONCAT(v.user_id ORDER BY v.user_id) FROM client_vcisos v WHERE v.client_id = c.id), '')`),
  };
}

test('every copy follows its source through creates, team changes, merges and rights changes', async () => {
  const c1 = await makeClient(admin);
  const c2 = await makeClient(admin);
  const e1 = await makeEstab(admin, c1.id);
  const e2 = await makeEstab(admin, c1.id);
  await makeEstab(admin, c2.id);
  const m = await person(http, admin, 'account_manager', { client_ids: [c1.id],
    features: ['profile.read', 'profile.edit', 'self'], profile_fields: ['city', 'phone'] });
  let r = await admin.put(`/api/v1/clients/${c2.id}/vcisos`, { user_ids: [admin.user.id, m.id] });
  assert.equal(r.status, 200, r.text);
  r = await admin.patch(`/api/v1/users/${m.id}`, { features: ['profile.read', 'self'], profile_fields: [] });
  assert.equal(r.status, 200, r.text);
  r = await admin.post(`/api/v1/establishments/${e2.id}/merge`, { into: e1.id });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(drift(), { users: [], firms: [], clients: [] });
  // What the API shows comes from the copies.
  const one = (await admin.get(`/api/v1/clients/${c2.id}`)).json;
  assert.deepEqual(one.vciso_ids, [admin.user.id, m.id].sort((a, b) => a - b));
  const list = (await admin.get('/api/v1/clients?limit=500')).json;
  assert.equal(list.total, 2, 'the firm count');
  const filtered = (await admin.get('/api/v1/clients?limit=500&plan=' + c1.plan)).json;
  assert.equal(filtered.total, filtered.items.length, 'a filtered total is counted');
  const me = (await m.c.get('/api/v1/me')).json;
  assert.deepEqual(me.features.sort(), ['profile.read', 'self']);
  assert.deepEqual(me.profile_fields, []);
});
