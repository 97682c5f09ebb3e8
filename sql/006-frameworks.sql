-- The framework catalogue: frameworks (the platform's own, firm_id NULL, or
-- imported by a firm) and their requirements as a tree of groups and
-- assessable items, each with its official reference and, in French and
-- English, a short title and a one-sentence summary written for Rempart
-- (paraphrases, not the publishers' wording). position orders the whole
-- tree of a framework as its document does.

CREATE TABLE frameworks (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NULL,
  code VARCHAR(40) NOT NULL,
  version VARCHAR(40) NOT NULL,
  name_fr VARCHAR(200) NOT NULL,
  name_en VARCHAR(200) NOT NULL,
  publisher VARCHAR(200) NOT NULL,
  licence VARCHAR(200) NOT NULL,
  source_url VARCHAR(500) NOT NULL,
  summary_fr TEXT NOT NULL,
  summary_en TEXT NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_frameworks_code (firm_id, code, version),
  CONSTRAINT fk_frameworks_firm FOREIGN KEY (firm_id) REFERENCES firms (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- parent_id: the group a requirement belongs to (function, category,
-- chapter); depth 0 for top groups. assessable: 1 for what is assessed.
CREATE TABLE requirements (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  framework_id BIGINT UNSIGNED NOT NULL,
  parent_id BIGINT UNSIGNED NULL,
  ref VARCHAR(40) NOT NULL,
  depth TINYINT UNSIGNED NOT NULL,
  assessable TINYINT(1) NOT NULL,
  position INT UNSIGNED NOT NULL,
  title_fr VARCHAR(300) NOT NULL,
  title_en VARCHAR(300) NOT NULL,
  summary_fr TEXT NOT NULL,
  summary_en TEXT NOT NULL,
  UNIQUE KEY uq_requirements_ref (framework_id, ref),
  KEY ix_requirements_parent (parent_id),
  CONSTRAINT fk_requirements_framework FOREIGN KEY (framework_id) REFERENCES frameworks (id) ON DELETE CASCADE,
  CONSTRAINT fk_requirements_parent FOREIGN KEY (parent_id) REFERENCES requirements (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- NIST Cybersecurity Framework 2.0 (NIST CSWP 29, February 2024): 6
-- functions, 22 categories, 106 subcategories. Subcategory numbers withdrawn
-- in 2.0 are gaps (e.g. ID.AM-06, PR.DS-03..09), as in NIST's own list.
-- Categories follow the order of the CSF 2.0 core (DE.CM before DE.AE).
INSERT INTO frameworks (firm_id, code, version, name_fr, name_en, publisher, licence,
  source_url, summary_fr, summary_en) VALUES
  (NULL, 'nist-csf', '2.0',
   'Cadre de cybersécurité du NIST (CSF) 2.0',
   'NIST Cybersecurity Framework (CSF) 2.0',
   'National Institute of Standards and Technology (NIST)',
   'Public domain (U.S. government work)',
   'https://doi.org/10.6028/NIST.CSWP.29',
   'Référentiel américain de gestion des risques cyber, applicable à toute organisation, qui décrit des résultats attendus en six fonctions, 22 catégories et 106 sous-catégories.',
   'A US framework for managing cybersecurity risk in any organisation, describing expected outcomes in six functions, 22 categories and 106 subcategories.');
SET @fw = LAST_INSERT_ID();

-- GV: Govern
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'GV', 0, 0, 1,
   'Gouverner', 'Govern',
   'Définir, communiquer et suivre la stratégie, les attentes et la politique de l''organisation en matière de risques cyber.',
   'Set, communicate and monitor the organisation''s cybersecurity risk strategy, expectations and policy.');
SET @function = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'GV.OC', 1, 0, 2,
   'Contexte de l''organisation', 'Organisational context',
   'Comprendre la mission, les parties prenantes, les dépendances et les obligations qui encadrent les décisions de risque cyber.',
   'Understand the mission, stakeholders, dependencies and obligations that frame cybersecurity risk decisions.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'GV.OC-01', 2, 1, 3,
   'Mission et gestion du risque', 'Mission guides risk management',
   'La mission de l''organisation est comprise et oriente la gestion des risques cyber.',
   'The organisation''s mission is known and shapes how cybersecurity risk is managed.'),
  (@fw, @category, 'GV.OC-02', 2, 1, 4,
   'Attentes des parties prenantes', 'Stakeholder expectations',
   'Les parties prenantes internes et externes sont identifiées et leurs attentes en matière de risque cyber sont prises en compte.',
   'Internal and external stakeholders are identified and their expectations about cybersecurity risk are taken into account.'),
  (@fw, @category, 'GV.OC-03', 2, 1, 5,
   'Obligations légales et contractuelles', 'Legal and contractual obligations',
   'Les exigences légales, réglementaires et contractuelles de cybersécurité, protection de la vie privée comprise, sont connues et gérées.',
   'Legal, regulatory and contractual cybersecurity requirements, privacy included, are known and managed.'),
  (@fw, @category, 'GV.OC-04', 2, 1, 6,
   'Ce que les tiers attendent de l''organisation', 'What others rely on',
   'Les objectifs, capacités et services critiques dont dépendent les parties externes sont identifiés et communiqués.',
   'The critical objectives, capabilities and services that outside parties rely on are identified and communicated.'),
  (@fw, @category, 'GV.OC-05', 2, 1, 7,
   'Dépendances de l''organisation', 'What the organisation relies on',
   'Les résultats, capacités et services externes dont l''organisation dépend sont identifiés et communiqués.',
   'The outside outcomes, capabilities and services the organisation depends on are identified and communicated.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'GV.RM', 1, 0, 8,
   'Stratégie de gestion des risques', 'Risk management strategy',
   'Fixer les priorités, contraintes, appétence et tolérance au risque qui guident les décisions opérationnelles.',
   'Set the priorities, constraints, risk appetite and tolerance that guide operational risk decisions.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'GV.RM-01', 2, 1, 9,
   'Objectifs de gestion des risques', 'Risk management objectives',
   'Des objectifs de gestion des risques sont fixés et validés par les parties prenantes.',
   'Risk management objectives are set and agreed by stakeholders.'),
  (@fw, @category, 'GV.RM-02', 2, 1, 10,
   'Appétence et tolérance au risque', 'Risk appetite and tolerance',
   'L''appétence et la tolérance au risque sont formalisées, diffusées et tenues à jour.',
   'Risk appetite and tolerance are written down, shared and kept current.'),
  (@fw, @category, 'GV.RM-03', 2, 1, 11,
   'Intégration aux risques de l''entreprise', 'Part of enterprise risk management',
   'Les activités et résultats de gestion du risque cyber alimentent la gestion des risques de l''entreprise.',
   'Cybersecurity risk activities and results feed into enterprise risk management.'),
  (@fw, @category, 'GV.RM-04', 2, 1, 12,
   'Options de traitement du risque', 'Risk response direction',
   'Une orientation stratégique sur les options de traitement du risque appropriées est définie et communiquée.',
   'Strategic direction on suitable risk response options is set and communicated.'),
  (@fw, @category, 'GV.RM-05', 2, 1, 13,
   'Circuits de communication sur les risques', 'Risk communication channels',
   'Des circuits de communication sur les risques cyber, y compris ceux venant des fournisseurs et des tiers, existent dans toute l''organisation.',
   'Channels exist across the organisation to discuss cybersecurity risks, including those coming from suppliers and other third parties.'),
  (@fw, @category, 'GV.RM-06', 2, 1, 14,
   'Méthode commune d''appréciation des risques', 'Consistent risk method',
   'Une méthode homogène pour calculer, documenter, classer et prioriser les risques cyber est définie et diffusée.',
   'A consistent method to calculate, record, categorise and prioritise cybersecurity risks is defined and shared.'),
  (@fw, @category, 'GV.RM-07', 2, 1, 15,
   'Opportunités (risques positifs)', 'Opportunities (positive risks)',
   'Les opportunités stratégiques sont décrites et prises en compte dans les échanges sur les risques cyber.',
   'Strategic opportunities are described and included in cybersecurity risk discussions.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'GV.RR', 1, 0, 16,
   'Rôles, responsabilités et pouvoirs', 'Roles, responsibilities and authority',
   'Attribuer et faire connaître les rôles et pouvoirs en cybersécurité pour permettre responsabilisation, évaluation et amélioration.',
   'Assign and communicate cybersecurity roles and authority to support accountability, evaluation and improvement.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'GV.RR-01', 2, 1, 17,
   'Responsabilité de la direction', 'Leadership accountability',
   'La direction assume le risque cyber et encourage une culture attentive au risque, éthique et en amélioration continue.',
   'Leadership owns cybersecurity risk and promotes a risk-aware, ethical culture that keeps improving.'),
  (@fw, @category, 'GV.RR-02', 2, 1, 18,
   'Rôles définis et appliqués', 'Defined and enforced roles',
   'Les rôles, responsabilités et pouvoirs liés à la gestion du risque cyber sont définis, communiqués, compris et appliqués.',
   'Roles, responsibilities and authority for cybersecurity risk management are defined, communicated, understood and enforced.'),
  (@fw, @category, 'GV.RR-03', 2, 1, 19,
   'Ressources suffisantes', 'Adequate resources',
   'Les ressources allouées sont à la mesure de la stratégie de risque, des rôles et des politiques.',
   'Resources are allocated in proportion to the risk strategy, roles and policies.'),
  (@fw, @category, 'GV.RR-04', 2, 1, 20,
   'Cybersécurité et ressources humaines', 'Security in HR practices',
   'La cybersécurité est intégrée aux pratiques RH : recrutement, arrivée, départ et vérifications.',
   'Cybersecurity is built into human resources practices such as hiring, onboarding, offboarding and screening.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'GV.PO', 1, 0, 21,
   'Politique', 'Policy',
   'Établir, diffuser et faire respecter la politique de cybersécurité de l''organisation.',
   'Establish, communicate and enforce the organisation''s cybersecurity policy.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'GV.PO-01', 2, 1, 22,
   'Politique établie', 'Policy established',
   'Une politique de gestion des risques cyber, fondée sur le contexte, la stratégie et les priorités, est établie, diffusée et appliquée.',
   'A cybersecurity risk policy grounded in context, strategy and priorities is established, communicated and enforced.'),
  (@fw, @category, 'GV.PO-02', 2, 1, 23,
   'Politique revue et mise à jour', 'Policy kept up to date',
   'La politique est revue et mise à jour pour suivre l''évolution des exigences, des menaces, des technologies et de la mission.',
   'The policy is reviewed and updated as requirements, threats, technology and mission change.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'GV.OV', 1, 0, 24,
   'Supervision', 'Oversight',
   'Utiliser les résultats de la gestion des risques cyber pour ajuster et améliorer la stratégie.',
   'Use the results of cybersecurity risk management to adjust and improve the strategy.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'GV.OV-01', 2, 1, 25,
   'Revue des résultats de la stratégie', 'Strategy outcomes reviewed',
   'Les résultats de la stratégie de gestion des risques sont examinés pour en ajuster l''orientation.',
   'The outcomes of the risk management strategy are examined to adjust its direction.'),
  (@fw, @category, 'GV.OV-02', 2, 1, 26,
   'Couverture de la stratégie', 'Strategy coverage',
   'La stratégie est revue et ajustée pour couvrir les exigences et les risques de l''organisation.',
   'The strategy is reviewed and adjusted so that it covers the organisation''s requirements and risks.'),
  (@fw, @category, 'GV.OV-03', 2, 1, 27,
   'Évaluation de la performance', 'Performance evaluation',
   'La performance de la gestion des risques cyber est mesurée et revue pour décider des ajustements nécessaires.',
   'Cybersecurity risk management performance is measured and reviewed to decide on needed adjustments.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'GV.SC', 1, 0, 28,
   'Risques de la chaîne d''approvisionnement', 'Supply chain risk management',
   'Mettre en place, piloter et améliorer la gestion des risques cyber liés aux fournisseurs et à la chaîne d''approvisionnement.',
   'Set up, run and improve the management of cybersecurity risks from suppliers and the supply chain.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'GV.SC-01', 2, 1, 29,
   'Programme de gestion des fournisseurs', 'Supply chain programme',
   'Un programme de gestion des risques cyber fournisseurs (stratégie, objectifs, politiques, processus) est établi et validé.',
   'A supply chain cybersecurity risk programme with strategy, objectives, policies and processes is established and agreed.'),
  (@fw, @category, 'GV.SC-02', 2, 1, 30,
   'Rôles avec fournisseurs et partenaires', 'Roles with suppliers and partners',
   'Les rôles et responsabilités cyber des fournisseurs, clients et partenaires sont définis, diffusés et coordonnés.',
   'Cybersecurity roles and responsibilities of suppliers, customers and partners are defined, shared and coordinated.'),
  (@fw, @category, 'GV.SC-03', 2, 1, 31,
   'Intégration à la gestion des risques', 'Built into risk management',
   'La gestion des risques fournisseurs fait partie de la gestion des risques cyber et d''entreprise, de l''appréciation des risques et de l''amélioration.',
   'Supply chain risk management is part of cybersecurity and enterprise risk management, risk assessment and improvement.'),
  (@fw, @category, 'GV.SC-04', 2, 1, 32,
   'Fournisseurs connus et classés', 'Suppliers known and ranked',
   'Les fournisseurs sont recensés et classés selon leur criticité.',
   'Suppliers are listed and ranked by criticality.'),
  (@fw, @category, 'GV.SC-05', 2, 1, 33,
   'Exigences dans les contrats', 'Requirements in contracts',
   'Les exigences de cybersécurité envers les fournisseurs et les tiers sont définies, priorisées et inscrites dans les contrats.',
   'Cybersecurity requirements for suppliers and third parties are defined, prioritised and written into contracts and agreements.'),
  (@fw, @category, 'GV.SC-06', 2, 1, 34,
   'Vérifications avant contrat', 'Due diligence before contracting',
   'Une préparation et des vérifications préalables réduisent les risques avant toute relation formelle avec un fournisseur ou un tiers.',
   'Planning and due diligence reduce risks before any formal supplier or third-party relationship begins.'),
  (@fw, @category, 'GV.SC-07', 2, 1, 35,
   'Suivi des risques fournisseurs', 'Ongoing supplier risk',
   'Les risques posés par un fournisseur, ses produits ou ses services sont évalués, traités et suivis pendant toute la relation.',
   'Risks from a supplier and its products or services are assessed, handled and monitored throughout the relationship.'),
  (@fw, @category, 'GV.SC-08', 2, 1, 36,
   'Fournisseurs et incidents', 'Suppliers in incident plans',
   'Les fournisseurs et tiers concernés participent à la préparation, à la réponse et au rétablissement en cas d''incident.',
   'Relevant suppliers and third parties take part in incident planning, response and recovery.'),
  (@fw, @category, 'GV.SC-09', 2, 1, 37,
   'Sécurité de la chaîne sur tout le cycle de vie', 'Supply chain security over the life cycle',
   'Les pratiques de sécurité de la chaîne d''approvisionnement sont intégrées aux programmes de risque et suivies sur tout le cycle de vie des produits et services.',
   'Supply chain security practices are part of the risk programmes and tracked across the whole product and service life cycle.'),
  (@fw, @category, 'GV.SC-10', 2, 1, 38,
   'Fin de relation', 'End of relationship',
   'Les plans prévoient les activités à mener après la fin d''un partenariat ou d''un contrat de service.',
   'Plans cover what must happen after a partnership or service agreement ends.');

-- ID: Identify
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'ID', 0, 0, 39,
   'Identifier', 'Identify',
   'Comprendre les risques cyber auxquels l''organisation est exposée aujourd''hui.',
   'Understand the cybersecurity risks the organisation faces today.');
SET @function = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'ID.AM', 1, 0, 40,
   'Gestion des actifs', 'Asset management',
   'Recenser et gérer les actifs (données, matériels, logiciels, services, personnes) selon leur importance pour les objectifs.',
   'Identify and manage assets such as data, hardware, software, services and people according to their importance to objectives.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'ID.AM-01', 2, 1, 41,
   'Inventaire du matériel', 'Hardware inventory',
   'L''inventaire du matériel géré par l''organisation est tenu à jour.',
   'An up-to-date inventory of the hardware the organisation manages is kept.'),
  (@fw, @category, 'ID.AM-02', 2, 1, 42,
   'Inventaire des logiciels et services', 'Software and services inventory',
   'L''inventaire des logiciels, services et systèmes gérés par l''organisation est tenu à jour.',
   'An up-to-date inventory of the software, services and systems the organisation manages is kept.'),
  (@fw, @category, 'ID.AM-03', 2, 1, 43,
   'Cartographie des flux', 'Network and data flow maps',
   'Les communications réseau autorisées et les flux de données internes et externes sont représentés et tenus à jour.',
   'Authorised network communications and internal and external data flows are mapped and kept current.'),
  (@fw, @category, 'ID.AM-04', 2, 1, 44,
   'Inventaire des services fournisseurs', 'Supplier services inventory',
   'L''inventaire des services rendus par des fournisseurs est tenu à jour.',
   'An up-to-date inventory of services delivered by suppliers is kept.'),
  (@fw, @category, 'ID.AM-05', 2, 1, 45,
   'Priorisation des actifs', 'Asset prioritisation',
   'Les actifs sont priorisés selon leur classification, leur criticité, leurs ressources et leur impact sur la mission.',
   'Assets are prioritised by classification, criticality, resources and impact on the mission.'),
  (@fw, @category, 'ID.AM-07', 2, 1, 46,
   'Inventaire des données', 'Data inventory',
   'Les données des types désignés et leurs métadonnées sont inventoriées et tenues à jour.',
   'Data of designated types and their metadata are inventoried and kept current.'),
  (@fw, @category, 'ID.AM-08', 2, 1, 47,
   'Gestion du cycle de vie', 'Life cycle management',
   'Systèmes, matériels, logiciels, services et données sont gérés de leur acquisition à leur élimination.',
   'Systems, hardware, software, services and data are managed from acquisition to disposal.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'ID.RA', 1, 0, 48,
   'Appréciation des risques', 'Risk assessment',
   'Comprendre le risque cyber pesant sur l''organisation, ses actifs et les personnes.',
   'Understand the cybersecurity risk to the organisation, its assets and individuals.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'ID.RA-01', 2, 1, 49,
   'Vulnérabilités identifiées', 'Vulnerabilities identified',
   'Les vulnérabilités des actifs sont repérées, confirmées et enregistrées.',
   'Vulnerabilities in assets are found, confirmed and recorded.'),
  (@fw, @category, 'ID.RA-02', 2, 1, 50,
   'Renseignement sur la menace', 'Threat intelligence',
   'Du renseignement sur les cybermenaces est obtenu auprès de communautés de partage et d''autres sources.',
   'Cyber threat intelligence is obtained from sharing communities and other sources.'),
  (@fw, @category, 'ID.RA-03', 2, 1, 51,
   'Menaces identifiées', 'Threats identified',
   'Les menaces internes et externes pesant sur l''organisation sont identifiées et enregistrées.',
   'Internal and external threats to the organisation are identified and recorded.'),
  (@fw, @category, 'ID.RA-04', 2, 1, 52,
   'Impacts et vraisemblances', 'Impact and likelihood',
   'L''impact et la vraisemblance de l''exploitation des vulnérabilités par les menaces sont estimés et enregistrés.',
   'The possible impact and likelihood of threats exploiting vulnerabilities are estimated and recorded.'),
  (@fw, @category, 'ID.RA-05', 2, 1, 53,
   'Risque inhérent et priorités', 'Inherent risk and priorities',
   'Menaces, vulnérabilités, vraisemblances et impacts servent à apprécier le risque inhérent et à prioriser son traitement.',
   'Threats, vulnerabilities, likelihood and impact are combined to gauge inherent risk and prioritise the response.'),
  (@fw, @category, 'ID.RA-06', 2, 1, 54,
   'Traitement des risques', 'Risk responses',
   'Les traitements des risques sont choisis, priorisés, planifiés, suivis et communiqués.',
   'Risk responses are chosen, prioritised, planned, tracked and communicated.'),
  (@fw, @category, 'ID.RA-07', 2, 1, 55,
   'Changements et dérogations', 'Changes and exceptions',
   'Les changements et dérogations sont gérés, évalués sous l''angle du risque, enregistrés et suivis.',
   'Changes and exceptions are managed, assessed for risk, recorded and tracked.'),
  (@fw, @category, 'ID.RA-08', 2, 1, 56,
   'Signalement de vulnérabilités', 'Vulnerability disclosure',
   'Des processus existent pour recevoir, analyser et traiter les signalements de vulnérabilités.',
   'Processes exist to receive, analyse and act on vulnerability reports.'),
  (@fw, @category, 'ID.RA-09', 2, 1, 57,
   'Authenticité du matériel et des logiciels', 'Authentic hardware and software',
   'L''authenticité et l''intégrité du matériel et des logiciels sont vérifiées avant acquisition et utilisation.',
   'Hardware and software are checked for authenticity and integrity before they are bought and used.'),
  (@fw, @category, 'ID.RA-10', 2, 1, 58,
   'Évaluation des fournisseurs critiques', 'Critical supplier assessment',
   'Les fournisseurs critiques sont évalués avant toute acquisition.',
   'Critical suppliers are assessed before any acquisition.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'ID.IM', 1, 0, 59,
   'Amélioration', 'Improvement',
   'Repérer les améliorations à apporter aux processus et activités de gestion des risques cyber, dans toutes les fonctions.',
   'Find improvements to cybersecurity risk management processes and activities across all Functions.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'ID.IM-01', 2, 1, 60,
   'Enseignements des évaluations', 'Lessons from evaluations',
   'Les évaluations servent à repérer des améliorations.',
   'Evaluations are used to find improvements.'),
  (@fw, @category, 'ID.IM-02', 2, 1, 61,
   'Enseignements des tests et exercices', 'Lessons from tests and exercises',
   'Les tests et exercices de sécurité, y compris ceux menés avec les fournisseurs et les tiers, font ressortir des améliorations.',
   'Security tests and exercises, including those run with suppliers and third parties, bring out improvements.'),
  (@fw, @category, 'ID.IM-03', 2, 1, 62,
   'Enseignements des opérations', 'Lessons from operations',
   'La conduite des processus et activités opérationnels fait ressortir des améliorations.',
   'Running operational processes, procedures and activities brings out improvements.'),
  (@fw, @category, 'ID.IM-04', 2, 1, 63,
   'Plans de réponse et plans cyber', 'Response and security plans',
   'Les plans de réponse aux incidents et les autres plans cyber touchant les opérations sont établis, diffusés, tenus à jour et améliorés.',
   'Incident response plans and other cybersecurity plans affecting operations are established, shared, maintained and improved.');

-- PR: Protect
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'PR', 0, 0, 64,
   'Protéger', 'Protect',
   'Mettre en œuvre des mesures de protection pour maîtriser les risques cyber de l''organisation.',
   'Put safeguards in place to manage the organisation''s cybersecurity risks.');
