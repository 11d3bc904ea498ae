-- In step with PostgreSQL's 0013, which adds covering indexes to its roll-up tables.
-- SQLite's roll-up tables are WITHOUT ROWID, clustered by their keys: nothing to add.
SELECT 1;
