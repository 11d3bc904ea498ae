-- Ambassador selection (C3): joining is voluntary, through a questionnaire; the
-- coordinator accepts, declines or waitlists. A program may set a capacity.

ALTER TABLE programs ADD COLUMN capacity BIGINT;          -- NULL: no limit

-- How a member came in: 'application' (accepted after review) or 'direct' (added by a
-- coordinator or admin). The health check counts members accepted without review.
ALTER TABLE program_members ADD COLUMN source TEXT NOT NULL DEFAULT 'direct';

CREATE TABLE program_applications (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    networks TEXT NOT NULL,                -- comma-separated network names
    frequency TEXT NOT NULL,               -- core::selection::PostingFrequency
    network_sizes TEXT NOT NULL,           -- "linkedin:800,x:120"
    topics TEXT NOT NULL,                  -- comma-separated
    motivation TEXT NOT NULL,
    score BIGINT NOT NULL,                 -- computed at submission by core::selection::score
    status TEXT NOT NULL,                  -- pending | accepted | declined | waitlisted | withdrawn
    decision_message TEXT,
    decided_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    decided_at BIGINT,
    consent_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX program_applications_program ON program_applications (program_id, status);
CREATE INDEX program_applications_user ON program_applications (user_id);

-- One open application per person and program, even when the form is sent twice at once.
CREATE UNIQUE INDEX program_applications_open ON program_applications (program_id, user_id)
    WHERE status IN ('pending', 'waitlisted');
