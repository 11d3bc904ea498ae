-- PostgreSQL keeps rows in insertion order, so a program's days of the ambassador roll-up
-- lie scattered over the table: reading a month of them fetched about 120,000 heap rows
-- at random (the goals page took 1.5 s at 500,000 shares). These indexes carry the
-- counted columns, so the periods' sums are index-only scans. (SQLite's roll-up tables
-- are WITHOUT ROWID, clustered by their keys already: its 0013 changes nothing.)
CREATE INDEX stats_ambassador_days_covering ON stats_ambassador_days (program_id, day, user_id, network)
    INCLUDE (shares, personalised, clicks, bots, visitors, conversions);
CREATE INDEX stats_ambassador_months_covering ON stats_ambassador_months (program_id, month, user_id, network)
    INCLUDE (shares, personalised, clicks, bots, visitors, conversions);
CREATE INDEX stats_item_days_covering ON stats_item_days (program_id, day, item_id, network)
    INCLUDE (shares, personalised, clicks, personalised_clicks, bots, visitors, conversions);
CREATE INDEX click_days_day_covering ON click_days (day) INCLUDE (link_id, clicks, bots, visitors, conversions);