SET @function = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'PR.AA', 1, 0, 65,
   'Identités, authentification et contrôle d''accès', 'Identity, authentication and access control',
   'Réserver l''accès aux actifs physiques et logiques aux utilisateurs, services et matériels autorisés, en proportion du risque.',
   'Limit access to physical and logical assets to authorised users, services and hardware, in proportion to the risk.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'PR.AA-01', 2, 1, 66,
   'Identités et identifiants', 'Identities and credentials',
   'L''organisation gère les identités et les identifiants des utilisateurs, services et matériels autorisés.',
   'The organisation manages identities and credentials for authorised users, services and hardware.'),
  (@fw, @category, 'PR.AA-02', 2, 1, 67,
   'Vérification d''identité', 'Identity proofing',
   'Les identités sont vérifiées et rattachées aux identifiants selon le contexte des échanges.',
   'Identities are verified and bound to credentials according to the context of use.'),
  (@fw, @category, 'PR.AA-03', 2, 1, 68,
   'Authentification', 'Authentication',
   'Les utilisateurs, services et matériels sont authentifiés.',
   'Users, services and hardware are authenticated.'),
  (@fw, @category, 'PR.AA-04', 2, 1, 69,
   'Assertions d''identité', 'Identity assertions',
   'Les assertions d''identité sont protégées, transmises et vérifiées de façon sûre.',
   'Identity assertions are protected, passed on and verified securely.'),
  (@fw, @category, 'PR.AA-05', 2, 1, 70,
   'Droits d''accès', 'Access permissions',
   'Les droits d''accès sont définis dans une politique, gérés, appliqués et revus selon le moindre privilège et la séparation des tâches.',
   'Access rights are set in policy, managed, enforced and reviewed under least privilege and separation of duties.'),
  (@fw, @category, 'PR.AA-06', 2, 1, 71,
   'Accès physique', 'Physical access',
   'L''accès physique aux actifs est géré, surveillé et contrôlé en fonction du risque.',
   'Physical access to assets is managed, monitored and enforced according to risk.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'PR.AT', 1, 0, 72,
   'Sensibilisation et formation', 'Awareness and training',
   'Sensibiliser et former le personnel pour qu''il accomplisse ses tâches en tenant compte de la cybersécurité.',
   'Give staff awareness and training so they can carry out their tasks with cybersecurity in mind.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'PR.AT-01', 2, 1, 73,
   'Sensibilisation de tous', 'Awareness for everyone',
   'Le personnel est sensibilisé et formé pour accomplir ses tâches courantes en tenant compte des risques cyber.',
   'Staff receive awareness and training to carry out everyday tasks with cybersecurity risks in mind.'),
  (@fw, @category, 'PR.AT-02', 2, 1, 74,
   'Formation des rôles spécialisés', 'Training for specialised roles',
   'Les personnes occupant des rôles spécialisés reçoivent une formation adaptée aux risques cyber de leurs missions.',
   'People in specialised roles receive training suited to the cybersecurity risks of their work.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'PR.DS', 1, 0, 75,
   'Sécurité des données', 'Data security',
   'Gérer les données pour protéger leur confidentialité, leur intégrité et leur disponibilité selon la stratégie de risque.',
   'Manage data to protect its confidentiality, integrity and availability in line with the risk strategy.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'PR.DS-01', 2, 1, 76,
   'Données stockées', 'Data at rest',
   'La confidentialité, l''intégrité et la disponibilité des données stockées sont protégées.',
   'Stored data is protected for confidentiality, integrity and availability.'),
  (@fw, @category, 'PR.DS-02', 2, 1, 77,
   'Données en transit', 'Data in transit',
   'La confidentialité, l''intégrité et la disponibilité des données qui circulent sont protégées.',
   'Data travelling over networks is protected for confidentiality, integrity and availability.'),
  (@fw, @category, 'PR.DS-10', 2, 1, 78,
   'Données en cours de traitement', 'Data in use',
   'La confidentialité, l''intégrité et la disponibilité des données en cours de traitement sont protégées.',
   'Data being processed is protected for confidentiality, integrity and availability.'),
  (@fw, @category, 'PR.DS-11', 2, 1, 79,
   'Sauvegardes', 'Backups',
   'Des sauvegardes des données sont réalisées, protégées, entretenues et testées.',
   'Data backups are made, protected, maintained and tested.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'PR.PS', 1, 0, 80,
   'Sécurité des plateformes', 'Platform security',
   'Gérer matériels, logiciels et services des plateformes physiques et virtuelles pour protéger leur confidentialité, intégrité et disponibilité.',
   'Manage the hardware, software and services of physical and virtual platforms to protect their confidentiality, integrity and availability.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'PR.PS-01', 2, 1, 81,
   'Gestion des configurations', 'Configuration management',
   'Des pratiques de gestion des configurations sont définies et appliquées.',
   'Configuration management practices are defined and applied.'),
  (@fw, @category, 'PR.PS-02', 2, 1, 82,
   'Maintenance des logiciels', 'Software upkeep',
   'Les logiciels sont maintenus, remplacés et retirés en fonction du risque.',
   'Software is maintained, replaced and removed according to risk.'),
  (@fw, @category, 'PR.PS-03', 2, 1, 83,
   'Maintenance du matériel', 'Hardware upkeep',
   'Le matériel est maintenu, remplacé et retiré en fonction du risque.',
   'Hardware is maintained, replaced and removed according to risk.'),
  (@fw, @category, 'PR.PS-04', 2, 1, 84,
   'Journaux', 'Logging',
   'Des journaux sont produits et mis à disposition pour une surveillance continue.',
   'Logs are produced and made available for continuous monitoring.'),
  (@fw, @category, 'PR.PS-05', 2, 1, 85,
   'Logiciels non autorisés', 'Unauthorised software',
   'L''installation et l''exécution de logiciels non autorisés sont empêchées.',
   'Unauthorised software is prevented from being installed or run.'),
  (@fw, @category, 'PR.PS-06', 2, 1, 86,
   'Développement sécurisé', 'Secure development',
   'Des pratiques de développement sécurisé sont intégrées et suivies tout au long du cycle de développement logiciel.',
   'Secure development practices are built in and monitored throughout the software development life cycle.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'PR.IR', 1, 0, 87,
   'Résilience de l''infrastructure', 'Infrastructure resilience',
   'Gérer les architectures de sécurité pour protéger les actifs et préserver la résilience de l''organisation.',
   'Manage security architectures to protect assets and keep the organisation resilient.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'PR.IR-01', 2, 1, 88,
   'Protection des réseaux et environnements', 'Networks and environments protected',
   'Les réseaux et environnements sont protégés contre l''accès et l''usage logiques non autorisés.',
   'Networks and environments are protected from unauthorised logical access and use.'),
  (@fw, @category, 'PR.IR-02', 2, 1, 89,
   'Menaces environnementales', 'Environmental threats',
   'Les actifs technologiques sont protégés contre les menaces environnementales comme l''incendie, l''inondation ou la chaleur.',
   'Technology assets are protected from environmental threats such as fire, flood and heat.'),
  (@fw, @category, 'PR.IR-03', 2, 1, 90,
   'Mécanismes de résilience', 'Resilience mechanisms',
   'Des mécanismes permettent de tenir les exigences de résilience en situation normale comme dégradée.',
   'Mechanisms meet resilience requirements in both normal and adverse conditions.'),
  (@fw, @category, 'PR.IR-04', 2, 1, 91,
   'Capacité suffisante', 'Adequate capacity',
   'Une capacité de ressources suffisante est maintenue pour garantir la disponibilité.',
   'Enough resource capacity is kept to ensure availability.');

