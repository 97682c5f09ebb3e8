-- The risk register of a client's Pilot space (SPEC §1 "Risk register").
--
-- likelihood, impact and their residual values are scales of 1 to 5;
-- residual_* are NULL until the treatment is assessed (the residual heat
-- map then falls back on the inherent value). score = likelihood * impact
-- is a stored generated column: the database keeps it in step with its
-- two factors, and lists sort and filter on it by index. Levels (low,
-- medium, high, critical) are score ranges kept in one table in
-- app/risks.c, never stored.
--
-- treatment: reduce (lower likelihood or impact with actions), accept
-- (keep it knowingly), transfer (insurance, a provider), avoid (stop the
-- activity that carries it).
-- status: open (identified, treatment not done), treated (treatment in
-- place, residual risk accepted), closed (no longer relevant: left out of
-- the heat maps and level counts).
-- owner_id: a user of the firm declared vCISO of the client (checked by
-- the application), or NULL.
CREATE TABLE risks (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(200) NOT NULL,
  description TEXT NOT NULL,
  asset VARCHAR(200) NOT NULL DEFAULT '',
  threat VARCHAR(200) NOT NULL DEFAULT '',
  likelihood TINYINT UNSIGNED NOT NULL,
  impact TINYINT UNSIGNED NOT NULL,
  score TINYINT UNSIGNED AS (likelihood * impact) STORED,
  treatment ENUM('reduce', 'accept', 'transfer', 'avoid') NOT NULL DEFAULT 'reduce',
  owner_id BIGINT UNSIGNED NULL,
  status ENUM('open', 'treated', 'closed') NOT NULL DEFAULT 'open',
  residual_likelihood TINYINT UNSIGNED NULL,
  residual_impact TINYINT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  created_by BIGINT UNSIGNED NULL,
  KEY ix_risks_client (firm_id, client_id, score),
  KEY ix_risks_client_updated (client_id, updated_at),
  CONSTRAINT fk_risks_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_risks_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ck_risks_likelihood CHECK (likelihood BETWEEN 1 AND 5),
  CONSTRAINT ck_risks_impact CHECK (impact BETWEEN 1 AND 5),
  CONSTRAINT ck_risks_residual_likelihood CHECK (residual_likelihood IS NULL OR residual_likelihood BETWEEN 1 AND 5),
  CONSTRAINT ck_risks_residual_impact CHECK (residual_impact IS NULL OR residual_impact BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The requirements a risk relates to: only requirements of frameworks the
-- client adopted (the foreign key to client_frameworks holds it).
CREATE TABLE risk_requirements (
  risk_id BIGINT UNSIGNED NOT NULL,
  requirement_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  framework_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (risk_id, requirement_id),
  KEY ix_risk_requirements_requirement (client_id, requirement_id),
  CONSTRAINT fk_risk_requirements_risk FOREIGN KEY (risk_id) REFERENCES risks (id) ON DELETE CASCADE,
  CONSTRAINT fk_risk_requirements_adopted FOREIGN KEY (client_id, framework_id) REFERENCES client_frameworks (client_id, framework_id) ON DELETE CASCADE,
  CONSTRAINT fk_risk_requirements_requirement FOREIGN KEY (requirement_id) REFERENCES requirements (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
