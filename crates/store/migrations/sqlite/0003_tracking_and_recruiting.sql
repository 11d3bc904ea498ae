-- Click tracking (C7), job offers and applications (C9), conversions.

-- Every hit on a tracked link, bots included (browser = 'bot'); only non-bot rows are
-- clicks. No address is kept: visitor_hash is keyed with a salt of the day that is
-- deleted afterwards. The click token handed to the target site (amb_ct) is derived
-- from the id with a key (core::tracking::click_token), so it needs no column and no
-- index: an index of random tokens made every insert several times slower.
CREATE TABLE clicks (
    id INTEGER PRIMARY KEY,
    link_id BIGINT NOT NULL REFERENCES tracked_links(id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    network TEXT NOT NULL,
    visitor_hash TEXT NOT NULL,
    browser TEXT NOT NULL,                 -- 'desktop' | 'mobile' | 'bot'
    referrer_host TEXT
);
CREATE INDEX clicks_link ON clicks (link_id, at);

-- The salt of each day for visitor hashes; yesterday's is deleted, so yesterday's
-- hashes cannot be recomputed from an address.
CREATE TABLE visitor_salts (
    day BIGINT PRIMARY KEY,                -- days since the unix epoch, UTC
    salt TEXT NOT NULL
);

CREATE TABLE job_offers (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    location TEXT NOT NULL,
    contract_type TEXT NOT NULL,           -- 'employment' | 'b2b' | 'mandate' | 'internship'
    description TEXT NOT NULL,             -- Markdown, rendered safely
    language TEXT NOT NULL,
    status TEXT NOT NULL,                  -- 'open' | 'closed'
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- A candidate's application. When it came through an ambassador's link (a click within
-- the attribution window, last click wins), click_id and the copied attribution say
-- whose referral it is.
CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    offer_id BIGINT NOT NULL REFERENCES job_offers(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    profile_url TEXT,
    message TEXT NOT NULL DEFAULT '',
    cv_file TEXT,                          -- file name under data_dir/cv (not public)
    consent_text TEXT NOT NULL,            -- the consent as shown when it was given
    stage TEXT NOT NULL,                   -- 'new' | 'screening' | 'interview' | 'offer' | 'hired' | 'rejected'
    click_id BIGINT REFERENCES clicks(id) ON DELETE SET NULL,
    ambassador_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    item_id BIGINT REFERENCES content_items(id) ON DELETE SET NULL,
    program_id BIGINT REFERENCES programs(id) ON DELETE SET NULL,
    network TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX applications_offer ON applications (offer_id, created_at);
CREATE INDEX applications_ambassador ON applications (ambassador_id);

CREATE TABLE application_stages (
    id INTEGER PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    from_stage TEXT NOT NULL,
    to_stage TEXT NOT NULL,
    actor_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    at BIGINT NOT NULL
);

-- Conversions attributed to a click: applications through the careers form, and what a
-- company's own systems report through the API (idempotent on external_id).
CREATE TABLE conversions (
    id INTEGER PRIMARY KEY,
    click_id BIGINT NOT NULL REFERENCES clicks(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                    -- 'application' | 'lead' | 'signup' | 'custom'
    external_id TEXT UNIQUE,
    value DOUBLE PRECISION,
    application_id BIGINT REFERENCES applications(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX conversions_click ON conversions (click_id);

-- Counted events for rate limits (applications per address), keyed by a hash.
CREATE TABLE rate_events (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX rate_events_key ON rate_events (kind, key_hash, at);