-- DE: Detect
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'DE', 0, 0, 92,
   'Détecter', 'Detect',
   'Repérer et analyser les attaques et compromissions possibles.',
   'Find and analyse possible cybersecurity attacks and compromises.');
SET @function = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'DE.CM', 1, 0, 93,
   'Surveillance continue', 'Continuous monitoring',
   'Surveiller les actifs pour repérer anomalies, indicateurs de compromission et autres événements potentiellement néfastes.',
   'Monitor assets to spot anomalies, indicators of compromise and other potentially adverse events.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'DE.CM-01', 2, 1, 94,
   'Surveillance des réseaux', 'Network monitoring',
   'Les réseaux et services réseau sont surveillés pour repérer les événements potentiellement néfastes.',
   'Networks and network services are watched for potentially adverse events.'),
  (@fw, @category, 'DE.CM-02', 2, 1, 95,
   'Surveillance de l''environnement physique', 'Physical environment monitoring',
   'L''environnement physique est surveillé pour repérer les événements potentiellement néfastes.',
   'The physical environment is watched for potentially adverse events.'),
  (@fw, @category, 'DE.CM-03', 2, 1, 96,
   'Activité du personnel et usage des technologies', 'Staff activity and technology use',
   'L''activité du personnel et l''usage des technologies sont surveillés pour repérer les événements potentiellement néfastes.',
   'Staff activity and technology use are watched for potentially adverse events.'),
  (@fw, @category, 'DE.CM-06', 2, 1, 97,
   'Activité des prestataires externes', 'External provider activity',
   'Les activités et services des prestataires externes sont surveillés pour repérer les événements potentiellement néfastes.',
   'External service providers'' activities and services are watched for potentially adverse events.'),
  (@fw, @category, 'DE.CM-09', 2, 1, 98,
   'Matériels, logiciels et environnements d''exécution', 'Computing and runtime monitoring',
   'Le matériel, les logiciels, les environnements d''exécution et leurs données sont surveillés pour repérer les événements potentiellement néfastes.',
   'Computing hardware, software, runtime environments and their data are watched for potentially adverse events.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'DE.AE', 1, 0, 99,
   'Analyse des événements néfastes', 'Adverse event analysis',
   'Analyser anomalies et indicateurs de compromission pour caractériser les événements et détecter les incidents.',
   'Analyse anomalies and indicators of compromise to characterise events and detect incidents.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'DE.AE-02', 2, 1, 100,
   'Analyse des événements suspects', 'Suspicious event analysis',
   'Les événements potentiellement néfastes sont analysés pour mieux comprendre l''activité qui s''y rattache.',
   'Potentially adverse events are analysed to understand the related activity better.'),
  (@fw, @category, 'DE.AE-03', 2, 1, 101,
   'Corrélation des sources', 'Correlation across sources',
   'Les informations provenant de plusieurs sources sont corrélées.',
   'Information from several sources is correlated.'),
  (@fw, @category, 'DE.AE-04', 2, 1, 102,
   'Impact et étendue estimés', 'Estimated impact and scope',
   'L''impact et l''étendue estimés des événements néfastes sont compris.',
   'The estimated impact and scope of adverse events are understood.'),
  (@fw, @category, 'DE.AE-06', 2, 1, 103,
   'Transmission de l''information', 'Event information shared',
   'Les informations sur les événements néfastes sont transmises au personnel et aux outils habilités.',
   'Information on adverse events is passed to authorised staff and tools.'),
  (@fw, @category, 'DE.AE-07', 2, 1, 104,
   'Renseignement et contexte', 'Threat intelligence and context',
   'Le renseignement sur la menace et d''autres éléments de contexte sont intégrés à l''analyse.',
   'Threat intelligence and other context are built into the analysis.'),
  (@fw, @category, 'DE.AE-08', 2, 1, 105,
   'Déclaration d''incident', 'Incident declaration',
   'Un incident est déclaré lorsque des événements néfastes remplissent les critères définis.',
   'An incident is declared when adverse events meet the defined criteria.');

