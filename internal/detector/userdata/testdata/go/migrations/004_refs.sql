CREATE TABLE devices ( -- want: asset user-data devices model
    id BIGSERIAL PRIMARY KEY,
    account_id BIGINT NOT NULL
        REFERENCES accounts (id) ON DELETE CASCADE,
    model TEXT
);

CREATE TABLE regions (
    id BIGSERIAL PRIMARY KEY,
    label TEXT
);

CREATE TABLE depots (
    id BIGSERIAL PRIMARY KEY,
    region_id BIGINT,
    label TEXT,
    FOREIGN KEY (region_id) REFERENCES regions (id)
);

create table device_pings ( -- want: asset user-data device_pings seen
    id bigserial primary key,
    device_id bigint,
    seen timestamptz
);
alter table device_pings add constraint pings_device foreign key (device_id) references devices (id);

-- The user table of a raw-SQL app: its login secret is a column named pass.
CREATE TABLE logins ( -- want: asset user-data logins pass
    id TEXT PRIMARY KEY,
    login TEXT NOT NULL,
    pass TEXT NOT NULL
);

CREATE TABLE login_grants ( -- want: asset user-data login_grants can_read,topic
    login_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    can_read INT NOT NULL,
    FOREIGN KEY (login_id) REFERENCES logins (id) ON DELETE CASCADE
);

-- Lookalike: a flag named pass is a result, not a secret.
CREATE TABLE exam_results (
    id BIGSERIAL PRIMARY KEY,
    score INT,
    pass BOOLEAN
);
