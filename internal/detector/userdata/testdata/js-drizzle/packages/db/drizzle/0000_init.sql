CREATE TABLE `note_draft` ( -- want: asset user-data journal_entries body
	`id` integer PRIMARY KEY NOT NULL,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `retired_contact` (
	`id` integer PRIMARY KEY NOT NULL,
	`phone` text NOT NULL
);
