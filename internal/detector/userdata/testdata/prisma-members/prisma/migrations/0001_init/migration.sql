CREATE TABLE "oauth_key" (
    "id" TEXT NOT NULL,
    "secret" TEXT NOT NULL
);

-- Fires: a staging copy of events (the same columns) is events, listed
-- once. want: asset user-data events user_email
CREATE TABLE "events" (
    "id" TEXT NOT NULL,
    "user_email" TEXT NOT NULL,
    "payload" TEXT,
    "created_at" TIMESTAMP NOT NULL
);

CREATE TABLE "events_batch_staging" (
    "id" TEXT NOT NULL,
    "user_email" TEXT NOT NULL,
    "payload" TEXT,
    "created_at" TIMESTAMP NOT NULL
);

-- Lookalike: a table named after events that keeps some of its columns
-- and points at its rows is a table of its own.
-- want: asset user-data event_watchers user_email
CREATE TABLE "event_watchers" (
    "id" TEXT NOT NULL,
    "user_email" TEXT NOT NULL,
    "event_id" TEXT NOT NULL REFERENCES "events"("id"),
    "created_at" TIMESTAMP NOT NULL
);
