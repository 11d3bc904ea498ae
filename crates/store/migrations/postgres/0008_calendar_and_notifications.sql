-- Publication calendar (C8): slots that coordinators plan per program, the planned posts
-- they become (one per ambassador), the slots' history, in-app notifications, email
-- digests, Slack and Teams webhooks with their delivery queue, and calendar feeds.
-- Flags are BIGINT 0/1, times BIGINT unix milliseconds.

-- A slot: a window, a network, a content item or a free topic, and whom it is for.
CREATE TABLE calendar_slots (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    content_id BIGINT REFERENCES content_items(id) ON DELETE SET NULL,
    topic TEXT,                                   -- a free topic when there is no item
    network TEXT NOT NULL,                        -- core::Network
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    audience TEXT NOT NULL,                       -- program, team or people
    team_id BIGINT REFERENCES teams(id) ON DELETE SET NULL,
    spread BIGINT NOT NULL DEFAULT 0,             -- 1: posts spread over the window
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT                             -- deleted after it was due: kept
);
CREATE INDEX calendar_slots_program ON calendar_slots (program_id, starts_at);

-- A planned post: one ambassador's part of a slot, with its own window (the slot's, or
-- the day and hours the spreading rule gave) and its outcome.
CREATE TABLE planned_posts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slot_id BIGINT NOT NULL REFERENCES calendar_slots(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'planned',       -- planned, done, missed, skipped
    accepted_at BIGINT,
    skip_reason TEXT,
    share_id BIGINT REFERENCES shares(id) ON DELETE SET NULL,
    decided_at BIGINT,                            -- when it became done, missed or skipped
    reminded_at BIGINT,                           -- the "due" notification went out
    updated_at BIGINT NOT NULL,
    UNIQUE (slot_id, user_id)
);
CREATE INDEX planned_posts_user ON planned_posts (user_id, starts_at);
CREATE INDEX planned_posts_status ON planned_posts (status, ends_at);

-- What a slot was before each change made after it was due, and who changed it.
CREATE TABLE calendar_slot_history (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slot_id BIGINT NOT NULL REFERENCES calendar_slots(id) ON DELETE CASCADE,
    changed_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    changed_at BIGINT NOT NULL,
    action TEXT NOT NULL,                         -- edited, deleted
    before TEXT NOT NULL                          -- JSON of the slot before the change
);
CREATE INDEX calendar_slot_history_slot ON calendar_slot_history (slot_id, changed_at);

-- In-app notifications, rendered in the reader's language from a kind and arguments.
CREATE TABLE notifications (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    args TEXT NOT NULL DEFAULT '{}',              -- JSON object of message arguments
    link TEXT NOT NULL,
    dedup_key TEXT,                               -- at most one per person and key
    created_at BIGINT NOT NULL,
    read_at BIGINT,
    UNIQUE (user_id, dedup_key)
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);

-- Digest preferences; a person without a row gets the default (daily on working days
-- at 9:00 in their time zone, only when something is due).
CREATE TABLE digest_settings (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    frequency TEXT NOT NULL,                      -- daily, weekly, off
    hour BIGINT NOT NULL,                         -- 0..23, the person's time zone
    weekdays BIGINT NOT NULL,                     -- bit 0 Monday .. bit 6 Sunday
    updated_at BIGINT NOT NULL
);

-- One digest per person and period: inserting the row is the claim, so two server
-- processes cannot both send it.
CREATE TABLE digests_sent (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    period TEXT NOT NULL,                         -- 2026-11-30 (daily), 2026-W49 (weekly)
    claimed_at BIGINT NOT NULL,
    entries BIGINT NOT NULL DEFAULT 0,            -- 0: nothing to say, nothing sent
    PRIMARY KEY (user_id, period)
);

-- A program's Slack or Teams incoming webhook. The URL is a secret.
CREATE TABLE program_webhooks (
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                           -- slack, teams
    url TEXT NOT NULL,
    last_error TEXT,
    last_error_at BIGINT,
    last_success_at BIGINT,
    stopped_at BIGINT,                            -- revoked (404/410): nothing more sent
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (program_id, kind)
);

-- Messages to Slack and Teams, delivered with retries like the email outbox.
CREATE TABLE webhook_deliveries (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    event TEXT NOT NULL,
    body TEXT NOT NULL,                           -- the JSON posted
    status TEXT NOT NULL DEFAULT 'pending',       -- pending, sent, failed
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    dedup_key TEXT UNIQUE                         -- one weekly plan per program and week
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

-- Calendar feeds: the URL carries an HMAC of (owner, id, version); revoking a feed
-- raises its version, which ends every URL made before.
CREATE TABLE calendar_feeds (
    owner TEXT NOT NULL,                          -- user or program
    owner_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (owner, owner_id)
);

-- When an item's publication was announced (notifications, Slack and Teams): set by the
-- one process that claims it, so each item is announced once.
ALTER TABLE content_items ADD COLUMN announced_at BIGINT;
-- What was published before this migration counts as announced.
UPDATE content_items SET announced_at = updated_at WHERE status IN ('published', 'expired');
