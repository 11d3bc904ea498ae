-- Erasure (GDPR article 17): when a person's or a candidate's personal data was erased.
-- The rows stay, emptied, so that totals do not change.
ALTER TABLE users ADD COLUMN erased_at BIGINT;
ALTER TABLE applications ADD COLUMN erased_at BIGINT;
