// rempart-admin seed-bench: two bench firms of N clients in a database of
// their own, every counter consistent with what it counts, idempotent,
// replaced only with --reset, and never written beside real data.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILDDIR, ensureStack } from '../lib/stack.mjs';

const vars = ensureStack();
const admin = path.join(BUILDDIR, 'app/rempart-admin');
const DB = 'rempart_seedbench_test';
const N = 30;
const TIMEOUT = 120000; // per command, in ms: a run of N=30 takes a second

const root = (q, db = DB) => execFileSync('mariadb',
  [`--defaults-file=${vars.STACK_MYSQL_ROOT_DEFAULTS}`, '-N', '-B', ...(db ? ['-D', db] : []), '-e', q],
  { encoding: 'utf8', timeout: TIMEOUT }).trim();
const rows = (q, db) => { const s = root(q, db); return s === '' ? [] : s.split('\n').map((l) => l.split('\t')); };
const one = (q, db) => root(q, db);

function run(conf, ...args) {
  const r = spawnSync(admin, ['-c', conf, ...args], { encoding: 'utf8', timeout: TIMEOUT });
  assert.equal(r.error, undefined, `rempart-admin ${args.join(' ')} did not finish: ${r.error}`);
  return r;
}

// Everything a run could change: each table's row count and checksum.
function fingerprint(db) {
  const tables = rows(`SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${db}'
    AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`, null).map((r) => `\`${db}\`.\`${r[0]}\``);
  return root(`CHECKSUM TABLE ${tables.join(', ')}`, null);
}

// What the data says, leaving out times and due dates (which follow the
// clock): two runs of the same size must say the same.
const content = () => rows(`SELECT
  (SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', id, name, plan, mission_type, status, billing_mode, modules,
    open_actions, compliance_pct) ORDER BY id)) FROM clients),
  (SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', client_id, requirement_id, status) ORDER BY client_id, requirement_id))
    FROM assessments),
  (SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', id, client_id, title, status, priority, progress, owner_id) ORDER BY id))
    FROM actions),
  (SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', id, likelihood, impact, status, residual_likelihood, residual_impact)
    ORDER BY id)) FROM risks),
  (SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', siret, name, status) ORDER BY id)) FROM establishments)`)[0];

// What app/estab-keys.c makes of the generated names (French accents,
// spaces and dashes only).
const nameKey = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, ' ').trim();

