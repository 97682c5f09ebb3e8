-- The external scan module (SPEC §1 "Modules", docs/external-scan-format.md):
-- what each establishment exposes to the Internet, scan after scan.
--
-- scan_targets: the domains, addresses and small IPv4 networks (at most a
-- /24) declared for an establishment, normalised by app/netaddr.c (lower
-- case, compressed IPv6, network address of a CIDR), once each.
--
-- scans: one imported result (nmap XML or the JSON format) of one
-- establishment at one date (UTC; one scan per establishment and date).
-- Its counts are kept at import: hosts up, open ports, findings by
-- severity. prev_scan_id is the establishment's scan just before it and
-- new_count / fixed_count the comparison with it (findings matched by
-- host, port and protocol): written at import and rewritten, in the same
-- transaction, for the scan that follows an imported or deleted one.
--
-- scan_findings: the open ports of a scan with their severity (the rules
-- of app/scandoc.c) and, once a vCISO turned one into an action of the
-- plan, that action (kept by the same port in the next scans). in_targets:
-- whether a declared target of the establishment covered the host at
-- import; NULL when none was declared.

CREATE TABLE scan_targets (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  establishment_id BIGINT UNSIGNED NOT NULL,
  kind ENUM('domain', 'ipv4', 'ipv6', 'cidr') NOT NULL,
  value VARCHAR(253) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  label VARCHAR(200) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_scan_targets_value (establishment_id, value),
  KEY ix_scan_targets_client (client_id, establishment_id),
  CONSTRAINT fk_scan_targets_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_scan_targets_estab FOREIGN KEY (firm_id, establishment_id) REFERENCES establishments (firm_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE scans (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  establishment_id BIGINT UNSIGNED NOT NULL,
  scanned_at DATETIME NOT NULL,
  format ENUM('nmap_xml', 'json') NOT NULL,
  scanner VARCHAR(100) NOT NULL DEFAULT '',
  file_name VARCHAR(200) NOT NULL DEFAULT '',
  hosts INT UNSIGNED NOT NULL,
  open_ports INT UNSIGNED NOT NULL,
  high INT UNSIGNED NOT NULL,
  medium INT UNSIGNED NOT NULL,
  low INT UNSIGNED NOT NULL,
  info INT UNSIGNED NOT NULL,
  prev_scan_id BIGINT UNSIGNED NULL,
  new_count INT UNSIGNED NOT NULL DEFAULT 0,
  fixed_count INT UNSIGNED NOT NULL DEFAULT 0,
  imported_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  imported_by BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_scans_firm_id (firm_id, id),
  UNIQUE KEY uq_scans_estab_date (establishment_id, scanned_at),
  KEY ix_scans_client (client_id, establishment_id, scanned_at),
  CONSTRAINT fk_scans_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_scans_estab FOREIGN KEY (firm_id, establishment_id) REFERENCES establishments (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_scans_prev FOREIGN KEY (prev_scan_id) REFERENCES scans (id) ON DELETE SET NULL,
  CONSTRAINT fk_scans_by FOREIGN KEY (imported_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE scan_findings (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  firm_id BIGINT UNSIGNED NOT NULL,
  client_id BIGINT UNSIGNED NOT NULL,
  scan_id BIGINT UNSIGNED NOT NULL,
  host VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  hostname VARCHAR(253) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
  port SMALLINT UNSIGNED NOT NULL,
  protocol ENUM('tcp', 'udp', 'sctp') NOT NULL,
  service VARCHAR(64) NOT NULL DEFAULT '',
  product VARCHAR(200) NOT NULL DEFAULT '',
  version VARCHAR(200) NOT NULL DEFAULT '',
  severity ENUM('high', 'medium', 'low', 'info') NOT NULL,
  rule VARCHAR(32) NOT NULL,
  in_targets TINYINT(1) NULL,
  action_id BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_scan_findings_port (scan_id, host, protocol, port),
  KEY ix_scan_findings_severity (scan_id, severity),
  KEY ix_scan_findings_action (action_id),
  CONSTRAINT fk_scan_findings_scan FOREIGN KEY (firm_id, scan_id) REFERENCES scans (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_scan_findings_client FOREIGN KEY (firm_id, client_id) REFERENCES clients (firm_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_scan_findings_action FOREIGN KEY (action_id) REFERENCES actions (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
