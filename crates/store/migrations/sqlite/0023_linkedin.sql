-- LinkedIn direct posting (C6b). A person's connected LinkedIn member: the access token
-- sealed with the secret_key setting (XChaCha20-Poly1305), the member's id (sub) and
-- name, and when the token expires. Disconnecting deletes the row.
CREATE TABLE linkedin_accounts (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    member_sub TEXT NOT NULL,
    member_name TEXT NOT NULL,
    token_sealed TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    connected_at BIGINT NOT NULL,
    reminded BIGINT NOT NULL DEFAULT 0           -- expiry reminders sent: 0, 1 (7 days), 2 (1 day)
);
CREATE INDEX linkedin_accounts_expiry ON linkedin_accounts (expires_at);

-- Posts published on LinkedIn through the Posts API, now or at a planned time. The job
-- claims a due post (status sending) in its own transaction before calling LinkedIn and
-- records the answer afterwards; a post left in sending is never sent again by itself.
CREATE TABLE linkedin_posts (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    content_id BIGINT NOT NULL REFERENCES content_items(id) ON DELETE CASCADE,
    planned_post_id BIGINT REFERENCES planned_posts(id) ON DELETE SET NULL,
    commentary TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    status TEXT NOT NULL,                         -- scheduled, sending, sent, paused, failed, unknown, cancelled
    attempts BIGINT NOT NULL DEFAULT 0,
    next_try_at BIGINT NOT NULL,
    claimed_at BIGINT,
    failure TEXT,                                 -- expired, throttled, server, duplicate, version, forbidden, limit, course, network, ...
    failure_detail TEXT,
    post_urn TEXT,
    share_id BIGINT REFERENCES shares(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX linkedin_posts_due ON linkedin_posts (status, next_try_at);
CREATE INDEX linkedin_posts_user ON linkedin_posts (user_id, due_at);
