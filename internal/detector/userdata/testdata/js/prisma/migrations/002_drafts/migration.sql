-- Two tables a later migration takes away: one dropped, one renamed.
CREATE TABLE "PromptLog" (
    "id" TEXT NOT NULL,
    "prompt" TEXT NOT NULL
);

CREATE TABLE "ReplyWindow" ( -- want: asset user-data ReplyDraft body
    "id" TEXT NOT NULL,
    "body" TEXT NOT NULL
);

-- A table rebuilt in one migration stays: dropped, then declared again.
DROP TABLE IF EXISTS "Callback";
CREATE TABLE "Callback" ( -- want: asset user-data Callback phone
    "id" TEXT NOT NULL,
    "phone" TEXT
);
