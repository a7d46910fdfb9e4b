CREATE TABLE reset_tokens ( -- want: asset user-data reset_tokens token
    id BIGSERIAL PRIMARY KEY,
    token TEXT NOT NULL
);
CREATE TABLE invites (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL
);
