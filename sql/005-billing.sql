-- Billing: the history of billing-mode changes made by support, the
-- periods of each client (plan, mission type, status over time) that
-- monthly statements prorate, and one-time links by which a new firm's
-- first admin sets its own password.

CREATE TABLE billing_changes (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  old_mode ENUM('intermediated', 'direct') NOT NULL,
  new_mode ENUM('intermediated', 'direct') NOT NULL,
  old_email VARCHAR(254) NULL,
  new_email VARCHAR(254) NULL,
  reason VARCHAR(500) NOT NULL,
  by_user_id BIGINT UNSIGNED NULL,
  at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_billing_changes_client (client_id, at),
  KEY ix_billing_changes_at (at),
  CONSTRAINT fk_billing_changes_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A client's state from starts_at until the next row: written at creation
-- and at every plan, mission-type or status change.
CREATE TABLE client_periods (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  starts_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  plan ENUM('essential', 'standard', 'premium') NOT NULL,
  mission_type ENUM('diagnostic', 'permanent') NOT NULL,
  status ENUM('active', 'suspended', 'closed') NOT NULL,
  KEY ix_client_periods_client (client_id, starts_at, id),
  KEY ix_client_periods_start (starts_at),
  CONSTRAINT fk_client_periods_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO client_periods (firm_id, client_id, starts_at, plan, mission_type, status)
  SELECT firm_id, id, created_at, plan, mission_type, status FROM clients;

-- Only the SHA-256 of a link's token is stored; a link serves once.
CREATE TABLE setup_tokens (
  token_hash BINARY(32) NOT NULL PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  expires_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  created_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_setup_tokens_user (user_id),
  CONSTRAINT fk_setup_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
