-- A counter moved in the same transaction as every change that can stop a tracked link's
-- redirects (an approved or published item rejected, expired or withdrawn). Every server
-- process reads it every second and forgets the links it keeps in memory when it moved,
-- so a change made through another process on the same PostgreSQL database stops the
-- redirects there within seconds (the process that made the change forgets at once).
CREATE TABLE change_counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
INSERT INTO change_counters (name, value) VALUES ('links', 0);
