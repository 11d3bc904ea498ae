-- Motivation (C10): points rules per program, the append-only points ledger, badges,
-- challenges, the rewards catalog with redemptions, budgets, and the leaderboard privacy
-- setting. Flags are BIGINT 0/1, times BIGINT unix milliseconds, money BIGINT grosze.

-- A program's value of a points rule; a rule without a row has core::points' default.
CREATE TABLE points_rules (
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,                           -- core::points::Rule
    points BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (program_id, rule)
);

-- The ledger: every award is a row, never edited. One award per person, rule and source
-- (the unique key makes awarding idempotent); a correction is a new row with a negative
-- amount, its own rule `correction`, a source naming what it corrects, and a reason.
CREATE TABLE points_ledger (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    program_id BIGINT REFERENCES programs(id) ON DELETE SET NULL,
    rule TEXT NOT NULL,
    source TEXT NOT NULL,                         -- share:12, clicks:12:20512, application:5
    amount BIGINT NOT NULL,
    reason TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (user_id, rule, source)
);
CREATE INDEX points_ledger_user ON points_ledger (user_id, created_at);
CREATE INDEX points_ledger_program ON points_ledger (program_id, created_at);

-- Badges, each earned once.
CREATE TABLE badges_earned (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    badge TEXT NOT NULL,                          -- core::badges::Badge
    earned_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, badge)
);

-- Time-boxed challenges with their own goal and bonus.
CREATE TABLE challenges (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    metric TEXT NOT NULL,                         -- shares, clicks, points
    content_id BIGINT REFERENCES content_items(id) ON DELETE SET NULL,
    team_id BIGINT REFERENCES teams(id) ON DELETE SET NULL,
    target BIGINT NOT NULL,
    mode TEXT NOT NULL,                           -- threshold, collective, raffle
    bonus BIGINT NOT NULL,
    winners BIGINT NOT NULL DEFAULT 1,            -- how many a raffle draws
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    settled_at BIGINT,
    seed TEXT,                                    -- the raffle's seed, kept to verify it
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX challenges_program ON challenges (program_id, ends_at);
CREATE TABLE challenge_winners (
    challenge_id BIGINT NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (challenge_id, user_id)
);

-- The rewards catalog of a program.
CREATE TABLE rewards (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    image_file TEXT,
    points_cost BIGINT NOT NULL,
    stock BIGINT,                                 -- NULL: unlimited
    cost_minor BIGINT NOT NULL DEFAULT 0,         -- PLN in grosze
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX rewards_program ON rewards (program_id);

-- A redemption holds its points from the request: requested -> approved -> delivered, or
-- rejected (with a reason; the points are free again, the stock returned).
CREATE TABLE redemptions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reward_id BIGINT NOT NULL REFERENCES rewards(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    points BIGINT NOT NULL,
    cost_minor BIGINT NOT NULL,
    status TEXT NOT NULL,                         -- requested, approved, delivered, rejected
    reason TEXT,
    created_at BIGINT NOT NULL,
    decided_at BIGINT,
    delivered_at BIGINT
);
CREATE INDEX redemptions_user ON redemptions (user_id, created_at);
CREATE INDEX redemptions_program ON redemptions (program_id, status);

-- A program's rewards budget per quarter (2026-Q4), in grosze.
CREATE TABLE program_budgets (
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    quarter TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (program_id, quarter)
);

-- 1: the person's name is hidden on leaderboards ("an ambassador").
ALTER TABLE users ADD COLUMN hide_on_boards BIGINT NOT NULL DEFAULT 0;

-- Points for clicks go to a tracked link's first share: finding it (and the shares of a
-- link) reads this index instead of every share.
CREATE INDEX shares_link ON shares (link_id, id);

-- A raffle's candidates as drawn (user ids, comma-separated): kept with the seed, so the
-- draw can be checked later even if the numbers behind it change (a correction, a late
-- click).
ALTER TABLE challenges ADD COLUMN candidates TEXT;
