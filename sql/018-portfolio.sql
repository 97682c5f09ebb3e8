-- The portfolio (issue 14): what a page of the firm's clients shows, kept
-- on write so that it reads 50 rows of clients and nothing else, however
-- many clients the firm has (as sql/012-read-paths.sql). Triggers keep
-- these copies whoever writes the rows (the app, seed-demo, seed-bench, an
-- import), in the writer's transaction. Updating a copy leaves the row's
-- updated_at as it was.
--   clients.risks_low .. risks_critical: the client's risks that are not
--     closed, by the level of their inherent score (the ranges of
--     app/risks.c `levels`: low 1-4, medium 5-9, high 10-14, critical
--     15-25), as the Pilot's by_level counts them;
--   clients.last_activity_at: when the client's audit trail last moved.
-- A bulk loader (rempart-admin seed-bench) sets @rp_bulk_load in its
-- session: the insert triggers then leave the copies to its final recount
-- (a trigger per row would double the time of its largest steps).
-- Open actions are clients.open_actions (sql/009-actions.sql) and the
-- compliance per framework client_frameworks' counters (sql/007).

ALTER TABLE clients
  ADD COLUMN risks_low INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN risks_medium INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN risks_high INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN risks_critical INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN last_activity_at DATETIME(3) NULL,
  ADD KEY ix_clients_firm_activity (firm_id, last_activity_at);

UPDATE clients c SET
  risks_low = (SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id AND r.status <> 'closed'
    AND r.score BETWEEN 1 AND 4),
  risks_medium = (SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id AND r.status <> 'closed'
    AND r.score BETWEEN 5 AND 9),
  risks_high = (SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id AND r.status <> 'closed'
    AND r.score BETWEEN 10 AND 14),
  risks_critical = (SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id AND r.status <> 'closed'
    AND r.score >= 15),
  last_activity_at = (SELECT MAX(a.at) FROM audit_log a WHERE a.client_id = c.id),
  updated_at = updated_at;

-- A risk counts +1 (or -1) in the column of its level while it is not
-- closed. The score is the stored generated column likelihood * impact.
CREATE TRIGGER tr_risks_portfolio_insert AFTER INSERT ON risks FOR EACH ROW
  UPDATE clients SET
    risks_low = risks_low + (NEW.status <> 'closed' AND NEW.score BETWEEN 1 AND 4),
    risks_medium = risks_medium + (NEW.status <> 'closed' AND NEW.score BETWEEN 5 AND 9),
    risks_high = risks_high + (NEW.status <> 'closed' AND NEW.score BETWEEN 10 AND 14),
    risks_critical = risks_critical + (NEW.status <> 'closed' AND NEW.score >= 15),
    updated_at = updated_at
  WHERE id = NEW.client_id AND NEW.status <> 'closed' AND @rp_bulk_load IS NULL;
CREATE TRIGGER tr_risks_portfolio_update AFTER UPDATE ON risks FOR EACH ROW
  UPDATE clients SET
    risks_low = risks_low
      + (id = NEW.client_id AND NEW.status <> 'closed' AND NEW.score BETWEEN 1 AND 4)
      - (id = OLD.client_id AND OLD.status <> 'closed' AND OLD.score BETWEEN 1 AND 4),
    risks_medium = risks_medium
      + (id = NEW.client_id AND NEW.status <> 'closed' AND NEW.score BETWEEN 5 AND 9)
      - (id = OLD.client_id AND OLD.status <> 'closed' AND OLD.score BETWEEN 5 AND 9),
    risks_high = risks_high
      + (id = NEW.client_id AND NEW.status <> 'closed' AND NEW.score BETWEEN 10 AND 14)
      - (id = OLD.client_id AND OLD.status <> 'closed' AND OLD.score BETWEEN 10 AND 14),
    risks_critical = risks_critical
      + (id = NEW.client_id AND NEW.status <> 'closed' AND NEW.score >= 15)
      - (id = OLD.client_id AND OLD.status <> 'closed' AND OLD.score >= 15),
    updated_at = updated_at
  WHERE id IN (OLD.client_id, NEW.client_id)
    AND NOT (OLD.client_id <=> NEW.client_id AND OLD.status <=> NEW.status
      AND OLD.score <=> NEW.score);
CREATE TRIGGER tr_risks_portfolio_delete AFTER DELETE ON risks FOR EACH ROW
  UPDATE clients SET
    risks_low = risks_low - (OLD.score BETWEEN 1 AND 4),
    risks_medium = risks_medium - (OLD.score BETWEEN 5 AND 9),
    risks_high = risks_high - (OLD.score BETWEEN 10 AND 14),
    risks_critical = risks_critical - (OLD.score >= 15),
    updated_at = updated_at
  WHERE id = OLD.client_id AND OLD.status <> 'closed';

CREATE TRIGGER tr_audit_log_activity AFTER INSERT ON audit_log FOR EACH ROW
  UPDATE clients SET last_activity_at = GREATEST(COALESCE(last_activity_at, NEW.at), NEW.at),
    updated_at = updated_at
  WHERE id = NEW.client_id AND @rp_bulk_load IS NULL;