// rp_siret_valid(): 14 digits, Luhn.
function siretValid(s) {
  if (!/^\d{14}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = s.charCodeAt(i) - 48;
    if (i % 2 === 0 && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

// Per firm: [clients, establishments, risks, actions, resources].
function sizes() {
  return rows(`SELECT f.name, (SELECT COUNT(*) FROM clients c WHERE c.firm_id = f.id),
    (SELECT COUNT(*) FROM establishments e WHERE e.firm_id = f.id),
    (SELECT COUNT(*) FROM risks r WHERE r.firm_id = f.id),
    (SELECT COUNT(*) FROM actions a WHERE a.firm_id = f.id),
    (SELECT COUNT(*) FROM resources r WHERE r.firm_id = f.id) FROM firms f ORDER BY f.name`);
}

function checkConsistent(n) {
  assert.deepEqual(sizes(), [
    ['Bench firm A', `${n}`, `${10 * n}`, `${25 * n}`, `${50 * n}`, `${20 * n}`],
    ['Bench firm B', `${n}`, `${10 * n}`, `${25 * n}`, `${50 * n}`, `${20 * n}`],
  ]);
  // Staff of every role, no MFA to get through, one password hash.
  const staff = (firm) => [`${firm} account_manager ${Math.max(5, Math.ceil(n / 50))}`, `${firm} admin 1`,
    `${firm} establishment_manager ${Math.max(2, Math.ceil(n / 100))}`, `${firm} multi_account_manager 3`];
  assert.deepEqual(rows(`SELECT f.name, u.role, COUNT(*) FROM users u JOIN firms f ON f.id = u.firm_id
    GROUP BY f.name, u.role ORDER BY f.name, u.role`).map((r) => r.join(' ')),
  [...staff('Bench firm A'), ...staff('Bench firm B')]);
  assert.equal(one(`SELECT COUNT(*) FROM users WHERE role = 'admin' AND email IN
    ('admin@bench-a.rempart.test', 'admin@bench-b.rempart.test')`), '2');
  assert.equal(one('SELECT COUNT(*) FROM users WHERE mfa_enabled <> 0 OR active <> 1'), '0');
  assert.equal(one('SELECT COUNT(DISTINCT password_hash) FROM users'), '1');
  assert.equal(one(`SELECT COUNT(*) FROM users u WHERE u.role <> 'admin' AND NOT EXISTS
    (SELECT 1 FROM user_features f WHERE f.user_id = u.id AND f.feature = 'profile.read')`), '0');

  // Per client: one period, 25 risks, 50 actions, 20 resources, 10 sites,
  // two frameworks adopted; the admin in every vCISO team of 2 or 3.
  assert.deepEqual(rows(`SELECT MIN(p), MAX(p), MIN(r), MAX(r), MIN(a), MAX(a), MIN(d), MAX(d), MIN(e), MAX(e),
    MIN(f), MAX(f), MIN(v), MAX(v) FROM (SELECT
    (SELECT COUNT(*) FROM client_periods x WHERE x.client_id = c.id) p,
    (SELECT COUNT(*) FROM risks x WHERE x.client_id = c.id) r,
    (SELECT COUNT(*) FROM actions x WHERE x.client_id = c.id) a,
    (SELECT COUNT(*) FROM resources x WHERE x.client_id = c.id) d,
    (SELECT COUNT(*) FROM establishments x WHERE x.client_id = c.id) e,
    (SELECT COUNT(*) FROM client_frameworks x WHERE x.client_id = c.id) f,
    (SELECT COUNT(*) FROM client_vcisos x WHERE x.client_id = c.id) v FROM clients c) t`)[0],
  ['1', '1', '25', '25', '50', '50', '20', '20', '10', '10', '2', '2', '2', '3']);
  assert.equal(one(`SELECT COUNT(*) FROM clients c JOIN users u ON u.firm_id = c.firm_id AND u.role = 'admin'
    WHERE NOT EXISTS (SELECT 1 FROM client_vcisos v WHERE v.client_id = c.id AND v.user_id = u.id)`), '0');
  assert.equal(one(`SELECT COUNT(*) FROM client_vcisos v JOIN users u ON u.id = v.user_id
    WHERE u.firm_id <> v.firm_id OR u.role NOT IN ('admin', 'account_manager')`), '0');
  assert.equal(one(`SELECT COUNT(*) FROM client_frameworks cf JOIN frameworks fw ON fw.id = cf.framework_id
    WHERE fw.firm_id IS NOT NULL OR fw.code NOT IN ('nist-csf', 'anssi-hygiene')`), '0');
  // Owners are vCISOs of the client.
  for (const t of ['actions', 'risks']) {
    assert.equal(one(`SELECT COUNT(*) FROM ${t} o WHERE o.owner_id IS NOT NULL AND NOT EXISTS
      (SELECT 1 FROM client_vcisos v WHERE v.client_id = o.client_id AND v.user_id = o.owner_id)`), '0', t);
  }

  // About 60% of the requirements assessed, in every status.
  const assessed = Number(one('SELECT COUNT(*) FROM assessments')) / (2 * n * 148);
  assert.ok(assessed > 0.45 && assessed < 0.75, `assessed ${assessed}`);
  assert.equal(one('SELECT COUNT(DISTINCT status) FROM assessments'), '4');
  // Counters exactly as the application keeps them.
  assert.equal(one(`SELECT COUNT(*) FROM client_frameworks cf WHERE
    cf.total <> (SELECT COUNT(*) FROM requirements r WHERE r.framework_id = cf.framework_id AND r.assessable = 1)
    OR cf.compliant <> (SELECT COUNT(*) FROM assessments a WHERE a.client_id = cf.client_id
      AND a.framework_id = cf.framework_id AND a.status = 'compliant')
    OR cf.partial <> (SELECT COUNT(*) FROM assessments a WHERE a.client_id = cf.client_id
      AND a.framework_id = cf.framework_id AND a.status = 'partial')
    OR cf.non_compliant <> (SELECT COUNT(*) FROM assessments a WHERE a.client_id = cf.client_id
      AND a.framework_id = cf.framework_id AND a.status = 'non_compliant')
    OR cf.not_applicable <> (SELECT COUNT(*) FROM assessments a WHERE a.client_id = cf.client_id
      AND a.framework_id = cf.framework_id AND a.status = 'not_applicable')`), '0');
  assert.equal(one(`SELECT COUNT(*) FROM clients c WHERE NOT (c.compliance_pct <=>
    (SELECT CASE WHEN SUM(cf.total - cf.not_applicable) > 0 THEN ROUND(100 * (SUM(cf.compliant)
    + SUM(cf.partial) / 2) / SUM(cf.total - cf.not_applicable), 2) END
    FROM client_frameworks cf WHERE cf.client_id = c.id))`), '0');
  assert.equal(one('SELECT COUNT(*) FROM clients WHERE compliance_pct IS NULL'), '0');
  assert.equal(one(`SELECT COUNT(*) FROM clients c WHERE c.open_actions <> (SELECT COUNT(*) FROM actions a
    WHERE a.client_id = c.id AND a.status IN ('todo', 'in_progress'))`), '0');
  // The portfolio's copies (sql/018-portfolio.sql) and one current cycle
  // per adopted framework (sql/017-assessment-cycles.sql).
  const level = (lo, hi) => `(SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id AND r.status <> 'closed'
    AND r.score BETWEEN ${lo} AND ${hi})`;
  assert.equal(one(`SELECT COUNT(*) FROM clients c WHERE c.risks_low <> ${level(1, 4)}
    OR c.risks_medium <> ${level(5, 9)} OR c.risks_high <> ${level(10, 14)} OR c.risks_critical <> ${level(15, 25)}
    OR NOT (c.last_activity_at <=> (SELECT MAX(l.at) FROM audit_log l WHERE l.client_id = c.id))`), '0');
  assert.ok(Number(one('SELECT SUM(risks_critical) FROM clients')) > 0);
  assert.equal(one(`SELECT COUNT(*) FROM client_frameworks cf WHERE cf.cycle <> 1 OR 1 <> (SELECT COUNT(*)
    FROM assessment_cycles y WHERE y.client_id = cf.client_id AND y.framework_id = cf.framework_id
    AND y.number = 1 AND y.closed_at IS NULL)`), '0');

  // A realistic mix: mostly active, mostly intermediated, overdue actions,
  // risks with residual values, resources in every status and version.
  const mix = (q) => Object.fromEntries(rows(q).map(([k, v]) => [k, Number(v)]));
  const status = mix('SELECT status, COUNT(*) FROM clients GROUP BY status');
  assert.ok(status.active > n, JSON.stringify(status));
  const billing = mix('SELECT billing_mode, COUNT(*) FROM clients GROUP BY billing_mode');
  assert.ok(billing.intermediated > billing.direct && billing.direct > 0, JSON.stringify(billing));
  assert.equal(one("SELECT COUNT(*) FROM clients WHERE billing_mode = 'direct' AND billing_email IS NULL"), '0');
  assert.ok(Number(one('SELECT COUNT(DISTINCT modules) FROM clients')) >= 4);
  assert.ok(Number(one('SELECT COUNT(DISTINCT CONCAT(plan, mission_type)) FROM clients')) >= 5);
  assert.ok(Number(one(`SELECT COUNT(*) FROM actions WHERE status IN ('todo', 'in_progress')
    AND due_date < UTC_DATE()`)) > 0, 'overdue actions');
  assert.ok(Number(one(`SELECT COUNT(*) FROM actions WHERE status IN ('todo', 'in_progress')
    AND due_date > UTC_DATE()`)) > 0, 'actions due later');
  assert.equal(one('SELECT COUNT(DISTINCT status) FROM actions'), '4');
  assert.equal(one('SELECT COUNT(DISTINCT priority) FROM actions'), '4');
  assert.equal(one(`SELECT COUNT(*) FROM actions WHERE progress > 100 OR (status = 'done' AND progress <> 100)`), '0');
  assert.deepEqual(rows('SELECT MIN(likelihood), MAX(likelihood), MIN(impact), MAX(impact) FROM risks')[0],
    ['1', '5', '1', '5']);
  assert.ok(Number(one('SELECT COUNT(*) FROM risks WHERE residual_likelihood IS NOT NULL')) > 0);
  assert.equal(one('SELECT COUNT(*) FROM risks WHERE residual_likelihood > likelihood OR residual_impact > impact'), '0');
  assert.equal(one('SELECT COUNT(DISTINCT status) FROM risks'), '3');
  assert.equal(one('SELECT COUNT(DISTINCT type) FROM resources'), '4');
  assert.equal(one('SELECT COUNT(DISTINCT status) FROM resources'), '3');
  assert.deepEqual(rows('SELECT MIN(version), MAX(version) FROM resources')[0], ['1', '3']);
  assert.equal(one(`SELECT COUNT(*) FROM resources WHERE (status = 'draft') <> (approved_by IS NULL)`), '0');
  assert.equal(one(`SELECT COUNT(*) FROM resources WHERE body NOT LIKE '%Périmètre : Client %'`), '0');

  // Links: some of each, within the client, to requirements it adopted.
  for (const t of ['risk_requirements', 'action_requirements', 'action_risks', 'action_resources',
    'resource_requirements']) {
    assert.ok(Number(one(`SELECT COUNT(*) FROM ${t}`)) > n, t);
  }
  assert.equal(one(`SELECT COUNT(*) FROM action_risks l JOIN actions a ON a.id = l.action_id
    JOIN risks r ON r.id = l.risk_id WHERE a.client_id <> r.client_id OR l.client_id <> a.client_id`), '0');
  assert.equal(one(`SELECT COUNT(*) FROM action_resources l JOIN actions a ON a.id = l.action_id
    JOIN resources r ON r.id = l.resource_id WHERE a.client_id <> r.client_id OR l.client_id <> a.client_id`), '0');
  for (const [t, col, obj] of [['action_requirements', 'action_id', 'actions'],
    ['resource_requirements', 'resource_id', 'resources'], ['risk_requirements', 'risk_id', 'risks']]) {
    assert.equal(one(`SELECT COUNT(*) FROM ${t} l JOIN ${obj} o ON o.id = l.${col}
      JOIN requirements q ON q.id = l.requirement_id WHERE o.client_id <> l.client_id
      OR q.assessable <> 1 OR NOT EXISTS (SELECT 1 FROM client_frameworks cf
        WHERE cf.client_id = l.client_id AND cf.framework_id = q.framework_id)`), '0', t);
  }
  // Site managers look after sites of their own firm.
  assert.equal(one(`SELECT COUNT(*) FROM user_establishments ue JOIN users u ON u.id = ue.user_id
    JOIN establishments e ON e.id = ue.establishment_id
    WHERE u.role <> 'establishment_manager' OR u.firm_id <> e.firm_id OR ue.firm_id <> e.firm_id`), '0');
  assert.equal(one(`SELECT COUNT(*) FROM users u WHERE u.role = 'establishment_manager'
    AND NOT EXISTS (SELECT 1 FROM user_establishments ue WHERE ue.user_id = u.id)`), '0');

  // No row whose firm is gone: the loader ran without foreign-key checks.
  const firmTables = rows(`SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${DB}'
    AND COLUMN_NAME = 'firm_id'`).map((r) => r[0]);
  assert.ok(firmTables.length >= 15);
  for (const t of firmTables) {
    assert.equal(one(`SELECT COUNT(*) FROM \`${t}\` x WHERE x.firm_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM firms f WHERE f.id = x.firm_id)`), '0', t);
  }
  for (const [t, col, parent] of [['establishments', 'client_id', 'clients'], ['risks', 'client_id', 'clients'],
    ['actions', 'client_id', 'clients'], ['resources', 'client_id', 'clients'],
    ['assessments', 'client_id', 'clients'], ['client_vcisos', 'user_id', 'users'],
    ['user_features', 'user_id', 'users'], ['audit_log', 'client_id', 'clients']]) {
    assert.equal(one(`SELECT COUNT(*) FROM ${t} x WHERE x.${col} IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = x.${col})`), '0', `${t}.${col}`);
  }

  // Establishments: SIRETs valid and unique, name keys as the application
  // computes them, names unique within a client.
  const estabs = rows('SELECT siret, name, name_key FROM establishments');
  assert.equal(estabs.length, 20 * n);
  assert.equal(new Set(estabs.map((e) => e[0])).size, estabs.length, 'SIRETs are unique');
  for (const [siret, name, key] of estabs) {
    assert.ok(siretValid(siret), `SIRET ${siret}`);
    assert.equal(key, nameKey(name), name);
  }
  assert.ok(estabs.some(([, name]) => /[éèçîâ]/.test(name)), 'names with accents');
  assert.equal(one(`SELECT COUNT(*) FROM (SELECT 1 FROM establishments GROUP BY client_id, name_key, postcode
    HAVING COUNT(*) > 1) d`), '0');
  assert.equal(one('SELECT COUNT(*) FROM (SELECT 1 FROM clients GROUP BY firm_id, name HAVING COUNT(*) > 1) d'), '0');

  // The history, and the mark of a finished run per firm.
  assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'client.create'`), `${2 * n}`);
  assert.deepEqual(rows(`SELECT f.name, JSON_VALUE(a.details, '$.clients') FROM audit_log a
    JOIN firms f ON f.id = a.firm_id WHERE a.action = 'bench.seed' ORDER BY f.name`),
  [['Bench firm A', `${n}`], ['Bench firm B', `${n}`]]);
}

test('seed-bench fills a bench database consistently, once, and reseeds only with --reset',
  { timeout: 300000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-seedbench-'));
    const conf = path.join(dir, 'rempart.conf');
    fs.writeFileSync(conf, fs.readFileSync(vars.REMPART_CONFIG, 'utf8')
      .replace(/^db\.name = .*$/m, `db.name = ${DB}`), { mode: 0o600 });
    root(`DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB};
      GRANT ALL PRIVILEGES ON ${DB}.* TO 'rempart'@'localhost'`, null);
    try {
      let r = run(conf, 'seed-bench', '--clients', `${N}`);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`database '${DB}' lacks \\d+ migrations .*rempart-admin migrate`));
      r = run(conf, 'migrate');
      assert.equal(r.status, 0, r.stderr);

      for (const bad of [[], ['--clients'], ['--clients', '0'], ['--clients', '100001'], ['--clients', '3x'],
        ['--clients', '5', '--frobnicate'], ['--clients', '5', '--clients', '6']]) {
        r = run(conf, 'seed-bench', ...bad);
        assert.equal(r.status, 2, `seed-bench ${bad.join(' ')}`);
        assert.match(r.stderr, /usage: rempart-admin .*seed-bench --clients N/);
      }
      assert.equal(one('SELECT COUNT(*) FROM firms'), '0');

      r = run(conf, 'seed-bench', '--clients', `${N}`);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /admin@bench-a\.rempart\.test/);
      assert.match(r.stdout, /admin@bench-b\.rempart\.test/);
      assert.match(r.stdout, /password: bench rempart 2026/);
      assert.match(r.stdout, new RegExp(`^  establishments +${20 * N}$`, 'm'));
      assert.match(r.stdout, /^Seconds:$/m);
      checkConsistent(N);
      const seeded = content();

      // The same size again: nothing written.
      const before = fingerprint(DB);
      r = run(conf, 'seed-bench', '--clients', `${N}`);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`already holds the bench firms with ${N} clients each: nothing to do`));
      assert.match(r.stdout, /admin@bench-a\.rempart\.test/);
      r = run(conf, 'seed-bench', '--clients', `${N}`, '--reset');
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /nothing to do/);
      assert.equal(r.stderr, '', 'no MFA note: the stack requires MFA of no role');
      // Where admins must enrol in MFA, a password is not enough: it says so.
      const mfaConf = path.join(dir, 'mfa.conf');
      fs.writeFileSync(mfaConf, fs.readFileSync(conf, 'utf8')
        .replace(/^auth\.mfa_required_roles *=.*$/m, 'auth.mfa_required_roles = support,admin'), { mode: 0o600 });
      r = run(mfaConf, 'seed-bench', '--clients', `${N}`);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /note: auth\.mfa_required_roles \(support,admin\) names roles of bench accounts/);
      assert.equal(fingerprint(DB), before);

      // Another size: refused, unless --reset, which replaces everything.
      r = run(conf, 'seed-bench', '--clients', `${N + 3}`);
      assert.equal(r.status, 1);
      assert.match(r.stderr, new RegExp(`holds the bench firms with ${N} clients each; add --reset`));
      assert.equal(fingerprint(DB), before);
      r = run(conf, 'seed-bench', '--reset', '--clients', `${N + 3}`);
      assert.equal(r.status, 0, r.stderr);
      checkConsistent(N + 3);
      assert.equal(one('SELECT COUNT(*) FROM clients'), `${2 * (N + 3)}`);
      assert.equal(one(`SELECT COUNT(*) FROM frameworks WHERE firm_id IS NULL`), '2', 'the catalogue stays');

      // A run that did not finish (its mark is missing) needs --reset too.
      root("DELETE FROM audit_log WHERE action = 'bench.seed' AND firm_id = (SELECT MAX(id) FROM firms)");
      r = run(conf, 'seed-bench', '--clients', `${N + 3}`);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /did not finish; add --reset/);
      r = run(conf, 'seed-bench', '--clients', `${N}`, '--reset');
      assert.equal(r.status, 0, r.stderr);
      checkConsistent(N);
      assert.deepEqual(content(), seeded, 'the same size gives the same data');

      // A database with anything else in it is refused, and stays as it was.
      root(`INSERT INTO firms (name) VALUES ('Cabinet réel')`);
      const withReal = fingerprint(DB);
      r = run(conf, 'seed-bench', '--clients', `${N}`, '--reset');
      assert.equal(r.status, 2);
      assert.match(r.stderr, new RegExp(`database '${DB}' holds 1 firm and 0 users that are not bench data`));
      assert.equal(fingerprint(DB), withReal);
    } finally {
      root(`DROP DATABASE IF EXISTS ${DB}`, null);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

test('seed-bench refuses the stack database, which holds other firms, and writes nothing',
  { timeout: 120000 }, () => {
    // The demo firm makes sure that the main database is not a bench one.
    let r = run(vars.REMPART_CONFIG, 'seed-demo');
    assert.equal(r.status, 0, r.stderr);
    const db = fs.readFileSync(vars.REMPART_CONFIG, 'utf8').match(/^db\.name = (.*)$/m)[1];
    const before = fingerprint(db);
    for (const args of [['--clients', '5'], ['--clients', '5', '--reset']]) {
      r = run(vars.REMPART_CONFIG, 'seed-bench', ...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, new RegExp(`database '${db}' holds \\d+ firms? and \\d+ users? that are not bench data`));
      assert.equal(fingerprint(db), before);
    }
  });
