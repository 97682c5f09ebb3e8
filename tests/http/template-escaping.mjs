// Values a page prints only when they are set, with a fallback otherwise
// (a session's browser, a user's name, a risk's owner): the templates
// print them with if:/var:/else, escaped like every value. ClearSilver's
// alt: command, which they used before, writes its value as it is, without
// the escaping var: applies: a User-Agent or a name made of markup came
// out as markup. tests/unit/test-tmpl refuses alt: in any template.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStack } from '../lib/stack.mjs';
import { lockStack } from '../lib/testkit.mjs';
import { createFirm, createUser, httpTransport, loggedIn } from '../lib/identity.mjs';
import { makeClient } from '../lib/clients.mjs';
import { htmlEscape } from '../lib/lang.mjs';

await lockStack();
const env = ensureStack();
const http = httpTransport(env.BASE_URL);
const MARKUP = '<script>alert("x")</script> & \'Tom\'';

const A = {};

before(async () => {
  const fa = createFirm(env);
  A.fa = fa;
  A.admin = await loggedIn(http, fa.email, fa.password);
});

test('a session\'s User-Agent on /account is text, never markup', async () => {
  const agent = (t) => (req) => t({ ...req, headers: { ...req.headers, 'user-agent': MARKUP } });
  const c = await loggedIn(agent(http), A.fa.email, A.fa.password);
  const r = await c.get('/account');
  assert.equal(r.status, 200);
  assert.ok(!r.text.includes(MARKUP), 'the agent is not written as it came');
  assert.ok(r.text.includes(htmlEscape(MARKUP)), 'the agent is shown escaped');
});

test('a user\'s name on /users and a risk\'s owner on the register are text, never markup', async () => {
  const u = await createUser(A.admin, { role: 'admin', first_name: MARKUP, last_name: 'Owner' });
  const users = await A.admin.get('/users');
  assert.equal(users.status, 200);
  assert.ok(!users.text.includes(MARKUP));
  assert.ok(users.text.includes(`${htmlEscape(MARKUP)} Owner`));
  // A risk's owner is one of the client's vCISOs: the admin, renamed.
  const me = await A.admin.patch('/api/v1/me', { first_name: MARKUP, last_name: 'Owner' });
  assert.equal(me.status, 200, me.text);
  const client = await makeClient(A.admin);
  const risk = await A.admin.post(`/api/v1/clients/${client.id}/risks`,
    { title: 'Owned', likelihood: 2, impact: 2, owner_id: me.json.id });
  assert.equal(risk.status, 201, risk.text);
  const page = await A.admin.get(`/clients/${client.id}/risks`);
  assert.equal(page.status, 200);
  assert.ok(!page.text.includes(MARKUP));
  assert.ok(page.text.includes(`<td>${htmlEscape(MARKUP)} Owner</td>`));
});
