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
