-- The catalog's search vector is a generated column, and generated columns may only call
-- immutable functions; array_to_string is merely stable, so wrap the concatenation.
CREATE OR REPLACE FUNCTION marquee_search_text(title text, description text, tags text[])
RETURNS text
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$ SELECT coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(array_to_string(tags, ' '), '') $$;
