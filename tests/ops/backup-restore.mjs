// Backup and restore (docs/operations.md): app/scripts/rempart-backup dumps the
// stack's database with mariadb-dump, app/scripts/rempart-restore loads it into
// a fresh database; every table has the same rows (count and CHECKSUM
// TABLE), the triggers come back, and a database that holds tables is
// refused without -f.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SRCDIR, ensureStack } from '../lib/stack.mjs';

const env = ensureStack();
const BACKUP = path.join(SRCDIR, 'app/scripts/rempart-backup');
const RESTORE = path.join(SRCDIR, 'app/scripts/rempart-restore');
const target = `rempart_restore_${process.pid}`;

const sql = (q) => execFileSync('mariadb', [`--defaults-file=${env.STACK_MYSQL_DEFAULTS}`, '-N', '-B', '-e', q],
  { encoding: 'utf8' }).trim();

// {table: "rows checksum"} and the trigger names of a database.
function fingerprint(db) {
  const tables = sql(`SELECT table_name FROM information_schema.tables WHERE table_schema = '${db}'
    AND table_type = 'BASE TABLE' ORDER BY table_name`).split('\n').filter(Boolean);
  const fp = {};
  for (const t of tables) {
    const n = sql(`SELECT COUNT(*) FROM \`${db}\`.\`${t}\``);
    const sum = sql(`CHECKSUM TABLE \`${db}\`.\`${t}\``).split('\t')[1];
    fp[t] = `${n} ${sum}`;
  }
  const triggers = sql(`SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = '${db}'
    ORDER BY trigger_name`);
  return { tables: fp, triggers };
}

test.after(() => {
  sql(`DROP DATABASE IF EXISTS \`${target}\``);
});

test('rempart-backup then rempart-restore into a fresh database: same rows, same checksums', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-backup-'));
  try {
    const dump = path.join(dir, 'rempart.sql.gz');
    execFileSync(BACKUP, ['-c', env.REMPART_CONFIG, dump], { stdio: 'pipe' });
    assert.ok(fs.statSync(dump).size > 1000, 'a dump was written');
    assert.equal(fs.statSync(dump).mode & 0o077, 0, 'the dump is readable by its owner only');
    const source = fingerprint('rempart');
    assert.ok(Object.keys(source.tables).length > 20, 'the stack database has its tables');
    assert.ok(Number(source.tables.schema_migrations.split(' ')[0]) > 0);

    sql(`DROP DATABASE IF EXISTS \`${target}\``);
    const r = spawnSync(RESTORE, ['-c', env.REMPART_CONFIG, '-d', target, dump], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`restored ${Object.keys(source.tables).length} tables into ${target}`));
    assert.deepEqual(fingerprint(target), source, 'every table, row count, checksum and trigger');

    // A second restore over it is refused without -f, accepted with it.
    const again = spawnSync(RESTORE, ['-c', env.REMPART_CONFIG, '-d', target, dump], { encoding: 'utf8' });
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already holds \d+ tables \(use -f/);
    const forced = spawnSync(RESTORE, ['-f', '-c', env.REMPART_CONFIG, '-d', target, dump], { encoding: 'utf8' });
    assert.equal(forced.status, 0, forced.stderr);
    assert.deepEqual(fingerprint(target), source);

    // The password never appears on a command line (it goes through a
    // temporary option file, removed afterwards).
    assert.deepEqual(fs.readdirSync(os.tmpdir()).filter((f) => /^rempart-(backup|restore)\./.test(f)), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the scripts refuse bad arguments', () => {
  const r = spawnSync(RESTORE, ['-c', env.REMPART_CONFIG, '-d', 'bad-name;', '/dev/null'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /database name/);
  const u = spawnSync(BACKUP, [], { encoding: 'utf8' });
  assert.equal(u.status, 2);
  assert.match(u.stderr, /usage/);
});
