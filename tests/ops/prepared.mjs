// Statements are prepared once per worker connection, not per request.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ensureStack } from '../lib/stack.mjs';

const vars = ensureStack();
const status = (name) => Number(execFileSync('mariadb',
  [`--defaults-file=${vars.STACK_MYSQL_DEFAULTS}`, '-N', '-B', '-e', `SHOW GLOBAL STATUS LIKE '${name}'`],
  { encoding: 'utf8' }).trim().split(/\s+/)[1]);

test('200 page views prepare at most one statement per worker', async () => {
  // Warm every worker up first, so each has its connection.
  for (let i = 0; i < 50; i++) assert.equal((await fetch(vars.BASE_URL + '/')).status, 200);
  const prepBefore = status('Com_stmt_prepare');
  const execBefore = status('Com_stmt_execute');
  for (let i = 0; i < 200; i++) {
    const r = await fetch(vars.BASE_URL + (i % 2 ? '/' : '/api/v1/health'));
    assert.equal(r.status, 200);
  }
  const prepared = status('Com_stmt_prepare') - prepBefore;
  const executed = status('Com_stmt_execute') - execBefore;
  assert.ok(executed >= 200, `statements executed (${executed})`);
  assert.ok(prepared <= 16, `prepared ${prepared} times for 200 requests`);
});
