// rempart-admin: migrate (ordered, idempotent, refuses edited history) and
// check-config, run against a scratch database of the private stack.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SRCDIR, BUILDDIR, ensureStack } from '../lib/stack.mjs';

const vars = ensureStack();
const admin = path.join(BUILDDIR, 'app/rempart-admin');
const DB = 'rempart_migtest';
const sql = (q) => execFileSync('mariadb', [`--defaults-file=${vars.STACK_MYSQL_DEFAULTS}`, '-N', '-B', '-e', q],
  { encoding: 'utf8' }).trim();

function scratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-mig-'));
  fs.mkdirSync(path.join(dir, 'sql'));
  for (const f of fs.readdirSync(path.join(SRCDIR, 'sql'))) {
    if (f.endsWith('.sql')) fs.copyFileSync(path.join(SRCDIR, 'sql', f), path.join(dir, 'sql', f));
  }
  const conf = fs.readFileSync(vars.REMPART_CONFIG, 'utf8')
    .replace(/^db\.name = .*$/m, `db.name = ${DB}`)
    .replace(/^paths\.sql = .*$/m, `paths.sql = ${dir}/sql`);
  fs.writeFileSync(path.join(dir, 'rempart.conf'), conf);
  return dir;
}

const run = (dir, ...args) => spawnSync(admin, ['-c', path.join(dir, 'rempart.conf'), ...args], { encoding: 'utf8' });

test('migrate applies in order, once, and refuses an edited applied file', () => {
  sql(`DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB}`);
  const dir = scratch();
  try {
    fs.writeFileSync(path.join(dir, 'sql/900-scratch.sql'),
      "-- a test table; with a semicolon in a comment\nCREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(20)) ENGINE=InnoDB;\nINSERT INTO t VALUES (1, 'a;b');\n");
    let r = run(dir, 'migrate');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /applied 900-scratch\.sql \(2 statements\)/);
    assert.equal(sql(`SELECT s FROM ${DB}.t`), 'a;b');
    assert.equal(sql(`SELECT GROUP_CONCAT(version ORDER BY version) FROM ${DB}.schema_migrations`).split(',').pop(), '900');

    r = run(dir, 'migrate');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /0 migrations applied now/);

    fs.appendFileSync(path.join(dir, 'sql/900-scratch.sql'), "INSERT INTO t VALUES (2, 'c');\n");
    r = run(dir, 'migrate');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /900-scratch\.sql was changed after it was applied/);
    assert.equal(sql(`SELECT COUNT(*) FROM ${DB}.t`), '1', 'nothing of the edited file ran');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    sql(`DROP DATABASE IF EXISTS ${DB}`);
  }
});

test('a failing migration stops with its file and line, and is not recorded', () => {
  sql(`DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB}`);
  const dir = scratch();
  try {
    fs.writeFileSync(path.join(dir, 'sql/901-broken.sql'), 'CREATE TABLE ok1 (id INT);\n\nCREATE TABLEX nope (id INT);\n');
    const r = run(dir, 'migrate');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /901-broken\.sql:3:/);
    assert.equal(sql(`SELECT COUNT(*) FROM ${DB}.schema_migrations WHERE version = 901`), '0');
    fs.writeFileSync(path.join(dir, 'sql/902-dup.sql'), 'SELECT 1;');
    fs.writeFileSync(path.join(dir, 'sql/902-dup2.sql'), 'SELECT 1;');
    const r2 = run(dir, 'migrate');
    assert.equal(r2.status, 1);
    assert.match(r2.stderr, /two migrations numbered 902/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    sql(`DROP DATABASE IF EXISTS ${DB}`);
  }
});

test('the stack database is migrated and utf8mb4', () => {
  assert.equal(sql('SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()'), 'utf8mb4');
  assert.equal(sql("SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'schema_migrations'"), 'InnoDB');
});

