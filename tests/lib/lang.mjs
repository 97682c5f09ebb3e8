// The language files (www/lang/*.hdf) as maps of full dotted keys to texts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SRCDIR } from './stack.mjs';

// Read an HDF file of `name { ... }` blocks and `key = value` lines into a
// map of full dotted keys to values.
export function readHdf(file) {
  const keys = new Map();
  const stack = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.replace(/^[ \t]+|[ \t\r]+$/g, '');
    if (line === '' || line.startsWith('#')) return;
    let m;
    if ((m = line.match(/^([A-Za-z0-9_.]+)\s*\{$/))) {
      stack.push(m[1]);
    } else if (line === '}') {
      assert.ok(stack.length > 0, `${file}:${i + 1}: unbalanced }`);
      stack.pop();
    } else if ((m = line.match(/^([A-Za-z0-9_.]+)[ \t]*=[ \t]*(.*)$/))) {
      keys.set([...stack, m[1]].join('.'), m[2]);
    } else {
      assert.fail(`${file}:${i + 1}: cannot read "${line}"`);
    }
  });
  assert.equal(stack.length, 0, `${file}: unclosed block`);
  return keys;
}

// The texts of language `lang` (fr or en).
export function langTexts(lang) {
  return readHdf(path.join(SRCDIR, `www/lang/${lang}.hdf`));
}

// Both languages' texts, read once per test file.
export const TEXTS = { fr: langTexts('fr'), en: langTexts('en') };

// A name that markup, quotes and non-ASCII text in a page would show.
export const HOSTILE = `<script>alert("x")</script> & 'Tom' ${'\u00e9\u6f22'}`;

// Text escaped as the templates' var: escapes it (ClearSilver's html mode).
export function htmlEscape(s) {
  return String(s).replace(/\r/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Switch a signed-in client's pages to language `lang` (fr or en).
export async function setLang(c, lang) {
  const r = await c.patch('/api/v1/me', { lang });
  assert.equal(r.status, 200, r.text);
}

// The JSON of a 2xx answer; anything else fails, naming what was asked.
export function okJson(r, what) {
  assert.ok(r.status >= 200 && r.status < 300, `${what}: ${r.status} ${r.text}`);
  return r.json;
}
