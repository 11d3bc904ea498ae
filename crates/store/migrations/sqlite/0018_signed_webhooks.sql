-- Signed webhooks to other systems (C13): endpoints an admin registers, and the queue of
-- messages to them. A message keeps its id (the webhook-id header) on every attempt.
CREATE TABLE webhook_endpoints (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,                            -- http(s); shown to admins only
    events TEXT NOT NULL,                         -- comma-separated event names
    secret TEXT NOT NULL,                         -- whsec_<base64>, shown once
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    last_success_at BIGINT,
    failing_since BIGINT,                         -- first failure after the last success
    disabled_at BIGINT                            -- failing for three days, or by an admin
);

CREATE TABLE webhook_messages (
    id INTEGER PRIMARY KEY,
    endpoint_id BIGINT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    message_id TEXT NOT NULL,                     -- msg_..., the same on every attempt
    event TEXT NOT NULL,
    payload TEXT NOT NULL,                        -- the JSON body
    dedup_key TEXT NOT NULL,                      -- one message per endpoint and occurrence
    status TEXT NOT NULL DEFAULT 'pending',       -- pending, delivered, failed
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_status BIGINT,                           -- the receiver's last HTTP status
    last_error TEXT,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT,
    UNIQUE (endpoint_id, dedup_key)
);
CREATE INDEX webhook_messages_due ON webhook_messages (status, next_attempt_at);
CREATE INDEX webhook_messages_endpoint ON webhook_messages (endpoint_id, id);
