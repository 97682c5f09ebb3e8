-- What the hottest reads need, kept on write so that they stay flat as a
-- firm grows (issue 8). Triggers keep these copies whoever writes the rows
-- (the app, seed-demo, seed-bench, an import), in the writer's transaction;
-- a foreign key's cascade fires no trigger, but it only ever removes rows
-- whose owner goes with them.
--   users.feature_keys / profile_keys: the user's features and profile-field
--     rights as the session check reads them, without aggregating per request;
--   firms.clients_count: the firm's clients, the total of an admin's
--     unfiltered client list;
--   clients.establishments_count: the client's establishments not merged away;
--   clients.vciso_ids: the client's vCISO team, as ids in order.
-- Updating a copy leaves the row's updated_at as it was.

ALTER TABLE users
  ADD COLUMN feature_keys VARCHAR(512) NOT NULL DEFAULT '',
  ADD COLUMN profile_keys VARCHAR(512) NOT NULL DEFAULT '';
ALTER TABLE firms ADD COLUMN clients_count INT UNSIGNED NOT NULL DEFAULT 0;
ALTER TABLE clients
  ADD COLUMN establishments_count INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN vciso_ids VARCHAR(2000) NOT NULL DEFAULT '';

UPDATE users u SET
  feature_keys = COALESCE((SELECT GROUP_CONCAT(f.feature ORDER BY f.feature)
    FROM user_features f WHERE f.user_id = u.id), ''),
  profile_keys = COALESCE((SELECT GROUP_CONCAT(p.field ORDER BY p.field)
    FROM user_profile_fields p WHERE p.user_id = u.id), ''),
  updated_at = updated_at;
UPDATE firms fi SET clients_count = (SELECT COUNT(*) FROM clients c WHERE c.firm_id = fi.id);
UPDATE clients c SET
  establishments_count = (SELECT COUNT(*) FROM establishments e
    WHERE e.client_id = c.id AND e.merged_into IS NULL),
  vciso_ids = COALESCE((SELECT GROUP_CONCAT(v.user_id ORDER BY v.user_id)
    FROM client_vcisos v WHERE v.client_id = c.id), ''),
  updated_at = updated_at;

CREATE TRIGGER tr_user_features_insert AFTER INSERT ON user_features FOR EACH ROW
  UPDATE users SET feature_keys = COALESCE((SELECT GROUP_CONCAT(f.feature ORDER BY f.feature)
    FROM user_features f WHERE f.user_id = NEW.user_id), ''), updated_at = updated_at
  WHERE id = NEW.user_id;
CREATE TRIGGER tr_user_features_delete AFTER DELETE ON user_features FOR EACH ROW
  UPDATE users SET feature_keys = COALESCE((SELECT GROUP_CONCAT(f.feature ORDER BY f.feature)
    FROM user_features f WHERE f.user_id = OLD.user_id), ''), updated_at = updated_at
  WHERE id = OLD.user_id;
CREATE TRIGGER tr_user_profile_fields_insert AFTER INSERT ON user_profile_fields FOR EACH ROW
  UPDATE users SET profile_keys = COALESCE((SELECT GROUP_CONCAT(p.field ORDER BY p.field)
    FROM user_profile_fields p WHERE p.user_id = NEW.user_id), ''), updated_at = updated_at
  WHERE id = NEW.user_id;
CREATE TRIGGER tr_user_profile_fields_delete AFTER DELETE ON user_profile_fields FOR EACH ROW
  UPDATE users SET profile_keys = COALESCE((SELECT GROUP_CONCAT(p.field ORDER BY p.field)
    FROM user_profile_fields p WHERE p.user_id = OLD.user_id), ''), updated_at = updated_at
  WHERE id = OLD.user_id;

CREATE TRIGGER tr_clients_insert AFTER INSERT ON clients FOR EACH ROW
  UPDATE firms SET clients_count = clients_count + 1 WHERE id = NEW.firm_id;
CREATE TRIGGER tr_clients_delete AFTER DELETE ON clients FOR EACH ROW
  UPDATE firms SET clients_count = clients_count - 1 WHERE id = OLD.firm_id;

CREATE TRIGGER tr_establishments_insert AFTER INSERT ON establishments FOR EACH ROW
  UPDATE clients SET establishments_count = establishments_count + 1, updated_at = updated_at
  WHERE id = NEW.client_id AND NEW.merged_into IS NULL;
CREATE TRIGGER tr_establishments_update AFTER UPDATE ON establishments FOR EACH ROW
  UPDATE clients SET establishments_count = establishments_count
    + (id = NEW.client_id AND NEW.merged_into IS NULL)
    - (id = OLD.client_id AND OLD.merged_into IS NULL), updated_at = updated_at
  WHERE id IN (OLD.client_id, NEW.client_id)
    AND NOT (OLD.client_id <=> NEW.client_id AND OLD.merged_into <=> NEW.merged_into);
CREATE TRIGGER tr_establishments_delete AFTER DELETE ON establishments FOR EACH ROW
  UPDATE clients SET establishments_count = establishments_count - 1, updated_at = updated_at
  WHERE id = OLD.client_id AND OLD.merged_into IS NULL;

CREATE TRIGGER tr_client_vcisos_insert AFTER INSERT ON client_vcisos FOR EACH ROW
  UPDATE clients SET vciso_ids = COALESCE((SELECT GROUP_CONCAT(v.user_id ORDER BY v.user_id)
    FROM client_vcisos v WHERE v.client_id = NEW.client_id), ''), updated_at = updated_at
  WHERE id = NEW.client_id;
CREATE TRIGGER tr_client_vcisos_delete AFTER DELETE ON client_vcisos FOR EACH ROW
  UPDATE clients SET vciso_ids = COALESCE((SELECT GROUP_CONCAT(v.user_id ORDER BY v.user_id)
    FROM client_vcisos v WHERE v.client_id = OLD.client_id), ''), updated_at = updated_at
  WHERE id = OLD.client_id;
