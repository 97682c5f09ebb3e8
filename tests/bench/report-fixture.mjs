// A mission report's input for rempart-render (the JSON app/report.c
// builds), as large as a busy client's: `node report-fixture.mjs [risks]
// [requirements] [actions] [listed]` prints it: `risks` counted in the heat
// maps, `requirements` spread over frameworks, `actions` open; `listed`
// caps the rows of the risk and action tables (app/report.c sends the 20
// worst risks and 100 actions: 0 lists them all, the worst case).
const [risks = 200, reqs = 500, actions = 120, listed = 0] = process.argv.slice(2).map(Number);
const LEVELS = ['Faible', 'Moyen', 'Élevé', 'Critique'];
const level = (s) => (s >= 15 ? 3 : s >= 10 ? 2 : s >= 5 ? 1 : 0);
const heat = () => Array.from({ length: 5 }, () => Array(5).fill(0));
const inherent = heat();
const residual = heat();
const top = [];
for (let i = 0; i < risks; i++) {
  const l = (i % 5) + 1;
  const m = ((i * 7) % 5) + 1;
  inherent[m - 1][l - 1]++;
  residual[Math.max(m - 2, 0)][l - 1]++;
  top.push({ title: `Risque n°${i + 1} : compromission de la messagerie d'un établissement à accents éàüç ${'très '.repeat(i % 7)}long`,
    score: String(l * m), level: LEVELS[level(l * m)], residual: String(Math.max(m - 1, 1) * l), treatment: 'Réduire',
    owner: 'Élodie Marchand' });
}
top.sort((a, b) => Number(b.score) - Number(a.score));
if (listed > 0) top.splice(20);
const fws = [];
for (let f = 0, left = reqs; left > 0; f++) {
  const total = Math.min(left, 100 + f * 20);
  left -= total;
  const pct = (f * 17 + 23) % 100;
  fws.push({ name: `Référentiel ${f + 1} — guide d'hygiène informatique de l'ANSSI, édition étendue`, pct, pct_text: `${pct} %`,
    assessed: Math.floor(total * 0.8), total, assessed_text: `${Math.floor(total * 0.8)} / ${total}` });
}
const acts = Array.from({ length: listed > 0 ? Math.min(actions, 100) : actions }, (_, i) => ({ title: `Action ${i + 1} : déployer l'authentification multifacteur`,
  due: '2026-12-01', priority: 'Haute', status: 'À faire', progress: `${(i * 10) % 100} %`, overdue: i % 3 === 0 }));
const labels = {
  title: 'Rapport de mission', doc_title: 'Rapport de mission', date: 'Date', vciso: 'RSSI externalisé', firm: 'Cabinet',
  mission: 'Mission', none: 'Aucun', page: 'Page', summary: 'Synthèse', fig_frameworks: 'référentiel(s) adopté(s)',
  fig_risks: 'risque(s) ouverts ou traités', fig_open: 'action(s) ouverte(s)', fig_overdue: 'action(s) en retard',
  compliance: 'Conformité par référentiel', no_frameworks: 'Aucun référentiel adopté.', framework: 'Référentiel',
  compliance_pct: 'Conformité', assessed_col: 'Évalués', assessed: 'exigences évaluées', heat_title: 'Cartes des risques',
  heat_inherent: 'Risque brut', heat_residual: 'Risque résiduel', likelihood: 'Vraisemblance', impact: 'Impact',
  level_low: 'Faible', level_medium: 'Moyen', level_high: 'Élevé', level_critical: 'Critique',
  top_risks: 'Principaux risques', no_risks: 'Aucun risque.', risk: 'Risque', score: 'Score', level: 'Niveau',
  residual: 'Résiduel', treatment: 'Traitement', owner: 'Responsable', open_actions: 'Actions ouvertes',
  overdue_actions: 'Actions en retard', no_open_actions: 'Aucune action ouverte.', no_overdue_actions: 'Aucune action en retard.',
  action: 'Action', due: 'Échéance', priority: 'Priorité', status: 'Statut', progress: 'Avancement',
};
process.stdout.write(JSON.stringify({
  lang: 'fr', doc_title: 'Rapport de mission', date: '2026-11-26', labels,
  client: { name: 'Clinique Saint-Éloi des Hauts-de-Seine — groupement hospitalier', mission: 'Permanente' },
  firm: { name: 'Cabinet Rempart', accent: '#7a2f8f' }, vcisos: ['Élodie Marchand', 'Jean Dupont'], logos: {},
  frameworks: fws, risks: { total: risks, heat_map: inherent, residual_heat_map: residual },
  actions: { open: actions, done: 3, overdue: Math.ceil(actions / 3) },
  top_risks: top, open_actions: acts, overdue_actions: acts.filter((a) => a.overdue),
}));
