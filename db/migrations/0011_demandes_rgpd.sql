CREATE TABLE `demandes_rgpd` (
	`id` text PRIMARY KEY NOT NULL,
	`personne_id` text,
	`type` text NOT NULL,
	`recue_le` text NOT NULL,
	`demandeur` text NOT NULL,
	`objet` text DEFAULT '' NOT NULL,
	`echeance` text NOT NULL,
	`statut` text NOT NULL,
	`reponse_le` text,
	`reponse` text DEFAULT '' NOT NULL,
	`traitee_par` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`personne_id`) REFERENCES `personnes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`traitee_par`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `demandes_rgpd_recue_idx` ON `demandes_rgpd` (`recue_le`);--> statement-breakpoint
CREATE INDEX `demandes_rgpd_personne_idx` ON `demandes_rgpd` (`personne_id`);