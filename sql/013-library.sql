-- The firm's library (SPEC §1 "Library"): templates of documents,
-- processes, tools and controls, versioned (each edit a new version, every
-- version kept), tagged with requirements of the catalogue, deployed to
-- clients as resources that record the template and version they came
-- from; and the publication of a client's resources to its establishments.

CREATE TABLE templates (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  type ENUM('document', 'process', 'tool', 'control') NOT NULL,
  title VARCHAR(200) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  -- the resource it was saved from, if any
  source_resource_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  created_by BIGINT UNSIGNED NULL,
  updated_by BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_templates_firm_id (firm_id, id),
  KEY ix_templates_firm_type (firm_id, type, title),
  KEY ix_templates_firm_title (firm_id, title),
  CONSTRAINT fk_templates_firm FOREIGN KEY (firm_id) REFERENCES firms (id) ON DELETE CASCADE,
  CONSTRAINT fk_templates_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT fk_templates_updated_by FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every version of a template as it was written, the current one included:
-- what a deployed copy came from, and the history.
CREATE TABLE template_versions (
  template_id BIGINT UNSIGNED NOT NULL,
  version INT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  type ENUM('document', 'process', 'tool', 'control') NOT NULL,
  title VARCHAR(200) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  -- the requirement tags of that version, ids in ascending order
  requirement_ids TEXT NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by BIGINT UNSIGNED NULL,
  PRIMARY KEY (template_id, version),
  CONSTRAINT fk_template_versions_template FOREIGN KEY (firm_id, template_id) REFERENCES templates (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_template_versions_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The requirements a template answers (of any framework the firm sees):
-- "what NIST CSF PR.AA needs" is a look-up by requirement.
CREATE TABLE template_requirements (
  template_id BIGINT UNSIGNED NOT NULL,
  requirement_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (template_id, requirement_id),
  KEY ix_template_requirements_req (firm_id, requirement_id),
  CONSTRAINT fk_template_requirements_template FOREIGN KEY (firm_id, template_id) REFERENCES templates (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_template_requirements_requirement FOREIGN KEY (requirement_id) REFERENCES requirements (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE resources ADD KEY ix_resources_template (firm_id, template_id);

-- A resource published to an establishment of its client. Only a
-- published resource has publications: leaving that status withdraws it
-- from every establishment (in the same transaction).
CREATE TABLE resource_publications (
  resource_id BIGINT UNSIGNED NOT NULL,
  establishment_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  published_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  published_by BIGINT UNSIGNED NULL,
  PRIMARY KEY (resource_id, establishment_id),
  KEY ix_resource_publications_estab (establishment_id, published_at),
  CONSTRAINT fk_resource_publications_resource FOREIGN KEY (firm_id, resource_id) REFERENCES resources (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_resource_publications_estab FOREIGN KEY (firm_id, establishment_id) REFERENCES establishments (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_resource_publications_by FOREIGN KEY (published_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