-- RS: Respond
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'RS', 0, 0, 106,
   'Répondre', 'Respond',
   'Agir face à un incident de cybersécurité détecté.',
   'Take action on a detected cybersecurity incident.');
SET @function = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'RS.MA', 1, 0, 107,
   'Gestion des incidents', 'Incident management',
   'Piloter la réponse aux incidents de cybersécurité détectés.',
   'Manage the response to detected cybersecurity incidents.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'RS.MA-01', 2, 1, 108,
   'Exécution du plan de réponse', 'Response plan carried out',
   'Une fois l''incident déclaré, le plan de réponse est exécuté en coordination avec les tiers concernés.',
   'Once an incident is declared, the response plan is carried out together with the relevant third parties.'),
  (@fw, @category, 'RS.MA-02', 2, 1, 109,
   'Tri et validation', 'Triage and validation',
   'Les signalements d''incident sont triés et validés.',
   'Incident reports are triaged and validated.'),
  (@fw, @category, 'RS.MA-03', 2, 1, 110,
   'Catégorisation et priorisation', 'Categorisation and priority',
   'Les incidents sont catégorisés et priorisés.',
   'Incidents are categorised and prioritised.'),
  (@fw, @category, 'RS.MA-04', 2, 1, 111,
   'Escalade', 'Escalation',
   'Les incidents sont escaladés ou remontés à un niveau supérieur lorsque c''est nécessaire.',
   'Incidents are escalated or raised to a higher level when needed.'),
  (@fw, @category, 'RS.MA-05', 2, 1, 112,
   'Critères de passage au rétablissement', 'Criteria for starting recovery',
   'Les critères de déclenchement du rétablissement sont appliqués.',
   'The criteria for starting incident recovery are applied.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'RS.AN', 1, 0, 113,
   'Analyse des incidents', 'Incident analysis',
   'Mener des investigations pour répondre efficacement et soutenir l''analyse forensique et le rétablissement.',
   'Investigate to respond effectively and to support forensics and recovery.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'RS.AN-03', 2, 1, 114,
   'Déroulé et cause racine', 'What happened and root cause',
   'Une analyse établit le déroulé de l''incident et sa cause racine.',
   'Analysis establishes what happened during the incident and its root cause.'),
  (@fw, @category, 'RS.AN-06', 2, 1, 115,
   'Traçabilité des investigations', 'Investigation records',
   'Les actions menées pendant l''investigation sont consignées, et l''intégrité et la provenance de ces traces sont préservées.',
   'Actions taken during an investigation are recorded, and the integrity and provenance of the records are preserved.'),
  (@fw, @category, 'RS.AN-07', 2, 1, 116,
   'Collecte des éléments de preuve', 'Evidence collection',
   'Les données et métadonnées d''incident sont collectées en préservant leur intégrité et leur provenance.',
   'Incident data and metadata are collected with their integrity and provenance preserved.'),
  (@fw, @category, 'RS.AN-08', 2, 1, 117,
   'Ampleur de l''incident', 'Incident magnitude',
   'L''ampleur de l''incident est estimée puis confirmée.',
   'The size of the incident is estimated and then confirmed.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'RS.CO', 1, 0, 118,
   'Signalement et communication de la réponse', 'Response reporting and communication',
   'Coordonner la réponse avec les parties internes et externes comme l''exigent les lois, règlements ou politiques.',
   'Coordinate the response with internal and external parties as laws, regulations or policies require.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'RS.CO-02', 2, 1, 119,
   'Information des parties prenantes', 'Stakeholders notified',
   'Les parties prenantes internes et externes sont informées des incidents.',
   'Internal and external stakeholders are told about incidents.'),
  (@fw, @category, 'RS.CO-03', 2, 1, 120,
   'Partage d''informations', 'Information sharing',
   'Les informations sont partagées avec les parties internes et externes désignées.',
   'Information is shared with designated internal and external parties.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'RS.MI', 1, 0, 121,
   'Atténuation des incidents', 'Incident mitigation',
   'Empêcher l''extension d''un événement et en limiter les effets.',
   'Stop an event from spreading and limit its effects.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'RS.MI-01', 2, 1, 122,
   'Confinement', 'Containment',
   'Les incidents sont confinés.',
   'Incidents are contained.'),
  (@fw, @category, 'RS.MI-02', 2, 1, 123,
   'Éradication', 'Eradication',
   'Les incidents sont éradiqués.',
   'Incidents are eradicated.');

