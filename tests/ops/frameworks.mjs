// The framework catalogue of sql/006-frameworks.sql: its two built-in
// frameworks with their complete trees (NIST CSF 2.0: 6 functions, 22
// categories, 106 subcategories; ANSSI hygiene guide: 10 chapters, 42
// measures), every text present in both languages, and migrations that
// apply once.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SRCDIR, BUILDDIR, ensureStack } from '../lib/stack.mjs';

const vars = ensureStack();
const admin = path.join(BUILDDIR, 'app/rempart-admin');
const DB = 'rempart_fwtest';
const sql = (q) => execFileSync('mariadb', [`--defaults-file=${vars.STACK_MYSQL_DEFAULTS}`, '-N', '-B', '-e', q],
  { encoding: 'utf8' }).trim();
const rows = (q) => { const s = sql(q); return s === '' ? [] : s.split('\n').map((l) => l.split('\t')); };
const fw = (code) => `(SELECT id FROM frameworks WHERE firm_id IS NULL AND code = '${code}')`;

// The official CSF 2.0 subcategory numbers of each category, gaps included
// (numbers withdrawn between 1.1 and 2.0 are not reused).
const CSF = {
  GV: { OC: [1, 2, 3, 4, 5], RM: [1, 2, 3, 4, 5, 6, 7], RR: [1, 2, 3, 4], PO: [1, 2], OV: [1, 2, 3],
    SC: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  ID: { AM: [1, 2, 3, 4, 5, 7, 8], RA: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], IM: [1, 2, 3, 4] },
  PR: { AA: [1, 2, 3, 4, 5, 6], AT: [1, 2], DS: [1, 2, 10, 11], PS: [1, 2, 3, 4, 5, 6], IR: [1, 2, 3, 4] },
  DE: { CM: [1, 2, 3, 6, 9], AE: [2, 3, 4, 6, 7, 8] },
  RS: { MA: [1, 2, 3, 4, 5], AN: [3, 6, 7, 8], CO: [2, 3], MI: [1, 2] },
  RC: { RP: [1, 2, 3, 4, 5, 6], CO: [3, 4] },
};
// The chapters of the ANSSI guide and the first measure of each.
const ANSSI = { I: 1, II: 4, III: 8, IV: 14, V: 19, VI: 27, VII: 30, VIII: 34, IX: 36, X: 41 };

test('the catalogue holds exactly the two built-in frameworks', () => {
  assert.deepEqual(rows('SELECT code, version FROM frameworks WHERE firm_id IS NULL ORDER BY code'),
    [['anssi-hygiene', '2017'], ['nist-csf', '2.0']]);
  assert.equal(sql(`SELECT COUNT(*) FROM frameworks WHERE firm_id IS NULL AND (name_fr = '' OR name_en = ''
    OR publisher = '' OR licence = '' OR source_url NOT LIKE 'https://%' OR summary_fr = '' OR summary_en = '')`), '0');
});

test('NIST CSF 2.0: 6 functions, 22 categories, 106 subcategories with their official ids', () => {
  const tree = rows(`SELECT r.ref, r.depth, r.assessable, IFNULL(p.ref, '') FROM requirements r
    LEFT JOIN requirements p ON p.id = r.parent_id WHERE r.framework_id = ${fw('nist-csf')} ORDER BY r.position`);
  const expected = [];
  for (const [fn, cats] of Object.entries(CSF)) {
    expected.push([fn, '0', '0', '']);
    for (const [cat, nums] of Object.entries(cats)) {
      expected.push([`${fn}.${cat}`, '1', '0', fn]);
      for (const n of nums) expected.push([`${fn}.${cat}-${String(n).padStart(2, '0')}`, '2', '1', `${fn}.${cat}`]);
    }
  }
  assert.deepEqual(tree, expected, 'the whole tree, in document order');
  assert.equal(tree.filter((r) => r[1] === '0').length, 6);
  assert.equal(tree.filter((r) => r[1] === '1').length, 22);
  assert.equal(tree.filter((r) => r[2] === '1').length, 106);
  assert.ok(!tree.some((r) => r[0] === 'ID.AM-06'), 'withdrawn ids stay out');
  // Every ref extends its parent's: GV -> GV.OC -> GV.OC-01.
  assert.equal(sql(`SELECT COUNT(*) FROM requirements r JOIN requirements p ON p.id = r.parent_id
    WHERE r.framework_id = ${fw('nist-csf')} AND (p.framework_id <> r.framework_id OR p.depth <> r.depth - 1
    OR r.ref NOT LIKE CONCAT(p.ref, IF(r.depth = 2, '-', '.'), '%'))`), '0');
});

