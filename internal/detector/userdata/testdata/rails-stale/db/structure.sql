-- Left from an old setup: the app no longer dumps SQL.
CREATE TABLE oauth_grants (
    id integer NOT NULL,
    access_token character varying,
    refresh_token character varying
);
CREATE TABLE people (
    id integer NOT NULL,
    email character varying
);
