-- A pending import is confirmed with a random token that its dry run's form carries, not
-- with its id alone: an id can come back after a delete (SQLite gives a new row the
-- largest id plus one), and an old confirmation form must not import a newer file.
-- Files waiting from before have no token and cannot be confirmed: they are dropped (the
-- admin uploads again).
DELETE FROM pending_imports;
ALTER TABLE pending_imports ADD COLUMN token TEXT NOT NULL DEFAULT '';
