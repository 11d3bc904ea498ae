-- Programs (minimal: what content and sharing need; the program design issue extends
-- this table with goals, selection and training), the content library with its
-- workflow, tracked links and shares.

CREATE TABLE programs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,             -- utm_campaign of tracked links
    description TEXT NOT NULL DEFAULT '',
    coordinator_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    daily_share_limit BIGINT NOT NULL DEFAULT 5,   -- 0: no limit
    created_at BIGINT NOT NULL
);

-- Membership is history: leaving sets left_at, the row stays so past shares keep
-- their program.
CREATE TABLE program_members (
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    joined_at BIGINT NOT NULL,
    left_at BIGINT,
    PRIMARY KEY (program_id, user_id)
);
CREATE INDEX program_members_user ON program_members (user_id);

CREATE TABLE content_items (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title TEXT NOT NULL,
    category TEXT NOT NULL,                -- core::content::Category
    target_url TEXT NOT NULL,              -- http(s) only; the only place tracked links lead
    image_file TEXT,                       -- file name under data_dir/media (content hash)
    hashtags TEXT NOT NULL DEFAULT '',     -- space-separated, without '#'
    language TEXT NOT NULL,
    status TEXT NOT NULL,                  -- core::content::Status
    reject_reason TEXT,
    author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    starts_at BIGINT NOT NULL,
    expires_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX content_items_status ON content_items (status, starts_at);

-- Suggested text per network; a network without a row is not offered for the item.
CREATE TABLE content_texts (
    item_id BIGINT NOT NULL REFERENCES content_items(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (item_id, network)
);

-- Targeting: no row means "every program" / "every team".
CREATE TABLE content_programs (
    item_id BIGINT NOT NULL REFERENCES content_items(id) ON DELETE CASCADE,
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, program_id)
);
CREATE TABLE content_teams (
    item_id BIGINT NOT NULL REFERENCES content_items(id) ON DELETE CASCADE,
    team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, team_id)
);

-- Every workflow step: who (NULL for the system's publish and expire), when, and a note
-- (the rejection reason).
CREATE TABLE content_transitions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id BIGINT NOT NULL REFERENCES content_items(id) ON DELETE CASCADE,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    actor_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    note TEXT,
    at BIGINT NOT NULL
);
CREATE INDEX content_transitions_item ON content_transitions (item_id, id);

-- One tracked link per (ambassador, content item, network); the target is copied from
-- the item when the link is made, so a redirect never goes anywhere an editor did not put.
CREATE TABLE tracked_links (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    item_id BIGINT NOT NULL REFERENCES content_items(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    program_id BIGINT REFERENCES programs(id) ON DELETE SET NULL,
    target_url TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (user_id, item_id, network)
);

-- A share: an ambassador's confirmed publication of a content item, or an own post
-- (item_id NULL, topic set). personalisation is per mille (core::sharing).
CREATE TABLE shares (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    item_id BIGINT REFERENCES content_items(id) ON DELETE SET NULL,
    link_id BIGINT REFERENCES tracked_links(id) ON DELETE SET NULL,
    program_id BIGINT REFERENCES programs(id) ON DELETE SET NULL,
    network TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    post_url TEXT,
    topic TEXT,
    personalisation BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX shares_user ON shares (user_id, created_at);
CREATE INDEX shares_item ON shares (item_id, created_at);
