-- Foundation: every table of Rempart is InnoDB in utf8mb4; make that the
-- database default so that no later table can silently fall back to latin1.
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
