-- Branding of deliverables (issue 14): a firm's accent colour, and logos of
-- the firm and of each client. A logo is stored as the PNG that
-- rempart-render wrote after decoding the upload (never the uploaded
-- bytes), base64-encoded so that it reads back as text; at most 1024 pixels
-- a side. client_id NULL is the firm's logo; owner_key makes "one logo per
-- firm or client" a unique key (MariaDB's unique keys let NULLs repeat).

CREATE TABLE brand_firms (
  firm_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  -- '#rrggbb', lower case; NULL: the product's colour
  accent_color CHAR(7) NULL,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  CONSTRAINT fk_brand_firms_firm FOREIGN KEY (firm_id) REFERENCES firms (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE brand_logos (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NULL,
  owner_key BIGINT UNSIGNED AS (IFNULL(client_id, 0)) STORED,
  width INT UNSIGNED NOT NULL,
  height INT UNSIGNED NOT NULL,
  png_base64 MEDIUMTEXT CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_brand_logos_owner (firm_id, owner_key),
  CONSTRAINT fk_brand_logos_firm FOREIGN KEY (firm_id) REFERENCES firms (id) ON DELETE CASCADE,
  CONSTRAINT fk_brand_logos_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_brand_logos_user FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
