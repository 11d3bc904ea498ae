-- Measurement and reports (C11): roll-ups of clicks, shares and conversions, kept current by the
-- click writer (and the journal's loader), share confirmation and conversion recording,
-- so that no page reads raw click rows. Days are UTC days since the epoch
-- (`core::tracking::day_number`), months are months since January 1970
-- (`core::reports::month_of_day`).

-- Per tracked link and day: human clicks, bot hits, unique visitors (distinct human
-- visitor hashes; a hash is per link and day) and conversions recorded that day.
CREATE TABLE click_days (
    link_id BIGINT NOT NULL REFERENCES tracked_links(id) ON DELETE CASCADE,
    day BIGINT NOT NULL,
    clicks BIGINT NOT NULL DEFAULT 0,
    bots BIGINT NOT NULL DEFAULT 0,
    visitors BIGINT NOT NULL DEFAULT 0,
    conversions BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (link_id, day)
) WITHOUT ROWID;
CREATE INDEX click_days_day ON click_days (day);

-- The visitor hashes seen per link and day, so that the writer knows whether a click
-- brings a new unique visitor; days older than yesterday are deleted (their counts in
-- click_days are final).
CREATE TABLE click_day_visitors (
    link_id BIGINT NOT NULL,
    day BIGINT NOT NULL,
    visitor_hash TEXT NOT NULL,
    PRIMARY KEY (link_id, day, visitor_hash)
) WITHOUT ROWID;

-- Per program, ambassador, network and day (and month): shares, personalised shares,
-- human clicks, bot hits, unique visitors, conversions.
CREATE TABLE stats_ambassador_days (
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    day BIGINT NOT NULL,
    shares BIGINT NOT NULL DEFAULT 0,
    personalised BIGINT NOT NULL DEFAULT 0,
    clicks BIGINT NOT NULL DEFAULT 0,
    bots BIGINT NOT NULL DEFAULT 0,
    visitors BIGINT NOT NULL DEFAULT 0,
    conversions BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id, day, user_id, network)
) WITHOUT ROWID;
CREATE INDEX stats_ambassador_days_user ON stats_ambassador_days (user_id, day);
CREATE TABLE stats_ambassador_months (
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    month BIGINT NOT NULL,
    shares BIGINT NOT NULL DEFAULT 0,
    personalised BIGINT NOT NULL DEFAULT 0,
    clicks BIGINT NOT NULL DEFAULT 0,
    bots BIGINT NOT NULL DEFAULT 0,
    visitors BIGINT NOT NULL DEFAULT 0,
    conversions BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id, month, user_id, network)
) WITHOUT ROWID;
CREATE INDEX stats_ambassador_months_user ON stats_ambassador_months (user_id, month);

-- Per program, network and day: the program's totals (trends, networks), a few rows a day.
CREATE TABLE stats_program_days (
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    day BIGINT NOT NULL,
    shares BIGINT NOT NULL DEFAULT 0,
    personalised BIGINT NOT NULL DEFAULT 0,
    clicks BIGINT NOT NULL DEFAULT 0,
    bots BIGINT NOT NULL DEFAULT 0,
    visitors BIGINT NOT NULL DEFAULT 0,
    conversions BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id, day, network)
) WITHOUT ROWID;

-- Per program, content item, network and day: the same, plus the human clicks on links
-- whose share was personalised (does personalisation pay?).
CREATE TABLE stats_item_days (
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    item_id BIGINT NOT NULL REFERENCES content_items(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    day BIGINT NOT NULL,
    shares BIGINT NOT NULL DEFAULT 0,
    personalised BIGINT NOT NULL DEFAULT 0,
    clicks BIGINT NOT NULL DEFAULT 0,
    personalised_clicks BIGINT NOT NULL DEFAULT 0,
    bots BIGINT NOT NULL DEFAULT 0,
    visitors BIGINT NOT NULL DEFAULT 0,
    conversions BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id, day, item_id, network)
) WITHOUT ROWID;
CREATE INDEX stats_item_days_item ON stats_item_days (item_id, day);

-- Estimated reach and EMV per program and network (PRODUCT.md): a reach factor, the CPM
-- and the CPC in grosze (PLN / 100). A network without a row uses the documented
-- defaults (`core::reports::emv::DEFAULTS`).
CREATE TABLE program_emv_rates (
    program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    reach_factor_per_mille BIGINT NOT NULL,
    cpm_grosze BIGINT NOT NULL,
    cpc_grosze BIGINT NOT NULL,
    PRIMARY KEY (program_id, network)
);

CREATE INDEX shares_program ON shares (program_id, created_at);
CREATE INDEX tracked_links_item ON tracked_links (item_id);
CREATE INDEX applications_program ON applications (program_id, created_at);
CREATE INDEX application_stages_application ON application_stages (application_id);

