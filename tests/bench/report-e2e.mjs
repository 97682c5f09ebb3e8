// The mission report end to end (issue 14): a client with 200 risks, 500
// requirements (NIST CSF's 106 and an imported framework of 394, every one
// assessed) and 120 actions is made through the API on the running stack,
// then its report is downloaded as PDF and as Word, `runs` times each,
// through nginx and a worker (data queries, rempart-render, the answer).
// Prints one line per format. Run by tests/bench/report.sh when a stack is
// up (make bench), or alone: node tests/bench/report-e2e.mjs [runs].
import { ensureStack } from '../lib/stack.mjs';
import { createFirm, httpTransport, loggedIn } from '../lib/identity.mjs';
import { fetchBytes } from '../lib/deliverables.mjs';

const runs = Number(process.argv[2] || 10);
const env = ensureStack();
const http = httpTransport(env.BASE_URL);
const must = (r, what, status = [200, 201]) => {
  if (!status.includes(r.status)) throw new Error(`${what}: ${r.status} ${r.text?.slice(0, 200)}`);
  return r.json;
};
async function pool(n, items, fn) {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < items.length) await fn(items[i++]);
  }));
}

const firm = createFirm(env);
const a = await loggedIn(http, firm.email, firm.password);
const reqs = [{ ref: 'G', parent_ref: null, assessable: false, title_fr: 'Groupe', title_en: 'Group',
  summary_fr: '', summary_en: '' }];
for (let i = 1; i <= 394; i++) {
  reqs.push({ ref: `G-${i}`, parent_ref: 'G', assessable: true, title_fr: `Exigence ${i} de sécurité`,
    title_en: `Security requirement ${i}`, summary_fr: 'Une exigence.', summary_en: 'A requirement.' });
}
const fw = must(await a.post('/api/v1/frameworks', { code: `bench-${Date.now()}`, version: '1', name_fr: 'Référentiel interne étendu',
  name_en: 'Extended internal framework', publisher: 'Bench', licence: 'CC0', source_url: 'https://example.org/bench',
  summary_fr: 'Banc.', summary_en: 'Bench.', requirements: reqs }), 'import');
const c = must(await a.post('/api/v1/clients', { name: 'Banc d’essai — Hôpital Saint-Éloi', mission_type: 'permanent',
  plan: 'premium', billing_mode: 'intermediated' }), 'client');
const base = `/api/v1/clients/${c.id}`;
const csf = must(await a.get('/api/v1/frameworks'), 'frameworks').items.find((f) => f.code === 'nist-csf');
const items = [];
if (csf === undefined) throw new Error('NIST CSF missing from the catalogue');
for (const id of [csf.id, fw.id]) {
  must(await a.post(`${base}/frameworks`, { framework_id: id }), 'adopt');
  items.push(...must(await a.get(`${base}/compliance?framework_id=${id}&limit=500`), 'items').items);
}
const statuses = ['compliant', 'partial', 'non_compliant', 'not_applicable', 'compliant'];
await pool(4, items.map((it, i) => [it, i]), async ([it, i]) => {
  must(await a.patch(`${base}/compliance/${it.requirement_id}`, { status: statuses[i % 5], comment: 'Banc' }), 'assess');
});
await pool(4, Array.from({ length: 200 }, (_, i) => i), async (i) => {
  must(await a.post(`${base}/risks`, { title: `Risque ${i + 1} : indisponibilité du système d'information`,
    likelihood: (i % 5) + 1, impact: ((i * 3) % 5) + 1, treatment: 'reduce', residual_likelihood: 1, residual_impact: 2 }), 'risk');
});
await pool(4, Array.from({ length: 120 }, (_, i) => i), async (i) => {
  must(await a.post(`${base}/actions`, { title: `Action ${i + 1} : durcir les postes`, priority: 'high',
    due_date: i % 3 ? '2099-01-01' : '2020-01-01' }), 'action');
});

if (items.length !== 500) throw new Error(`${items.length} requirements, not 500`);
for (const fmt of ['pdf', 'docx']) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = await fetchBytes(env.BASE_URL, a, 'GET', `/clients/${c.id}/report.${fmt}`);
    if (r.status !== 200) throw new Error(`report.${fmt}: ${r.status}`);
    if (i > 0) times.push(performance.now() - t0); // the first one warms the worker up
    bytes = r.body.length;
  }
  times.sort((x, y) => x - y);
  const mean = times.reduce((s, x) => s + x, 0) / times.length;
  console.log(`  ${`${fmt}, end to end (nginx, a worker)`.padEnd(44)} ${mean.toFixed(1).padStart(10)} `
    + `${times[times.length - 1].toFixed(1).padStart(10)} ${'-'.padStart(10)} ${'-'.padStart(8)} ${String(bytes).padStart(9)}`);
}