test('check-config accepts the stack config and names file and line of an error', () => {
  let r = spawnSync(admin, ['-c', vars.REMPART_CONFIG, 'check-config'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /configuration OK/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-cc-'));
  try {
    const bad = path.join(dir, 'bad.conf');
    fs.writeFileSync(bad, 'log.level = info\nhttp.max_body = lots\n');
    r = spawnSync(admin, ['-c', bad, 'check-config'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bad\.conf:2: http\.max_body/);
    r = spawnSync(admin, ['check-config'], { encoding: 'utf8', env: { ...process.env, REMPART_CONFIG: bad } });
    assert.equal(r.status, 1, 'REMPART_CONFIG is honoured');
    r = spawnSync(admin, ['-c', vars.REMPART_CONFIG, 'frobnicate'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown command 'frobnicate'/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('seed-demo is idempotent and gives the demo firm eight clients with teams and establishments', () => {
  for (let i = 0; i < 2; i++) {
    const r = spawnSync(admin, ['-c', vars.REMPART_CONFIG, 'seed-demo'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /admin@demo\.rempart\.test/);
  }
  const firm = sql("SELECT id FROM firms WHERE name = 'Cabinet Vauban Conseil (démo)'");
  assert.match(firm, /^\d+$/);
  assert.equal(sql(`SELECT COUNT(*) FROM clients WHERE firm_id = ${firm}`), '8');
  assert.equal(sql(`SELECT COUNT(DISTINCT status) FROM clients WHERE firm_id = ${firm}`), '3');
  assert.equal(sql(`SELECT COUNT(DISTINCT billing_mode) FROM clients WHERE firm_id = ${firm}`), '2');
  assert.ok(Number(sql(`SELECT COUNT(*) FROM establishments WHERE firm_id = ${firm}`)) >= 16);
  // Every client has a vCISO; the site manager has two establishments.
  assert.equal(sql(`SELECT COUNT(*) FROM clients c WHERE firm_id = ${firm} AND NOT EXISTS
    (SELECT 1 FROM client_vcisos v WHERE v.client_id = c.id)`), '0');
  assert.equal(sql(`SELECT COUNT(*) FROM user_establishments a JOIN users u ON u.id = a.user_id
    WHERE u.email = 'site@demo.rempart.test'`), '2');
  // Frameworks adopted and partly assessed: the Pilot and the client list
  // show compliance figures.
  assert.ok(Number(sql(`SELECT COUNT(*) FROM client_frameworks cf JOIN clients c ON c.id = cf.client_id
    WHERE c.firm_id = ${firm}`)) >= 4);
  assert.ok(Number(sql(`SELECT COUNT(*) FROM clients WHERE firm_id = ${firm} AND compliance_pct > 0`)) >= 3);
  // The duplicates page has something to show.
  assert.equal(sql(`SELECT COUNT(*) FROM (SELECT 1 FROM establishments WHERE firm_id = ${firm}
    GROUP BY client_id, name_key, postcode HAVING COUNT(*) > 1) d`), '1');
  // The library's starter templates, FR and EN, once each however often
  // it runs, tagged, each with its version 1 kept.
  assert.equal(sql(`SELECT COUNT(*) FROM templates WHERE firm_id = ${firm}`), '16');
  assert.equal(sql(`SELECT COUNT(DISTINCT title) FROM templates WHERE firm_id = ${firm}`), '16');
  assert.equal(sql(`SELECT COUNT(*) FROM template_versions v JOIN templates t ON t.id = v.template_id
    WHERE t.firm_id = ${firm} AND v.version = 1`), '16');
  assert.equal(sql(`SELECT COUNT(*) FROM templates t WHERE t.firm_id = ${firm} AND NOT EXISTS
    (SELECT 1 FROM template_requirements r WHERE r.template_id = t.id)`), '0');
});

test('migrate waits for a statement longer than db.read_timeout (a web request\'s bound)', () => {
  sql(`DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB}`);
  const dir = scratch();
  try {
    const conf = path.join(dir, 'rempart.conf');
    const text = fs.readFileSync(conf, 'utf8');
    fs.writeFileSync(conf, /^db\.read_timeout = /m.test(text)
      ? text.replace(/^db\.read_timeout = .*$/m, 'db.read_timeout = 1')
      : `${text}\ndb.read_timeout = 1\n`);
    // A statement of 3 s, like an ALTER TABLE of a large table: with the
    // web bound of 1 s the connection would be dropped mid-migration.
    fs.writeFileSync(path.join(dir, 'sql/901-slow.sql'),
      'DO SLEEP(3);\nCREATE TABLE slow_done (id INT PRIMARY KEY) ENGINE=InnoDB;\n');
    const r = run(dir, 'migrate');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /applied 901-slow\.sql \(2 statements\)/);
    assert.equal(sql(`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '${DB}' AND table_name = 'slow_done'`), '1');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    sql(`DROP DATABASE IF EXISTS ${DB}`);
  }
});
