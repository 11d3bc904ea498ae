-- People and access (C1). Times are unix milliseconds (BIGINT), never DATETIME: the
-- store reads the same i64 from SQLite and PostgreSQL. No BOOLEAN columns: "active" is
-- "deactivated_at IS NULL", "used" is "used_at IS NOT NULL", so no bool decoding is needed.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,            -- lower-cased by core::Email
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    password_hash TEXT,                    -- argon2id PHC string; NULL until an invitation is accepted
    locale TEXT NOT NULL DEFAULT 'pl',
    time_zone TEXT NOT NULL DEFAULT 'Europe/Warsaw',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deactivated_at BIGINT,
    -- Computed in Rust (store::people::search_key, sort_key): SQLite's LOWER() and
    -- collation know only ASCII, and search and order must treat "Łukasz" alike on
    -- both engines.
    search_key TEXT NOT NULL DEFAULT '',
    sort_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX users_sort ON users (sort_key);

CREATE TABLE user_roles (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE team_members (
    team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

-- A person's accounts on social networks: the profile URL and the declared network
-- size, which estimated reach (PRODUCT.md) is computed from.
CREATE TABLE user_networks (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    profile_url TEXT,
    network_size BIGINT,
    PRIMARY KEY (user_id, network)
);

-- Sessions and tokens keep only a SHA-256 of the secret: a copy of the database does
-- not let anyone log in.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,                  -- comma-separated core::Scope names
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Invitation and password-reset links: single use, with an expiry.
CREATE TABLE one_time_tokens (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,                 -- 'invite' | 'reset'
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX one_time_tokens_user ON one_time_tokens (user_id, purpose);

-- Failed logins, for throttling. The address is kept only as a keyed hash and rows
-- older than the throttle window are deleted.
CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    ip_hash TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE INDEX login_failures_ip ON login_failures (ip_hash, at);

-- Every email is first a row here; the sender marks it sent, or schedules a retry.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    kind TEXT NOT NULL,                    -- 'invite' | 'reset' | ...
    status TEXT NOT NULL DEFAULT 'pending',-- 'pending' | 'sending' | 'sent' | 'failed'
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_at BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- An uploaded employee file between its dry run and its confirmation.
CREATE TABLE pending_imports (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Administrative actions (C14): who did what to whom.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    actor_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

-- Settings that belong to the deployment rather than to a config file, such as the
-- key that hashes login addresses: every instance must share it.
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
