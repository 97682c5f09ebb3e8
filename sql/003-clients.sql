-- Clients (missions) of a firm, their vCISO teams, their establishments,
-- establishment managers' assignments and profile suggestions. Every row
-- carries its firm (and, below the client, its client) so that every query
-- is bounded by the caller's firm.

CREATE TABLE clients (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  name VARCHAR(200) NOT NULL,
  mission_type ENUM('diagnostic', 'permanent') NOT NULL,
  plan ENUM('essential', 'standard', 'premium') NOT NULL,
  status ENUM('active', 'suspended', 'closed') NOT NULL DEFAULT 'active',
  billing_mode ENUM('intermediated', 'direct') NOT NULL,
  billing_email VARCHAR(254) NULL,
  modules SET('external_scan', 'usage_diagnostic', 'risk_analysis') NOT NULL DEFAULT '',
  -- Counters kept on write by the Pilot issue; NULL until then.
  open_actions INT UNSIGNED NULL,
  compliance_pct DECIMAL(5,2) NULL,
  created_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY ix_clients_firm_name (firm_id, name),
  UNIQUE KEY uq_clients_firm_id (firm_id, id),
  CONSTRAINT fk_clients_firm FOREIGN KEY (firm_id) REFERENCES firms (id),
  CONSTRAINT ck_clients_billing CHECK (billing_mode <> 'direct' OR billing_email IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The vCISO team: users declared vCISO of a client (Pilot access).
CREATE TABLE client_vcisos (
  client_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (client_id, user_id),
  KEY ix_client_vcisos_user (user_id, client_id),
  CONSTRAINT fk_client_vcisos_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_client_vcisos_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- name_key: the normalised name (app/estab-keys.c) that finds duplicates.
CREATE TABLE establishments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  name VARCHAR(200) NOT NULL,
  name_key VARCHAR(200) NOT NULL,
  siret CHAR(14) NULL,
  address VARCHAR(200) NOT NULL DEFAULT '',
  postcode VARCHAR(10) NOT NULL DEFAULT '',
  city VARCHAR(100) NOT NULL DEFAULT '',
  country VARCHAR(100) NOT NULL DEFAULT '',
  phone VARCHAR(40) NOT NULL DEFAULT '',
  website VARCHAR(200) NOT NULL DEFAULT '',
  sector VARCHAR(100) NOT NULL DEFAULT '',
  headcount INT UNSIGNED NULL,
  security_contact VARCHAR(200) NOT NULL DEFAULT '',
  status ENUM('active', 'cancelled', 'closed', 'deactivated') NOT NULL DEFAULT 'active',
  plan ENUM('essential', 'standard', 'premium') NOT NULL,
  merged_into BIGINT UNSIGNED NULL,
  merged_at DATETIME NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY uq_establishments_firm_id (firm_id, id),
  KEY ix_establishments_client_name (client_id, merged_into, name),
  KEY ix_establishments_client_siret (client_id, siret),
  KEY ix_establishments_client_key (client_id, name_key, postcode),
  CONSTRAINT fk_establishments_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id),
  CONSTRAINT fk_establishments_merged FOREIGN KEY (merged_into) REFERENCES establishments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Establishments assigned to establishment managers.
CREATE TABLE user_establishments (
  user_id BIGINT UNSIGNED NOT NULL,
  establishment_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (user_id, establishment_id),
  KEY ix_user_establishments_estab (establishment_id),
  CONSTRAINT fk_user_establishments_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_user_establishments_estab FOREIGN KEY (firm_id, establishment_id) REFERENCES establishments (firm_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A value proposed for a profile field by a user who may read but not edit
-- it; decided by one who may edit it.
CREATE TABLE establishment_suggestions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  establishment_id BIGINT UNSIGNED NOT NULL,
  field VARCHAR(32) NOT NULL,
  value VARCHAR(200) NOT NULL,
  status ENUM('pending', 'accepted', 'rejected') NOT NULL DEFAULT 'pending',
  by_user_id BIGINT UNSIGNED NULL,
  decided_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  decided_at DATETIME NULL,
  KEY ix_suggestions_estab (establishment_id, status),
  CONSTRAINT fk_suggestions_estab FOREIGN KEY (firm_id, establishment_id) REFERENCES establishments (firm_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
