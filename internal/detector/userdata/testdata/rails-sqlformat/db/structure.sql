-- want: asset user-data api_grants access_token
-- want: asset user-data people email
CREATE TABLE api_grants (
    id integer NOT NULL,
    access_token character varying
);
CREATE TABLE people (
    id integer NOT NULL,
    email character varying
);
