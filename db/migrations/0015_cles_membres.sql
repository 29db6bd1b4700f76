CREATE TABLE `cles_membres` (
	`id` text PRIMARY KEY NOT NULL,
	`siret` text NOT NULL,
	`nom` text NOT NULL,
	`kid` text NOT NULL,
	`date_fiche` text NOT NULL,
	`retiree_le` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cles_membres_siret_kid` ON `cles_membres` (`siret`,`kid`);--> statement-breakpoint
CREATE INDEX `cles_membres_kid_idx` ON `cles_membres` (`kid`);