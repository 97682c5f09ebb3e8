-- The resources of a client's Pilot space: documents, processes, tools and
-- controls, each with a Markdown body, a status (draft, approved,
-- published) and a version that goes up on each edit of an approved or
-- published resource; tagged with requirements of the frameworks the
-- client adopted (which makes them evidence of those requirements), and
-- linked from actions. template_id and template_version name the library
-- template a resource was deployed from (NULL when written for the client).

CREATE TABLE resources (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  type ENUM('document', 'process', 'tool', 'control') NOT NULL,
  title VARCHAR(200) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  status ENUM('draft', 'approved', 'published') NOT NULL DEFAULT 'draft',
  version INT UNSIGNED NOT NULL DEFAULT 1,
  template_id BIGINT UNSIGNED NULL,
  template_version INT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  created_by BIGINT UNSIGNED NULL,
  approved_at DATETIME NULL,
  approved_by BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_resources_firm_id (firm_id, id),
  KEY ix_resources_client_status (client_id, status),
  KEY ix_resources_client_type (client_id, type, title),
  CONSTRAINT fk_resources_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_resources_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT fk_resources_approved_by FOREIGN KEY (approved_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A resource tagged with a requirement: read from the resource (its
-- requirement_ids) and from the compliance item (its resource_ids, the
-- evidence).
CREATE TABLE resource_requirements (
  resource_id BIGINT UNSIGNED NOT NULL,
  requirement_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (resource_id, requirement_id),
  KEY ix_resource_requirements_req (client_id, requirement_id),
  CONSTRAINT fk_resource_requirements_resource FOREIGN KEY (firm_id, resource_id) REFERENCES resources (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_resource_requirements_requirement FOREIGN KEY (requirement_id) REFERENCES requirements (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which resources an action uses or produces: set from the action (its
-- resource_ids), read from both sides.
CREATE TABLE action_resources (
  action_id BIGINT UNSIGNED NOT NULL,
  resource_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (action_id, resource_id),
  KEY ix_action_resources_resource (resource_id),
  CONSTRAINT fk_action_resources_action FOREIGN KEY (firm_id, action_id) REFERENCES actions (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_action_resources_resource FOREIGN KEY (firm_id, resource_id) REFERENCES resources (firm_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
