-- Retention (GDPR article 5(1)(e)): when a recruitment ended (an offer closed), the
-- candidate's optional consent to future recruitments (its text as shown, and when), and
-- what each day's retention run deleted (counts, not contents).
ALTER TABLE job_offers ADD COLUMN closed_at BIGINT;
UPDATE job_offers SET closed_at = updated_at WHERE status = 'closed';
ALTER TABLE applications ADD COLUMN future_consent_text TEXT;
ALTER TABLE applications ADD COLUMN future_consent_at BIGINT;

CREATE TABLE retention_runs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day BIGINT NOT NULL UNIQUE,                   -- UTC day number: one run a day
    started_at BIGINT NOT NULL,
    finished_at BIGINT,
    applications BIGINT NOT NULL DEFAULT 0,       -- candidates erased
    cvs BIGINT NOT NULL DEFAULT 0,                -- CV files deleted
    clicks BIGINT NOT NULL DEFAULT 0,             -- raw click rows deleted (counted in the roll-ups)
    notifications BIGINT NOT NULL DEFAULT 0,
    messages BIGINT NOT NULL DEFAULT 0,           -- email bodies emptied, webhook messages deleted
    audit BIGINT NOT NULL DEFAULT 0
);
