-- Search in the feed, the library and the content API: the item's title, hashtags and
-- suggested texts folded (core::text::fold: lower case, no diacritics), so that "krakow"
-- finds "Kraków" on both engines without either one's collations. Written with the item;
-- rows from before this migration are filled by Store::migrate.
ALTER TABLE content_items ADD COLUMN search_text TEXT;
