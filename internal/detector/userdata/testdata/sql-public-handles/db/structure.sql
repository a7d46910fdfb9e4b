-- The app's people sign in with a password. want: asset user-data users email,encrypted_password
CREATE TABLE users (
    id bigint NOT NULL,
    email character varying NOT NULL,
    encrypted_password character varying NOT NULL
);

-- Copies of a public forge's issues: user_name is the issue author's
-- login there, no relation to the app's users: not user data.
CREATE TABLE issues (
    id bigint NOT NULL,
    title character varying,
    user_name character varying,
    repo_id integer
);

-- A user's own handle elsewhere, kept with their key: theirs.
-- want: asset user-data forge_accounts login
CREATE TABLE forge_accounts (
    id bigint NOT NULL,
    user_id bigint NOT NULL REFERENCES users (id),
    login character varying
);
