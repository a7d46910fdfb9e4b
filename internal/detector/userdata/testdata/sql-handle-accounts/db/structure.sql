-- No model here signs in with a password: the handle may be the only
-- account there is. want: asset user-data players username
CREATE TABLE players (
    id bigint NOT NULL,
    username character varying NOT NULL
);

-- want: asset user-data scores points
CREATE TABLE scores (
    id bigint NOT NULL,
    player_id bigint NOT NULL REFERENCES players (id),
    points integer
);
