ALTER TABLE `note_draft` RENAME TO `journal_entries`;
--> statement-breakpoint
DROP TABLE `retired_contact`;
