-- When a candidate's consent to future recruitments ends: stored with the consent, so
-- that a later change of retention_consented_months neither shortens nor stretches what
-- they agreed to. Consents given before this migration were offered for the default 24
-- months: 730 days from when they were given.
ALTER TABLE applications ADD COLUMN future_consent_until BIGINT;
UPDATE applications SET future_consent_until = future_consent_at + 63072000000 WHERE future_consent_at IS NOT NULL;
