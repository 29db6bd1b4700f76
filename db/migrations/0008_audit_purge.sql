CREATE TABLE `audit_purge_autorisee` (
	`id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_purges` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`avant` text NOT NULL,
	`lignes` integer NOT NULL,
	`dernier_seq` integer NOT NULL,
	`dernier_hash` text NOT NULL
);
--> statement-breakpoint
DROP TRIGGER `audit_log_no_delete`;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` WHEN NOT EXISTS (SELECT 1 FROM `audit_purge_autorisee`) BEGIN SELECT RAISE(ABORT, 'Le journal d''audit ne peut pas être effacé.'); END;--> statement-breakpoint
CREATE TRIGGER `audit_purges_no_update` BEFORE UPDATE ON `audit_purges` BEGIN SELECT RAISE(ABORT, 'Le registre des purges ne peut pas être modifié.'); END;--> statement-breakpoint
CREATE TRIGGER `audit_purges_no_delete` BEFORE DELETE ON `audit_purges` BEGIN SELECT RAISE(ABORT, 'Le registre des purges ne peut pas être effacé.'); END;