-- RC: Recover
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'RC', 0, 0, 124,
   'Rétablir', 'Recover',
   'Restaurer les actifs et les activités touchés par un incident de cybersécurité.',
   'Restore the assets and operations affected by a cybersecurity incident.');
SET @function = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'RC.RP', 1, 0, 125,
   'Exécution du plan de rétablissement', 'Recovery plan execution',
   'Mener la restauration pour rendre à nouveau disponibles les systèmes et services touchés.',
   'Carry out restoration so that affected systems and services are available again.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'RC.RP-01', 2, 1, 126,
   'Lancement du rétablissement', 'Recovery started',
   'Le volet rétablissement du plan de réponse est exécuté dès que le processus de réponse le déclenche.',
   'The recovery part of the incident response plan is carried out once the response process triggers it.'),
  (@fw, @category, 'RC.RP-02', 2, 1, 127,
   'Actions de rétablissement', 'Recovery actions',
   'Les actions de rétablissement sont choisies, cadrées, priorisées et réalisées.',
   'Recovery actions are chosen, scoped, prioritised and carried out.'),
  (@fw, @category, 'RC.RP-03', 2, 1, 128,
   'Intégrité des sauvegardes', 'Backup integrity checked',
   'L''intégrité des sauvegardes et des autres moyens de restauration est vérifiée avant leur utilisation.',
   'Backups and other restoration assets are checked for integrity before use.'),
  (@fw, @category, 'RC.RP-04', 2, 1, 129,
   'Fonctionnement après incident', 'Post-incident norms',
   'Les fonctions critiques et la gestion du risque cyber guident la définition du fonctionnement normal après l''incident.',
   'Critical mission functions and cybersecurity risk management guide what normal operation looks like after the incident.'),
  (@fw, @category, 'RC.RP-05', 2, 1, 130,
   'Vérification de la restauration', 'Restoration verified',
   'L''intégrité des actifs restaurés est vérifiée, les systèmes et services sont rétablis et le retour à la normale est confirmé.',
   'Restored assets are checked, systems and services are brought back and normal operation is confirmed.'),
  (@fw, @category, 'RC.RP-06', 2, 1, 131,
   'Clôture du rétablissement', 'Recovery closed',
   'La fin du rétablissement est déclarée selon des critères et la documentation de l''incident est complétée.',
   'The end of recovery is declared against criteria and the incident documentation is completed.');
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @function, 'RC.CO', 1, 0, 132,
   'Communication sur le rétablissement', 'Recovery communication',
   'Coordonner la restauration avec les parties internes et externes.',
   'Coordinate restoration with internal and external parties.');
