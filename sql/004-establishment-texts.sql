-- City and sector take up to 200 characters, like the other profile texts.
ALTER TABLE establishments
  MODIFY city VARCHAR(200) NOT NULL DEFAULT '',
  MODIFY sector VARCHAR(200) NOT NULL DEFAULT '';
