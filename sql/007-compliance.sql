-- Compliance: the frameworks a client adopted, with counters of its
-- assessments kept on every change (the percentage is read, never
-- recomputed over the table), and one assessment per requirement assessed.

CREATE TABLE client_frameworks (
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  framework_id BIGINT UNSIGNED NOT NULL,
  adopted_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  adopted_by BIGINT UNSIGNED NULL,
  total INT UNSIGNED NOT NULL,
  compliant INT UNSIGNED NOT NULL DEFAULT 0,
  partial INT UNSIGNED NOT NULL DEFAULT 0,
  non_compliant INT UNSIGNED NOT NULL DEFAULT 0,
  not_applicable INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (client_id, framework_id),
  KEY ix_client_frameworks_firm (firm_id, client_id),
  CONSTRAINT fk_client_frameworks_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_client_frameworks_framework FOREIGN KEY (framework_id) REFERENCES frameworks (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- No row: not assessed.
CREATE TABLE assessments (
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  framework_id BIGINT UNSIGNED NOT NULL,
  requirement_id BIGINT UNSIGNED NOT NULL,
  status ENUM('not_assessed', 'non_compliant', 'partial', 'compliant', 'not_applicable') NOT NULL,
  comment TEXT NOT NULL,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by BIGINT UNSIGNED NULL,
  PRIMARY KEY (client_id, requirement_id),
  KEY ix_assessments_framework (client_id, framework_id, status),
  CONSTRAINT fk_assessments_adopted FOREIGN KEY (client_id, framework_id) REFERENCES client_frameworks (client_id, framework_id) ON DELETE CASCADE,
  CONSTRAINT fk_assessments_requirement FOREIGN KEY (requirement_id) REFERENCES requirements (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