SET @category = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @category, 'RC.CO-03', 2, 1, 133,
   'Information sur l''avancement', 'Progress updates',
   'L''avancement du rétablissement est communiqué aux parties internes et externes désignées.',
   'Recovery progress is reported to designated internal and external parties.'),
  (@fw, @category, 'RC.CO-04', 2, 1, 134,
   'Communication publique', 'Public updates',
   'Les communications publiques sur le rétablissement passent par des canaux et des messages approuvés.',
   'Public updates on recovery use approved channels and messages.');

-- ANSSI, Guide d'hygiène informatique : renforcer la sécurité de son système
-- d'information en 42 mesures (version 2.0, September 2017): 10 chapters
-- (I..X) holding the 42 measures, numbered 1..42 across the whole guide.
INSERT INTO frameworks (firm_id, code, version, name_fr, name_en, publisher, licence,
  source_url, summary_fr, summary_en) VALUES
  (NULL, 'anssi-hygiene', '2017',
   'Guide d''hygiène informatique de l''ANSSI (42 mesures)',
   'ANSSI IT hygiene guide (42 measures)',
   'Agence nationale de la sécurité des systèmes d''information (ANSSI)',
   'Licence Ouverte / Open Licence (Etalab)',
   'https://cyber.gouv.fr/publications/guide-dhygiene-informatique',
   'Socle de 42 mesures de sécurité essentielles publié par l''ANSSI, réparties en dix chapitres, pour toute entité disposant d''un service informatique.',
   'A baseline of 42 essential security measures from ANSSI, the French cybersecurity agency, grouped in ten chapters, for any organisation with an IT department.');
SET @fw = LAST_INSERT_ID();

-- I. Sensibiliser et former
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'I', 0, 0, 1,
   'Sensibiliser et former', 'Awareness and training',
   'Former les équipes techniques, sensibiliser les utilisateurs et garder la maîtrise des prestations confiées à des tiers.',
   'Train technical teams, make users aware and keep outsourced services under control.');
SET @chapter = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @chapter, '1', 1, 1, 2,
   'Former les équipes techniques à la sécurité', 'Train IT teams in security',
   'Les équipes d''exploitation, d''administration et de développement suivent régulièrement une formation à la sécurité adaptée à leur métier.',
   'Operations, administration and development staff get regular security training suited to their jobs.'),
  (@fw, @chapter, '2', 1, 1, 3,
   'Sensibiliser les utilisateurs', 'Make users security-aware',
   'Chaque utilisateur apprend dès son arrivée les règles et les bons réflexes de sécurité, puis les revoit régulièrement.',
   'Every user learns the security rules and good habits on arrival and is reminded of them regularly.'),
  (@fw, @chapter, '3', 1, 1, 4,
   'Encadrer l''infogérance', 'Control outsourcing risks',
   'Les prestations informatiques confiées à des tiers comportent des exigences de sécurité contractuelles et font l''objet d''un suivi.',
   'Outsourced IT services carry contractual security requirements and are followed up.');

