-- Program design, first part (C2, C12): the review cadence, goals, and the anonymous
-- eNPS pulse survey.

ALTER TABLE programs ADD COLUMN review_cadence TEXT NOT NULL DEFAULT 'monthly';

-- A goal: a metric from the catalog (core::goals::Metric), a target and a period.
-- Progress is computed from recorded data, never stored.
CREATE TABLE goals (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    metric TEXT NOT NULL,
    target DOUBLE PRECISION NOT NULL,     -- a count, or a fraction (0.6) for rates
    period_start BIGINT NOT NULL,
    period_end BIGINT NOT NULL,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX goals_program ON goals (program_id);

-- eNPS surveys are open to every employee. Anonymity by storage: who answered
-- (enps_participants) is kept apart from what was answered. While a survey is open the
-- answers wait in enps_pending, written in a transaction of their own; when it closes
-- they are moved, shuffled, into per-score counts (enps_tallies) and comments in one
-- transaction and deleted, so neither row order, time nor transaction ties a person to
-- a score. Results show only for closed surveys.
CREATE TABLE enps_surveys (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_note TEXT NOT NULL DEFAULT '',
    opened_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    opened_at BIGINT NOT NULL,
    closed_at BIGINT
);

CREATE TABLE enps_participants (
    survey_id BIGINT NOT NULL REFERENCES enps_surveys(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (survey_id, user_id)
);

CREATE TABLE enps_tallies (
    survey_id BIGINT NOT NULL REFERENCES enps_surveys(id) ON DELETE CASCADE,
    score BIGINT NOT NULL,                -- 0..10
    answers BIGINT NOT NULL,
    PRIMARY KEY (survey_id, score)
);

CREATE TABLE enps_comments (
    survey_id BIGINT NOT NULL REFERENCES enps_surveys(id) ON DELETE CASCADE,
    body TEXT NOT NULL
);

CREATE TABLE enps_pending (
    survey_id BIGINT NOT NULL REFERENCES enps_surveys(id) ON DELETE CASCADE,
    score BIGINT NOT NULL,
    comment TEXT
);
