CREATE TABLE `heures_payees` (
	`id` text PRIMARY KEY NOT NULL,
	`contrat_id` text NOT NULL,
	`mois` text NOT NULL,
	`centiemes` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`contrat_id`) REFERENCES `contrats`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `heures_payees_contrat_mois_idx` ON `heures_payees` (`contrat_id`,`mois`);