CREATE TABLE `parcels` (`id` uuid NOT NULL, `recipient_address` text NOT NULL, PRIMARY KEY (`id`));
CREATE TABLE `drafts` (`id` uuid NOT NULL, `notes` text NULL, PRIMARY KEY (`id`));