-- Roll up what is there already.
INSERT INTO click_days (link_id, day, clicks, bots, visitors, conversions)
SELECT link_id, day, SUM(clicks), SUM(bots), SUM(visitors), SUM(conversions) FROM (
    SELECT k.link_id AS link_id, k.at / 86400000 AS day,
           SUM(CASE WHEN k.browser <> 'bot' THEN 1 ELSE 0 END) AS clicks,
           SUM(CASE WHEN k.browser = 'bot' THEN 1 ELSE 0 END) AS bots,
           COUNT(DISTINCT CASE WHEN k.browser <> 'bot' THEN k.visitor_hash END) AS visitors,
           0 AS conversions
    FROM clicks k GROUP BY k.link_id, k.at / 86400000
    UNION ALL
    SELECT k.link_id, v.created_at / 86400000, 0, 0, 0, COUNT(*)
    FROM conversions v JOIN clicks k ON k.id = v.click_id GROUP BY k.link_id, v.created_at / 86400000
) x GROUP BY link_id, day;

INSERT INTO click_day_visitors (link_id, day, visitor_hash)
SELECT DISTINCT link_id, at / 86400000, visitor_hash FROM clicks
WHERE browser <> 'bot' AND at >= (SELECT COALESCE(MAX(at), 0) FROM clicks) - 2 * 86400000;

INSERT INTO stats_ambassador_days (program_id, user_id, network, day, shares, personalised, clicks, bots, visitors, conversions)
SELECT program_id, user_id, network, day, SUM(shares), SUM(personalised), SUM(clicks), SUM(bots), SUM(visitors), SUM(conversions) FROM (
    SELECT s.program_id AS program_id, s.user_id AS user_id, s.network AS network, s.created_at / 86400000 AS day,
           1 AS shares, CASE WHEN s.personalisation IS NULL OR s.personalisation > 300 THEN 1 ELSE 0 END AS personalised,
           0 AS clicks, 0 AS bots, 0 AS visitors, 0 AS conversions
    FROM shares s WHERE s.program_id IS NOT NULL
    UNION ALL
    SELECT l.program_id, l.user_id, l.network, d.day, 0, 0, d.clicks, d.bots, d.visitors, d.conversions
    FROM click_days d JOIN tracked_links l ON l.id = d.link_id WHERE l.program_id IS NOT NULL
) x GROUP BY program_id, user_id, network, day;

INSERT INTO stats_program_days (program_id, network, day, shares, personalised, clicks, bots, visitors, conversions)
SELECT program_id, network, day, SUM(shares), SUM(personalised), SUM(clicks), SUM(bots), SUM(visitors), SUM(conversions)
FROM stats_ambassador_days GROUP BY program_id, network, day;

INSERT INTO stats_item_days (program_id, item_id, network, day, shares, personalised, clicks, personalised_clicks, bots, visitors, conversions)
SELECT program_id, item_id, network, day, SUM(shares), SUM(personalised), SUM(clicks), SUM(personalised_clicks), SUM(bots), SUM(visitors), SUM(conversions) FROM (
    SELECT s.program_id AS program_id, s.item_id AS item_id, s.network AS network, s.created_at / 86400000 AS day,
           1 AS shares, CASE WHEN s.personalisation IS NULL OR s.personalisation > 300 THEN 1 ELSE 0 END AS personalised,
           0 AS clicks, 0 AS personalised_clicks, 0 AS bots, 0 AS visitors, 0 AS conversions
    FROM shares s WHERE s.program_id IS NOT NULL AND s.item_id IS NOT NULL
    UNION ALL
    SELECT l.program_id, l.item_id, l.network, d.day, 0, 0, d.clicks,
           CASE WHEN COALESCE((SELECT CASE WHEN s.personalisation IS NULL OR s.personalisation > 300 THEN 1 ELSE 0 END
                             FROM shares s WHERE s.link_id = l.id ORDER BY s.id LIMIT 1), 0) = 1 THEN d.clicks ELSE 0 END,
           d.bots, d.visitors, d.conversions
    FROM click_days d JOIN tracked_links l ON l.id = d.link_id WHERE l.program_id IS NOT NULL
) x GROUP BY program_id, item_id, network, day;

INSERT INTO stats_ambassador_months (program_id, user_id, network, month, shares, personalised, clicks, bots, visitors, conversions)
SELECT program_id, user_id, network,
       (CAST(strftime('%Y', day * 86400, 'unixepoch') AS INTEGER) - 1970) * 12
         + CAST(strftime('%m', day * 86400, 'unixepoch') AS INTEGER) - 1,
       SUM(shares), SUM(personalised), SUM(clicks), SUM(bots), SUM(visitors), SUM(conversions)
FROM stats_ambassador_days
GROUP BY program_id, user_id, network,
       (CAST(strftime('%Y', day * 86400, 'unixepoch') AS INTEGER) - 1970) * 12
         + CAST(strftime('%m', day * 86400, 'unixepoch') AS INTEGER) - 1;
