-- The action plan of a client's Pilot space: actions with an owner (a vCISO
-- of the client), a due date, a priority, a status and a progress %, and
-- their links to the requirements of the frameworks the client adopted.
-- clients.open_actions counts the client's todo and in_progress actions,
-- kept in the transaction of every change (never recounted per page view).

CREATE TABLE actions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(200) NOT NULL,
  description TEXT NOT NULL,
  owner_id BIGINT UNSIGNED NULL,
  due_date DATE NULL,
  priority ENUM('low', 'medium', 'high', 'critical') NOT NULL DEFAULT 'medium',
  status ENUM('todo', 'in_progress', 'done', 'cancelled') NOT NULL DEFAULT 'todo',
  progress TINYINT UNSIGNED NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  created_by BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_actions_firm_id (firm_id, id),
  KEY ix_actions_client_status (client_id, status, due_date),
  KEY ix_actions_owner (owner_id),
  CONSTRAINT fk_actions_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_actions_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ck_actions_progress CHECK (progress <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An action linked to a requirement (of a framework its client adopted).
CREATE TABLE action_requirements (
  action_id BIGINT UNSIGNED NOT NULL,
  requirement_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (action_id, requirement_id),
  KEY ix_action_requirements_req (client_id, requirement_id),
  CONSTRAINT fk_action_requirements_action FOREIGN KEY (firm_id, action_id) REFERENCES actions (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_action_requirements_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_action_requirements_requirement FOREIGN KEY (requirement_id) REFERENCES requirements (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- From now on the Pilot counts open actions: a client without any has 0.
UPDATE clients SET open_actions = 0 WHERE open_actions IS NULL;
ALTER TABLE clients ALTER COLUMN open_actions SET DEFAULT 0;