-- II. Connaître le système d'information
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'II', 0, 0, 5,
   'Connaître le système d''information', 'Know the information system',
   'Savoir ce que contient le système d''information : données sensibles, réseau, comptes et équipements connectés.',
   'Know what the information system holds: sensitive data, network, accounts and connected devices.');
SET @chapter = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @chapter, '4', 1, 1, 6,
   'Repérer les actifs sensibles et cartographier le réseau', 'Map sensitive assets and the network',
   'Les informations et serveurs les plus sensibles sont identifiés et un schéma du réseau est tenu à jour.',
   'The most sensitive data and servers are identified and an up-to-date network diagram is kept.'),
  (@fw, @chapter, '5', 1, 1, 7,
   'Inventorier les comptes à privilèges', 'Inventory privileged accounts',
   'La liste complète des comptes dotés de privilèges élevés est établie et tenue à jour.',
   'A complete, current list of accounts with elevated privileges is kept.'),
  (@fw, @chapter, '6', 1, 1, 8,
   'Gérer arrivées, départs et mobilités', 'Joiners, movers and leavers',
   'Des procédures encadrent l''ouverture, la modification et le retrait des accès lors des arrivées, des départs et des changements de poste.',
   'Procedures govern granting, changing and removing access when people join, change roles or leave.'),
  (@fw, @chapter, '7', 1, 1, 9,
   'N''admettre que des équipements maîtrisés', 'Only managed devices on the network',
   'Seuls les équipements gérés par l''organisation peuvent se connecter à son réseau.',
   'Only devices the organisation manages may connect to its network.');

-- III. Authentifier et contrôler les accès
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'III', 0, 0, 10,
   'Authentifier et contrôler les accès', 'Authentication and access control',
   'Identifier chaque utilisateur, attribuer les bons droits et protéger les moyens d''authentification.',
   'Identify every user, grant the right permissions and protect the means of authentication.');
SET @chapter = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @chapter, '8', 1, 1, 11,
   'Comptes nominatifs et rôles séparés', 'Named accounts, separate admin roles',
   'Chaque accès est rattaché à une personne identifiée et les comptes d''administration sont distincts des comptes d''usage courant.',
   'Every access is tied to a named person and administrator accounts are kept apart from everyday accounts.'),
  (@fw, @chapter, '9', 1, 1, 12,
   'Attribuer des droits adaptés', 'Grant the right permissions',
   'Les droits sur les ressources sensibles sont accordés selon le strict besoin et revus régulièrement.',
   'Access to sensitive resources is granted only where needed and reviewed regularly.'),
  (@fw, @chapter, '10', 1, 1, 13,
   'Règles de mots de passe', 'Password rules',
   'Des règles de longueur et de robustesse des mots de passe sont fixées et leur respect est contrôlé.',
   'Password length and strength rules are set and compliance is checked.'),
  (@fw, @chapter, '11', 1, 1, 14,
   'Protéger les mots de passe stockés', 'Protect stored passwords',
   'Les mots de passe conservés sur les systèmes sont stockés sous une forme protégée, jamais en clair.',
   'Passwords kept on systems are stored in protected form, never in plain text.'),
  (@fw, @chapter, '12', 1, 1, 15,
   'Changer les identifiants par défaut', 'Change default credentials',
   'Les comptes et mots de passe livrés par défaut avec les équipements et services sont modifiés ou désactivés avant la mise en service.',
   'Default accounts and passwords shipped with devices and services are changed or disabled before going live.'),
  (@fw, @chapter, '13', 1, 1, 16,
   'Préférer l''authentification forte', 'Prefer strong authentication',
   'Une authentification à plusieurs facteurs est utilisée partout où c''est possible, en commençant par les accès sensibles.',
   'Multi-factor authentication is used wherever possible, starting with sensitive access.');

-- IV. Sécuriser les postes
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'IV', 0, 0, 17,
   'Sécuriser les postes', 'Secure workstations',
   'Appliquer un socle de sécurité homogène aux postes de travail et maîtriser les supports.',
   'Apply a consistent security baseline to workstations and keep media under control.');
SET @chapter = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @chapter, '14', 1, 1, 18,
   'Socle de sécurité pour tout le parc', 'Security baseline for every machine',
   'Tous les postes et serveurs reçoivent une configuration de sécurité minimale commune (durcissement, antivirus, restrictions).',
   'All workstations and servers get a common minimum security configuration such as hardening, anti-malware and restrictions.'),
  (@fw, @chapter, '15', 1, 1, 19,
   'Maîtriser les supports amovibles', 'Control removable media',
   'L''usage des clés USB et autres supports amovibles est encadré pour limiter les infections et les fuites de données.',
   'The use of USB drives and other removable media is restricted to limit infections and data leaks.'),
  (@fw, @chapter, '16', 1, 1, 20,
   'Gestion centralisée des politiques', 'Central policy management',
   'Un outil de gestion centralisée applique les mêmes règles de sécurité à l''ensemble du parc.',
   'A central management tool applies the same security settings across the whole fleet.'),
  (@fw, @chapter, '17', 1, 1, 21,
   'Pare-feu local des postes', 'Host firewall on workstations',
   'Le pare-feu intégré de chaque poste est activé et réglé pour bloquer les flux inutiles.',
   'Each workstation''s built-in firewall is switched on and set to block unneeded traffic.'),
  (@fw, @chapter, '18', 1, 1, 22,
   'Chiffrer les échanges sensibles', 'Encrypt sensitive transfers',
   'Les données sensibles envoyées par Internet sont systématiquement chiffrées.',
   'Sensitive data sent over the Internet is always encrypted.');

-- V. Sécuriser le réseau
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'V', 0, 0, 23,
   'Sécuriser le réseau', 'Secure the network',
   'Cloisonner le réseau, maîtriser les accès à Internet et protéger les échanges ainsi que les locaux techniques.',
   'Segment the network, control Internet access and protect exchanges and technical rooms.');
SET @chapter = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @chapter, '19', 1, 1, 24,
   'Segmenter le réseau', 'Segment the network',
   'Le réseau est découpé en zones cloisonnées selon la sensibilité et l''usage des systèmes.',
   'The network is split into isolated zones according to the sensitivity and use of the systems.'),
  (@fw, @chapter, '20', 1, 1, 25,
   'Sécuriser le Wi-Fi', 'Secure Wi-Fi',
   'Les réseaux Wi-Fi sont protégés et séparés du réseau interne, en particulier pour les invités et les usages personnels.',
   'Wi-Fi networks are secured and kept apart from the internal network, especially for guests and personal use.'),
  (@fw, @chapter, '21', 1, 1, 26,
   'Utiliser des protocoles sécurisés', 'Use secure protocols',
   'Les protocoles chiffrés et authentifiés remplacent leurs équivalents non sécurisés dès qu''ils sont disponibles.',
   'Encrypted, authenticated protocols replace insecure ones whenever they are available.'),
  (@fw, @chapter, '22', 1, 1, 27,
   'Passerelle Internet sécurisée', 'Secure Internet gateway',
   'Les accès à Internet passent par une passerelle maîtrisée qui filtre et journalise les flux.',
   'Internet access goes through a controlled gateway that filters and logs traffic.'),
  (@fw, @chapter, '23', 1, 1, 28,
   'Isoler les services exposés', 'Isolate Internet-facing services',
   'Les services accessibles depuis Internet sont placés dans une zone séparée du reste du système d''information.',
   'Services reachable from the Internet sit in a zone kept apart from the rest of the information system.'),
  (@fw, @chapter, '24', 1, 1, 29,
   'Protéger la messagerie', 'Protect business e-mail',
   'La messagerie professionnelle est protégée contre l''hameçonnage, les pièces jointes malveillantes et les transferts vers l''extérieur.',
   'Business e-mail is protected against phishing, malicious attachments and forwarding to outside mailboxes.'),
  (@fw, @chapter, '25', 1, 1, 30,
   'Liaisons avec les partenaires', 'Partner network links',
   'Les liaisons réseau dédiées avec les partenaires sont filtrées et sécurisées.',
   'Dedicated network links with partners are filtered and secured.'),
  (@fw, @chapter, '26', 1, 1, 31,
   'Accès physique aux locaux techniques', 'Physical access to server rooms',
   'L''accès aux salles serveurs et aux locaux techniques est restreint, contrôlé et tracé.',
   'Access to server rooms and technical areas is restricted, controlled and logged.');

