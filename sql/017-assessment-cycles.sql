-- Assessment cycles and the Statement of Applicability (issue 14).
--
-- A client's assessment of an adopted framework runs in cycles (the yearly
-- audit). assessments and the counters of client_frameworks stay what they
-- were: the current cycle, read and written as before by every page, the
-- dashboard and the CSV. Starting a new cycle closes the current one: its
-- rows are copied, read-only, into assessment_history with the counters of
-- the moment in its assessment_cycles row; the new cycle then starts from
-- them ('keep') or with every status back to 'not_assessed' ('reset':
-- comments, justifications and evidence links are kept).
--
-- The SoA: an assessment's justification (why a requirement does not
-- apply, or why it does) and `applicable`, generated from the status (a
-- requirement is not applicable exactly when its status is
-- 'not_applicable'), so the SoA's counts and the compliance counters can
-- never disagree.

ALTER TABLE assessments
  ADD COLUMN justification TEXT NOT NULL DEFAULT '',
  ADD COLUMN applicable TINYINT(1) AS (status <> 'not_applicable') STORED;

-- The number of the current cycle of an adopted framework.
ALTER TABLE client_frameworks ADD COLUMN cycle INT UNSIGNED NOT NULL DEFAULT 1;

-- One row per cycle; closed_at NULL for the current one, whose counters
-- are client_frameworks'; a closed cycle keeps its own here.
CREATE TABLE assessment_cycles (
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  framework_id BIGINT UNSIGNED NOT NULL,
  number INT UNSIGNED NOT NULL,
  mode ENUM('initial', 'keep', 'reset') NOT NULL,
  started_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  started_by BIGINT UNSIGNED NULL,
  closed_at DATETIME NULL,
  total INT UNSIGNED NOT NULL DEFAULT 0,
  compliant INT UNSIGNED NOT NULL DEFAULT 0,
  partial INT UNSIGNED NOT NULL DEFAULT 0,
  non_compliant INT UNSIGNED NOT NULL DEFAULT 0,
  not_applicable INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (client_id, framework_id, number),
  KEY ix_assessment_cycles_firm (firm_id, client_id),
  CONSTRAINT fk_assessment_cycles_adopted FOREIGN KEY (client_id, framework_id) REFERENCES client_frameworks (client_id, framework_id) ON DELETE CASCADE,
  CONSTRAINT fk_assessment_cycles_by FOREIGN KEY (started_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The assessments of closed cycles, as they were when the cycle closed.
CREATE TABLE assessment_history (
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  framework_id BIGINT UNSIGNED NOT NULL,
  cycle INT UNSIGNED NOT NULL,
  requirement_id BIGINT UNSIGNED NOT NULL,
  status ENUM('not_assessed', 'non_compliant', 'partial', 'compliant', 'not_applicable') NOT NULL,
  comment TEXT NOT NULL,
  justification TEXT NOT NULL,
  updated_at DATETIME NOT NULL,
  updated_by BIGINT UNSIGNED NULL,
  PRIMARY KEY (client_id, framework_id, cycle, requirement_id),
  CONSTRAINT fk_assessment_history_cycle FOREIGN KEY (client_id, framework_id, cycle) REFERENCES assessment_cycles (client_id, framework_id, number) ON DELETE CASCADE,
  CONSTRAINT fk_assessment_history_requirement FOREIGN KEY (requirement_id) REFERENCES requirements (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Existing assessments are cycle 1 of their framework, still current.
INSERT INTO assessment_cycles (firm_id, client_id, framework_id, number, mode, started_at,
  started_by)
  SELECT cf.firm_id, cf.client_id, cf.framework_id, 1, 'initial', cf.adopted_at, u.id
  FROM client_frameworks cf LEFT JOIN users u ON u.id = cf.adopted_by;

-- Whoever adopts a framework (the app, seed-demo, seed-bench, an import)
-- opens its first cycle.
CREATE TRIGGER tr_client_frameworks_cycle AFTER INSERT ON client_frameworks FOR EACH ROW
  INSERT INTO assessment_cycles (firm_id, client_id, framework_id, number, mode, started_at,
    started_by)
  VALUES (NEW.firm_id, NEW.client_id, NEW.framework_id, NEW.cycle, 'initial', NEW.adopted_at,
    (SELECT u.id FROM users u WHERE u.id = NEW.adopted_by));
