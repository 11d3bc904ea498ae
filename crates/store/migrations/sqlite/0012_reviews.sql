-- Program reviews (C11): the regular ambassador meeting's document, per program and
-- period of its review cadence. A review is generated from the data (its numbers kept as
-- a JSON snapshot, refreshed while it is a draft and never after it is published), and
-- the coordinator adds notes, decisions and attendance. Days are UTC day numbers, times
-- unix milliseconds; the status is 'draft' or 'published'.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    cadence TEXT NOT NULL,                        -- the program's cadence when created
    period_key TEXT NOT NULL,                     -- 2026-11, 2026-Q4, 2026-W47, 2026-W47-W48
    first_day BIGINT NOT NULL,
    last_day BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    notes TEXT NOT NULL DEFAULT '',
    snapshot TEXT NOT NULL,                       -- core::reports::review::Snapshot as JSON
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT,
    published_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    UNIQUE (program_id, period_key)
);
CREATE INDEX reviews_program ON reviews (program_id, first_day);

-- Decisions (action items) taken at a review: one row each, whichever later review
-- carries it; done_at is set when it is marked done (from any review it appears in).
CREATE TABLE review_decisions (
    id INTEGER PRIMARY KEY,
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    review_id BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    owner_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    due_day BIGINT NOT NULL,
    done_at BIGINT,
    done_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX review_decisions_program ON review_decisions (program_id, done_at);
CREATE INDEX review_decisions_review ON review_decisions (review_id);

-- The decisions of earlier reviews a published review carried, frozen when it was
-- published (a draft works them out from the decisions instead).
CREATE TABLE review_carried (
    review_id BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    decision_id BIGINT NOT NULL REFERENCES review_decisions(id) ON DELETE CASCADE,
    PRIMARY KEY (review_id, decision_id)
);

-- Who came to the meeting.
CREATE TABLE review_attendance (
    review_id BIGINT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (review_id, user_id)
);
