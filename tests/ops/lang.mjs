// Every text of the product exists in French and in English: the two
// language files hold the same keys, and every Lang.* key that a template
// or the C code names exists in both.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SRCDIR } from '../lib/stack.mjs';
import { readHdf } from '../lib/lang.mjs';

const fr = readHdf(path.join(SRCDIR, 'www/lang/fr.hdf'));
const en = readHdf(path.join(SRCDIR, 'www/lang/en.hdf'));

test('fr.hdf and en.hdf hold the same keys, none empty', () => {
  const onlyFr = [...fr.keys()].filter((k) => !en.has(k));
  const onlyEn = [...en.keys()].filter((k) => !fr.has(k));
  assert.deepEqual(onlyFr, [], 'keys missing in en.hdf');
  assert.deepEqual(onlyEn, [], 'keys missing in fr.hdf');
  // Only ASCII blanks count as empty: a (narrow) no-break space is content,
  // e.g. the French thousands separator.
  const empty = [...fr.entries(), ...en.entries()].filter(([, v]) => v.replace(/^[ \t]+|[ \t]+$/g, '') === '')
    .map(([k]) => k);
  assert.deepEqual(empty, [], 'empty texts');
  assert.ok(fr.size > 100, `${fr.size} keys read`);
});

// Lang.a.b names written out in templates and C sources (not the dynamic
// Lang.x[...] look-ups, whose tables are checked below).
function namedKeys(dir, ext) {
  const found = new Map();
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith(ext)) continue;
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of text.matchAll(/Lang\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+)(?![A-Za-z0-9_[])/g)) {
      found.set(`Lang.${m[1]}`, f);
    }
  }
  return found;
}

test('every Lang key named by a template or the C code exists in both languages', () => {
  const used = new Map([...namedKeys(path.join(SRCDIR, 'www/templates'), '.cs'),
    ...namedKeys(path.join(SRCDIR, 'app'), '.c')]);
  // A name may also be a block (a set passed whole to a macro).
  const known = (lang, k) => lang.has(k) || [...lang.keys()].some((x) => x.startsWith(`${k}.`));
  const missing = [...used].filter(([k]) => !known(fr, k) || !known(en, k)).map(([k, f]) => `${k} (${f})`);
  assert.deepEqual(missing, []);
  assert.ok(used.size > 50, `${used.size} keys used`);
});

// The closed sets of app/enums.c, each shown through Lang.enums.<set>.
function enumKeys() {
  const text = fs.readFileSync(path.join(SRCDIR, 'app/enums.c'), 'utf8');
  const sets = { rp_mission_types: 'mission_type', rp_plans: 'plan', rp_client_statuses: 'client_status',
    rp_billing_modes: 'billing_mode', rp_modules: 'module', rp_estab_statuses: 'estab_status',
    rp_estab_actions: 'estab_action', rp_risk_treatments: 'risk_treatment', rp_risk_statuses: 'risk_status',
    rp_action_priorities: 'action_priority', rp_action_statuses: 'action_status',
    rp_resource_types: 'resource_type', rp_resource_statuses: 'resource_status',
    rp_ra_support_types: 'ra_support_type', rp_ra_resources: 'ra_resources', rp_ra_statuses: 'ra_status',
    rp_scan_severities: 'scan_severity', rp_scan_target_kinds: 'scan_target_kind',
    rp_usage_kinds: 'usage_kind', rp_usage_good_answers: 'usage_good_answer',
    rp_usage_link_statuses: 'usage_link_status' };
  const keys = [];
  for (const m of text.matchAll(/^ENUM\((\w+), "[^"]*", ([^)]*)\);/gm)) {
    assert.ok(sets[m[1]], `enum ${m[1]} has a language set`);
    for (const k of m[2].matchAll(/"([^"]+)"/g)) keys.push(`Lang.enums.${sets[m[1]]}.${k[1]}`);
  }
  assert.ok(keys.length >= 20, `${keys.length} enum keys read`);
  return keys;
}

test('the tables looked up by key are complete: roles, features, profile fields, flashes, enums', () => {
  const authz = fs.readFileSync(path.join(SRCDIR, 'app/authz.c'), 'utf8');
  const table = (name) => {
    const m = authz.match(new RegExp(`${name}\\[[^\\]]*\\] = \\{([^}]*)\\}`));
    assert.ok(m, `table ${name} in app/authz.c`);
    return [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]);
  };
  const shared = fs.readFileSync(path.join(SRCDIR, 'app/ui-shared.c'), 'utf8');
  const flashes = [...shared.match(/flashes\[\] = \{([^}]*)\}/)[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]);
  const want = [
    ...table('role_keys').map((k) => `Lang.roles.${k}`),
    ...table('feature_keys').map((k) => `Lang.features.${k}`),
    ...table('profile_field_keys').map((k) => `Lang.fields.${k}`),
    ...flashes.map((k) => `Lang.flash.${k}`),
    ...enumKeys(),
  ];
  const missing = want.filter((k) => !fr.has(k) || !en.has(k));
  assert.deepEqual(missing, []);
});
