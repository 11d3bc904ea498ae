-- The retention run deletes old raw clicks unless an application points at one: this
-- index answers that for each click (and the foreign key's ON DELETE SET NULL).
CREATE INDEX applications_click ON applications (click_id);
