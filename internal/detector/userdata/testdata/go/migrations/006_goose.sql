-- +goose Up
CREATE TABLE magic_links ( -- want: asset user-data magic_links email
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL
);
DROP TABLE invites;

-- +goose Down
CREATE TABLE invites (email TEXT);
DROP TABLE magic_links;
