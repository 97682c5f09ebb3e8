-- Which actions treat which risks: set from the action (its risk_ids),
-- read from both sides (the risk's action_ids).
CREATE TABLE action_risks (
  action_id BIGINT UNSIGNED NOT NULL,
  risk_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (action_id, risk_id),
  KEY ix_action_risks_risk (risk_id),
  CONSTRAINT fk_action_risks_action FOREIGN KEY (action_id) REFERENCES actions (id) ON DELETE CASCADE,
  CONSTRAINT fk_action_risks_risk FOREIGN KEY (risk_id) REFERENCES risks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