-- VI. Sécuriser l'administration
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'VI', 0, 0, 32,
   'Sécuriser l''administration', 'Secure administration',
   'Isoler les activités d''administration et limiter les privilèges.',
   'Keep administration work isolated and privileges limited.');
SET @chapter = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @chapter, '27', 1, 1, 33,
   'Pas d''Internet pour l''administration', 'No Internet on admin machines',
   'Les postes et serveurs servant à l''administration n''ont pas accès à Internet.',
   'Workstations and servers used for administration have no Internet access.'),
  (@fw, @chapter, '28', 1, 1, 34,
   'Réseau d''administration dédié', 'Dedicated admin network',
   'L''administration passe par un réseau dédié et cloisonné, distinct de celui des utilisateurs.',
   'Administration runs over a dedicated, isolated network separate from the user network.'),
  (@fw, @chapter, '29', 1, 1, 35,
   'Limiter les droits d''administration locaux', 'Limit local admin rights',
   'Les utilisateurs n''ont pas de droits d''administration sur leur poste, sauf besoin opérationnel justifié.',
   'Users have no administrator rights on their workstation unless there is a justified operational need.');

-- VII. Gérer le nomadisme
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'VII', 0, 0, 36,
   'Gérer le nomadisme', 'Manage mobile working',
   'Protéger les équipements et les connexions utilisés hors des locaux.',
   'Protect the devices and connections used away from the office.');
SET @chapter = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @chapter, '30', 1, 1, 37,
   'Protection physique des équipements nomades', 'Physical protection of mobile devices',
   'Les ordinateurs portables et terminaux mobiles sont protégés contre le vol et les regards indiscrets.',
   'Laptops and mobile devices are protected against theft and prying eyes.'),
  (@fw, @chapter, '31', 1, 1, 38,
   'Chiffrer les données des équipements mobiles', 'Encrypt data on portable equipment',
   'Les données sensibles sont chiffrées, surtout sur les équipements et supports qui risquent d''être perdus.',
   'Sensitive data is encrypted, above all on equipment and media that could be lost.'),
  (@fw, @chapter, '32', 1, 1, 39,
   'Connexion sécurisée en mobilité', 'Secure remote connections',
   'Les postes nomades n''accèdent au système d''information que par une connexion chiffrée et authentifiée, de type VPN.',
   'Mobile workstations reach the information system only through an encrypted, authenticated connection such as a VPN.'),
  (@fw, @chapter, '33', 1, 1, 40,
   'Politique pour smartphones et tablettes', 'Smartphone and tablet policy',
   'Les smartphones et tablettes suivent une politique de sécurité qui leur est propre, idéalement gérée de façon centralisée.',
   'Smartphones and tablets follow their own security policy, ideally managed centrally.');

-- VIII. Maintenir le système d'information à jour
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'VIII', 0, 0, 41,
   'Maintenir le système d''information à jour', 'Keep the information system up to date',
   'Organiser les mises à jour et anticiper la fin de support des composants.',
   'Organise updates and plan ahead for components reaching end of support.');
SET @chapter = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @chapter, '34', 1, 1, 42,
   'Politique de mises à jour', 'Update policy',
   'Une politique fixe comment et dans quels délais les composants du système d''information sont mis à jour.',
   'A policy sets how and how quickly information system components are updated.'),
  (@fw, @chapter, '35', 1, 1, 43,
   'Anticiper la fin de support', 'Plan for end of support',
   'La fin de maintenance des logiciels et systèmes est anticipée et la dépendance à des versions obsolètes est réduite.',
   'The end of vendor support for software and systems is planned for and reliance on outdated versions is reduced.');

-- IX. Superviser, auditer, réagir
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'IX', 0, 0, 44,
   'Superviser, auditer, réagir', 'Monitor, audit, respond',
   'Journaliser, sauvegarder, contrôler et se tenir prêt à traiter les incidents.',
   'Log, back up, audit and be ready to handle incidents.');
SET @chapter = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @chapter, '36', 1, 1, 45,
   'Journalisation', 'Logging',
   'Les journaux des composants les plus importants sont activés, configurés et conservés afin de pouvoir être analysés.',
   'Logs on the most important components are switched on, configured and kept so that they can be analysed.'),
  (@fw, @chapter, '37', 1, 1, 46,
   'Sauvegardes', 'Backups',
   'Une politique de sauvegarde des composants critiques est définie, appliquée et vérifiée par des tests de restauration.',
   'A backup policy for critical components is defined, applied and checked by test restores.'),
  (@fw, @chapter, '38', 1, 1, 47,
   'Contrôles et audits réguliers', 'Regular checks and audits',
   'Des contrôles et audits de sécurité sont menés régulièrement et suivis d''un plan d''actions correctives.',
   'Security checks and audits are run regularly and followed by a corrective action plan.'),
  (@fw, @chapter, '39', 1, 1, 48,
   'Référent sécurité', 'Security point of contact',
   'Un référent en sécurité des systèmes d''information est désigné et connu de tout le personnel.',
   'An information security contact is appointed and known to all staff.'),
  (@fw, @chapter, '40', 1, 1, 49,
   'Procédure de gestion des incidents', 'Incident handling procedure',
   'Une procédure décrit comment signaler et traiter les incidents de sécurité, et comment en tirer les leçons.',
   'A procedure sets out how security incidents are reported, handled and learned from.');

-- X. Pour aller plus loin
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, NULL, 'X', 0, 0, 50,
   'Pour aller plus loin', 'Going further',
   'Compléter le socle d''hygiène par une analyse de risques et le recours à des solutions qualifiées.',
   'Build on the hygiene baseline with a risk analysis and qualified products and services.');
SET @chapter = LAST_INSERT_ID();
INSERT INTO requirements (framework_id, parent_id, ref, depth, assessable, position,
  title_fr, title_en, summary_fr, summary_en) VALUES
  (@fw, @chapter, '41', 1, 1, 51,
   'Analyse de risques formelle', 'Formal risk analysis',
   'Une analyse de risques formelle, par exemple avec la méthode EBIOS, adapte les mesures aux enjeux propres de l''organisation.',
   'A formal risk analysis, for example with the EBIOS method, tailors the measures to the organisation''s own stakes.'),
  (@fw, @chapter, '42', 1, 1, 52,
   'Produits et services qualifiés', 'Qualified products and services',
   'Les produits et prestataires qualifiés par l''ANSSI sont privilégiés.',
   'Products and service providers qualified by ANSSI are preferred.');
