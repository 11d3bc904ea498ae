-- When a person was first invited. The people list tells "invited" from "not invited yet"
-- (people imported without invitations) by it: the invitation links themselves are
-- deleted when they expire or are replaced, so they cannot tell. Filled for people
-- invited before this migration from their links and from the invitation emails.
ALTER TABLE users ADD COLUMN invited_at BIGINT;
UPDATE users SET invited_at = (SELECT MIN(t.created_at) FROM one_time_tokens t
    WHERE t.user_id = users.id AND t.purpose = 'invite') WHERE invited_at IS NULL;
UPDATE users SET invited_at = (SELECT MIN(o.created_at) FROM outbox o
    WHERE o.kind = 'invite' AND o.to_addr = users.email) WHERE invited_at IS NULL;
