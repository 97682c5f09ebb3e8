-- The usage diagnostic (module usage_diagnostic, SPEC §1 "Modules"): each
-- client's questionnaire (sections and questions, worded in French and in
-- English), public answer links per establishment (a random token stored as
-- its SHA-256, an expiry, a cap on answers, revocation), the answers with
-- their scores per section, the per-establishment counters the lists and
-- widgets read, the per-address count of the public pages, and the
-- per-install secret that signs the public forms.

CREATE TABLE usage_sections (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  -- 1..n within the client's questionnaire
  position INT UNSIGNED NOT NULL,
  title_fr VARCHAR(200) NOT NULL,
  title_en VARCHAR(200) NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY uq_usage_sections_firm_id (firm_id, id),
  KEY ix_usage_sections_client (client_id, position),
  CONSTRAINT fk_usage_sections_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE usage_questions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  section_id BIGINT UNSIGNED NOT NULL,
  -- 1..n within its section
  position INT UNSIGNED NOT NULL,
  kind ENUM('scale', 'yes_no', 'choice', 'text') NOT NULL,
  text_fr VARCHAR(500) NOT NULL,
  text_en VARCHAR(500) NOT NULL,
  -- yes_no: the answer of good practice (it scores 100, the other 0)
  good_answer ENUM('yes', 'no') NULL,
  -- choice: a JSON array of {"label_fr","label_en","score"} written by the
  -- application (score 0..100, or null for an option that is not scored)
  options TEXT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY uq_usage_questions_firm_id (firm_id, id),
  KEY ix_usage_questions_section (section_id, position),
  KEY ix_usage_questions_client (client_id),
  CONSTRAINT fk_usage_questions_section FOREIGN KEY (firm_id, section_id) REFERENCES usage_sections (firm_id, id),
  CONSTRAINT fk_usage_questions_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A public answer link of one establishment. The token itself is shown
-- once, at creation; only its SHA-256 is kept.
CREATE TABLE usage_links (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  establishment_id BIGINT UNSIGNED NOT NULL,
  token_hash BINARY(32) NOT NULL,
  label VARCHAR(200) NOT NULL DEFAULT '',
  expires_at DATETIME NOT NULL,
  max_answers INT UNSIGNED NOT NULL,
  answers_count INT UNSIGNED NOT NULL DEFAULT 0,
  revoked_at DATETIME NULL,
  revoked_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_usage_links_token (token_hash),
  UNIQUE KEY uq_usage_links_firm_id (firm_id, id),
  KEY ix_usage_links_client (client_id, id),
  KEY ix_usage_links_estab (establishment_id),
  CONSTRAINT fk_usage_links_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id),
  CONSTRAINT fk_usage_links_estab FOREIGN KEY (firm_id, establishment_id) REFERENCES establishments (firm_id, id),
  CONSTRAINT fk_usage_links_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT fk_usage_links_revoked_by FOREIGN KEY (revoked_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ck_usage_links_cap CHECK (answers_count <= max_answers)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One respondent's answers, through a link: the establishment's feedback.
CREATE TABLE usage_answers (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  establishment_id BIGINT UNSIGNED NOT NULL,
  link_id BIGINT UNSIGNED NOT NULL,
  lang CHAR(2) NOT NULL,
  -- 0..100, the mean of the section scores; null when nothing was scored
  score TINYINT UNSIGNED NULL,
  submitted_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_usage_answers_firm_id (firm_id, id),
  KEY ix_usage_answers_client (client_id, id),
  KEY ix_usage_answers_estab (establishment_id, id),
  CONSTRAINT fk_usage_answers_link FOREIGN KEY (firm_id, link_id) REFERENCES usage_links (firm_id, id),
  CONSTRAINT fk_usage_answers_estab FOREIGN KEY (firm_id, establishment_id) REFERENCES establishments (firm_id, id),
  CONSTRAINT ck_usage_answers_score CHECK (score <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The answer to one question (a question left blank has no row).
CREATE TABLE usage_answer_items (
  answer_id BIGINT UNSIGNED NOT NULL,
  question_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  -- scale '1'..'5', yes_no 'yes'/'no', choice the option's number '1'..
  value VARCHAR(8) NULL,
  -- text questions
  text TEXT NULL,
  score TINYINT UNSIGNED NULL,
  PRIMARY KEY (answer_id, question_id),
  KEY ix_usage_answer_items_question (question_id),
  CONSTRAINT fk_usage_answer_items_answer FOREIGN KEY (firm_id, answer_id) REFERENCES usage_answers (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_usage_answer_items_question FOREIGN KEY (firm_id, question_id) REFERENCES usage_questions (firm_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The score of one section in one answer (sections with a scored answer).
CREATE TABLE usage_section_scores (
  answer_id BIGINT UNSIGNED NOT NULL,
  section_id BIGINT UNSIGNED NOT NULL,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  establishment_id BIGINT UNSIGNED NOT NULL,
  score TINYINT UNSIGNED NOT NULL,
  PRIMARY KEY (answer_id, section_id),
  KEY ix_usage_section_scores_client (client_id, section_id),
  KEY ix_usage_section_scores_estab (establishment_id, section_id),
  KEY ix_usage_section_scores_section (section_id),
  CONSTRAINT fk_usage_section_scores_answer FOREIGN KEY (firm_id, answer_id) REFERENCES usage_answers (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_usage_section_scores_section FOREIGN KEY (firm_id, section_id) REFERENCES usage_sections (firm_id, id),
  CONSTRAINT ck_usage_section_scores_score CHECK (score <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per establishment, kept in each answer's transaction: the score column of
-- the establishment lists and the widgets read these, never the answers.
CREATE TABLE usage_estab_scores (
  establishment_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  answers INT UNSIGNED NOT NULL DEFAULT 0,
  -- answers with a score, and the sum of their scores
  scored INT UNSIGNED NOT NULL DEFAULT 0,
  score_total BIGINT UNSIGNED NOT NULL DEFAULT 0,
  last_answer_at DATETIME NULL,
  KEY ix_usage_estab_scores_client (client_id),
  CONSTRAINT fk_usage_estab_scores_estab FOREIGN KEY (firm_id, establishment_id) REFERENCES establishments (firm_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Requests to the public pages per client address (app/throttle.c): rows
-- older than the window are deleted as new ones arrive.
CREATE TABLE usage_public_hits (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ip VARCHAR(45) NOT NULL,
  at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_usage_public_hits_ip (ip, at),
  KEY ix_usage_public_hits_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Secrets drawn once per installation by the database's CSPRNG: the key of
-- the public forms' signed tokens (app/usage-rules.c). Nothing shows them.
CREATE TABLE install_secrets (
  name VARCHAR(32) NOT NULL PRIMARY KEY,
  secret BINARY(32) NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO install_secrets (name, secret) VALUES ('usage_form', RANDOM_BYTES(32));
