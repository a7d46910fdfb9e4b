-- A migration that rebuilds a table beside the old one, then swaps
-- them: the copy is the table it copies, not a model of its own.
CREATE TABLE visits_new ( -- want: asset user-data visits city,referrer_path
    id bigint,
    referrer_path text,
    city text,
    pageviews int
);
INSERT INTO visits_new SELECT * FROM visits;
RENAME TABLE visits TO visits_old;
RENAME TABLE visits_new TO visits;