test('ANSSI hygiene guide: 10 chapters I..X and 42 assessable measures, each in its chapter', () => {
  const f = fw('anssi-hygiene');
  assert.deepEqual(rows(`SELECT ref FROM requirements WHERE framework_id = ${f} AND depth = 0 ORDER BY position`).flat(),
    Object.keys(ANSSI));
  assert.equal(sql(`SELECT COUNT(*) FROM requirements WHERE framework_id = ${f} AND depth = 0 AND
    (assessable <> 0 OR parent_id IS NOT NULL)`), '0');
  const measures = rows(`SELECT r.ref, r.assessable, p.ref, p.depth FROM requirements r
    LEFT JOIN requirements p ON p.id = r.parent_id WHERE r.framework_id = ${f} AND r.depth = 1
    ORDER BY r.position`);
  assert.equal(measures.length, 42);
  const firsts = Object.values(ANSSI);
  const chapters = Object.keys(ANSSI);
  measures.forEach(([ref, assessable, chapter, depth], i) => {
    const n = i + 1;
    assert.equal(ref, String(n), 'measures numbered 1..42 in document order');
    assert.equal(assessable, '1');
    assert.equal(depth, '0', `measure ${n} hangs from a chapter`);
    const k = firsts.filter((first) => first <= n).length - 1;
    assert.equal(chapter, chapters[k], `measure ${n} belongs to chapter ${chapters[k]}`);
  });
  assert.equal(sql(`SELECT COUNT(*) FROM requirements WHERE framework_id = ${f}`), '52');
});

test('every requirement has both titles and both summaries, and positions are unique', () => {
  // The built-in catalogue only: frameworks a firm imports may leave
  // summaries out (tests/http/framework-import.mjs).
  assert.equal(sql(`SELECT COUNT(*) FROM requirements WHERE (TRIM(title_fr) = '' OR TRIM(title_en) = ''
    OR TRIM(summary_fr) = '' OR TRIM(summary_en) = '')
    AND framework_id IN (SELECT id FROM frameworks WHERE firm_id IS NULL)`), '0');
  assert.equal(sql(`SELECT COUNT(*) FROM (SELECT framework_id, position FROM requirements
    GROUP BY framework_id, position HAVING COUNT(*) > 1) d`), '0');
  // Positions run 1..n over each framework.
  assert.deepEqual(rows(`SELECT f.code, MIN(r.position), MAX(r.position), COUNT(*) FROM requirements r
    JOIN frameworks f ON f.id = r.framework_id WHERE f.firm_id IS NULL GROUP BY f.code ORDER BY f.code`),
  [['anssi-hygiene', '1', '52', '52'], ['nist-csf', '1', '134', '134']]);
  // French texts keep their accents (the file is read and stored as UTF-8).
  assert.equal(sql(`SELECT title_fr FROM requirements WHERE framework_id = ${fw('anssi-hygiene')} AND ref = 'II'`),
    'Connaître le système d\'information');
});

test('migrate on a fresh database builds the catalogue once; running it again changes nothing', () => {
  sql(`DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-fw-'));
  try {
    const conf = path.join(dir, 'rempart.conf');
    fs.writeFileSync(conf, fs.readFileSync(vars.REMPART_CONFIG, 'utf8')
      .replace(/^db\.name = .*$/m, `db.name = ${DB}`)
      .replace(/^paths\.sql = .*$/m, `paths.sql = ${path.join(SRCDIR, 'sql')}`));
    const count = () => rows(`SELECT (SELECT COUNT(*) FROM ${DB}.frameworks), (SELECT COUNT(*) FROM ${DB}.requirements)`)[0];
    let r = spawnSync(admin, ['-c', conf, 'migrate'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /applied 006-frameworks\.sql \(\d+ statements\)/);
    assert.deepEqual(count(), ['2', '186']);
    r = spawnSync(admin, ['-c', conf, 'migrate'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /0 migrations applied now/);
    assert.deepEqual(count(), ['2', '186']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    sql(`DROP DATABASE IF EXISTS ${DB}`);
  }
  // And on the stack's own database.
  const r = spawnSync(admin, ['-c', vars.REMPART_CONFIG, 'migrate'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /0 migrations applied now/);
  assert.equal(sql('SELECT COUNT(*) FROM frameworks WHERE firm_id IS NULL'), '2');
});
