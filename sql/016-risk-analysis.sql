-- The risk analysis module (SPEC §1 "Modules": risk_analysis), a guided
-- analysis in the spirit of EBIOS RM, simplified: a client's business
-- assets (valeurs métier), the supporting assets they rest on (biens
-- supports), the threat sources that may target them (sources de risque),
-- and scenarios where a threat source reaches a business asset through
-- supporting assets, scored likelihood × impact. A retained scenario
-- becomes an entry of the risk register (risk_id).
--
-- Every row carries firm_id and client_id; links between items are keyed
-- on (item id, client_id), so that the database itself refuses a link to
-- another client's item. Names are unique per client (the collation makes
-- "Payroll" and "payroll" the same name).

CREATE TABLE ra_business_assets (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  name VARCHAR(200) NOT NULL,
  description TEXT NOT NULL,
  -- who answers for it at the client (a person or a department, in words)
  owner VARCHAR(200) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  created_by BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_ra_business_assets_name (client_id, name),
  UNIQUE KEY uq_ra_business_assets_client (id, client_id),
  KEY ix_ra_business_assets_firm (firm_id, client_id),
  CONSTRAINT fk_ra_business_assets_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_ra_business_assets_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- type: hardware, software, network, people, site (premises), organization
-- (a process, a team), provider (an outside service).
CREATE TABLE ra_supporting_assets (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  name VARCHAR(200) NOT NULL,
  type ENUM('hardware', 'software', 'network', 'people', 'site', 'organization', 'provider') NOT NULL,
  description TEXT NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  created_by BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_ra_supporting_assets_name (client_id, name),
  UNIQUE KEY uq_ra_supporting_assets_client (id, client_id),
  KEY ix_ra_supporting_assets_firm (firm_id, client_id),
  CONSTRAINT fk_ra_supporting_assets_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_ra_supporting_assets_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which business assets a supporting asset serves (set from the supporting
-- asset; gone with either side).
CREATE TABLE ra_supporting_links (
  supporting_asset_id BIGINT UNSIGNED NOT NULL,
  business_asset_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (supporting_asset_id, business_asset_id),
  KEY ix_ra_supporting_links_business (business_asset_id),
  CONSTRAINT fk_ra_supporting_links_supporting FOREIGN KEY (supporting_asset_id, client_id) REFERENCES ra_supporting_assets (id, client_id) ON DELETE CASCADE,
  CONSTRAINT fk_ra_supporting_links_business FOREIGN KEY (business_asset_id, client_id) REFERENCES ra_business_assets (id, client_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- motivation: what drives it, in words (gain, revenge, ideology...);
-- resources: EBIOS RM's scale, limited < significant < important <
-- unlimited.
CREATE TABLE ra_threat_sources (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  name VARCHAR(200) NOT NULL,
  motivation TEXT NOT NULL,
  resources ENUM('limited', 'significant', 'important', 'unlimited') NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  created_by BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_ra_threat_sources_name (client_id, name),
  UNIQUE KEY uq_ra_threat_sources_client (id, client_id),
  KEY ix_ra_threat_sources_firm (firm_id, client_id),
  CONSTRAINT fk_ra_threat_sources_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_ra_threat_sources_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A threat source targeting a business asset (through supporting assets,
-- below), scored like a risk: score = likelihood * impact, generated.
-- status: draft (being written), retained (kept: it has an entry in the
-- risk register, risk_id), discarded (set aside; a risk it had stays in
-- the register, and the link with it, so that retaining it again finds
-- the same risk). A threat source or business asset that scenarios name
-- cannot be deleted (the application says so first; the keys hold it).
-- Deleting the risk in the register unlinks it (SET NULL): retaining the
-- scenario again records a new one.
CREATE TABLE ra_scenarios (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(200) NOT NULL,
  description TEXT NOT NULL,
  threat_source_id BIGINT UNSIGNED NOT NULL,
  business_asset_id BIGINT UNSIGNED NOT NULL,
  likelihood TINYINT UNSIGNED NOT NULL,
  impact TINYINT UNSIGNED NOT NULL,
  score TINYINT UNSIGNED AS (likelihood * impact) STORED,
  status ENUM('draft', 'retained', 'discarded') NOT NULL DEFAULT 'draft',
  risk_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  created_by BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_ra_scenarios_risk (risk_id),
  UNIQUE KEY uq_ra_scenarios_client (id, client_id),
  KEY ix_ra_scenarios_client (firm_id, client_id, status, score),
  KEY ix_ra_scenarios_threat (threat_source_id, client_id),
  KEY ix_ra_scenarios_business (business_asset_id, client_id),
  CONSTRAINT fk_ra_scenarios_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_ra_scenarios_threat FOREIGN KEY (threat_source_id, client_id) REFERENCES ra_threat_sources (id, client_id),
  CONSTRAINT fk_ra_scenarios_business FOREIGN KEY (business_asset_id, client_id) REFERENCES ra_business_assets (id, client_id),
  CONSTRAINT fk_ra_scenarios_risk FOREIGN KEY (risk_id) REFERENCES risks (id) ON DELETE SET NULL,
  CONSTRAINT fk_ra_scenarios_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ck_ra_scenarios_likelihood CHECK (likelihood BETWEEN 1 AND 5),
  CONSTRAINT ck_ra_scenarios_impact CHECK (impact BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The supporting assets a scenario goes through (set from the scenario; a
-- supporting asset that scenarios name cannot be deleted).
CREATE TABLE ra_scenario_supports (
  scenario_id BIGINT UNSIGNED NOT NULL,
  supporting_asset_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (scenario_id, supporting_asset_id),
  KEY ix_ra_scenario_supports_supporting (supporting_asset_id),
  CONSTRAINT fk_ra_scenario_supports_scenario FOREIGN KEY (scenario_id, client_id) REFERENCES ra_scenarios (id, client_id) ON DELETE CASCADE,
  CONSTRAINT fk_ra_scenario_supports_supporting FOREIGN KEY (supporting_asset_id, client_id) REFERENCES ra_supporting_assets (id, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
