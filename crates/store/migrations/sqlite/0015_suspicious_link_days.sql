-- The points review looks for links with more than 3 clicks per unique visitor
-- (core::rewards::review::SUSPICIOUS_CLICKS_PER_VISITOR): such a link has at least one
-- such day, so the review starts from this index of those days instead of reading every
-- day of its 30-day window (150,000 rows at 500,000 shares a year). The query repeats
-- this predicate word for word, which is how both engines know the index applies.
CREATE INDEX click_days_suspicious ON click_days (day, link_id) WHERE clicks > 3 * visitors;
