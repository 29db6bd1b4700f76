CREATE TABLE `personnes` (
	`id` text PRIMARY KEY NOT NULL,
	`civilite` text NOT NULL,
	`nom` text NOT NULL,
	`prenom` text NOT NULL,
	`date_naissance` text NOT NULL,
	`telephone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`adresse` text DEFAULT '' NOT NULL,
	`code_postal` text DEFAULT '' NOT NULL,
	`commune` text DEFAULT '' NOT NULL,
	`qpv` integer DEFAULT false NOT NULL,
	`zrr` integer DEFAULT false NOT NULL,
	`niveau_formation` text,
	`identifiant_ft` text,
	`nir` text,
	`orienteur` text,
	`rsa` text,
	`duree_inscription_ft` text,
	`sans_ressources` integer DEFAULT false NOT NULL,
	`cle_doublon` text NOT NULL,
	`recherche` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `personnes_cle_doublon_idx` ON `personnes` (`cle_doublon`);--> statement-breakpoint
CREATE INDEX `personnes_nom_idx` ON `personnes` (`nom`,`prenom`);--> statement-breakpoint
CREATE TABLE `accueils` (
	`id` text PRIMARY KEY NOT NULL,
	`personne_id` text NOT NULL,
	`date_premier_contact` text NOT NULL,
	`canal` text NOT NULL,
	`date_offre_presentee` text,
	`offre_presentee_par` text,
	`date_notice_rgpd` text,
	`date_diagnostic` text,
	`souhaits` text DEFAULT '' NOT NULL,
	`decision` text,
	`date_decision` text,
	`motif_decision` text,
	`reorientation_vers` text DEFAULT '' NOT NULL,
	`dispositif` text,
	`referent_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`personne_id`) REFERENCES `personnes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offre_presentee_par`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `accueils_personne_idx` ON `accueils` (`personne_id`);--> statement-breakpoint
CREATE INDEX `accueils_date_idx` ON `accueils` (`date_premier_contact`);--> statement-breakpoint
CREATE INDEX `accueils_decision_idx` ON `accueils` (`decision`,`date_decision`);--> statement-breakpoint
CREATE INDEX `accueils_referent_idx` ON `accueils` (`referent_id`);--> statement-breakpoint
CREATE TABLE `competences` (
	`id` text PRIMARY KEY NOT NULL,
	`personne_id` text NOT NULL,
	`libelle` text NOT NULL,
	`code_rome` text DEFAULT '' NOT NULL,
	`niveau` integer NOT NULL,
	`date_evaluation` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`personne_id`) REFERENCES `personnes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `competences_personne_idx` ON `competences` (`personne_id`);--> statement-breakpoint
CREATE TABLE `freins` (
	`id` text PRIMARY KEY NOT NULL,
	`personne_id` text NOT NULL,
	`type` text NOT NULL,
	`niveau` integer NOT NULL,
	`commentaire` text DEFAULT '' NOT NULL,
	`date_identification` text NOT NULL,
	`date_levee` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`personne_id`) REFERENCES `personnes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `freins_personne_idx` ON `freins` (`personne_id`);--> statement-breakpoint
CREATE INDEX `freins_type_idx` ON `freins` (`type`,`date_identification`);--> statement-breakpoint
CREATE TABLE `criteres_eligibilite` (
	`id` text PRIMARY KEY NOT NULL,
	`diagnostic_id` text NOT NULL,
	`critere` text NOT NULL,
	`type_justificatif` text DEFAULT '' NOT NULL,
	`date_justificatif` text,
	FOREIGN KEY (`diagnostic_id`) REFERENCES `diagnostics_eligibilite`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `criteres_diagnostic_idx` ON `criteres_eligibilite` (`diagnostic_id`);--> statement-breakpoint
CREATE INDEX `criteres_critere_idx` ON `criteres_eligibilite` (`critere`);--> statement-breakpoint
CREATE TABLE `diagnostics_eligibilite` (
	`id` text PRIMARY KEY NOT NULL,
	`personne_id` text NOT NULL,
	`date` text NOT NULL,
	`auteur` text NOT NULL,
	`prescripteur` text DEFAULT '' NOT NULL,
	`dispositif` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`personne_id`) REFERENCES `personnes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diagnostics_personne_idx` ON `diagnostics_eligibilite` (`personne_id`,`date`);--> statement-breakpoint
CREATE TABLE `pass_iae` (
	`id` text PRIMARY KEY NOT NULL,
	`personne_id` text NOT NULL,
	`numero` text NOT NULL,
	`date_debut` text NOT NULL,
	`date_fin` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`personne_id`) REFERENCES `personnes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pass_iae_numero_unique` ON `pass_iae` (`numero`);--> statement-breakpoint
CREATE INDEX `pass_personne_idx` ON `pass_iae` (`personne_id`);--> statement-breakpoint
CREATE TABLE `pass_prolongations` (
	`id` text PRIMARY KEY NOT NULL,
	`pass_id` text NOT NULL,
	`date_debut` text NOT NULL,
	`date_fin` text NOT NULL,
	`motif` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`pass_id`) REFERENCES `pass_iae`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pass_prolongations_pass_idx` ON `pass_prolongations` (`pass_id`);--> statement-breakpoint
CREATE TABLE `pass_suspensions` (
	`id` text PRIMARY KEY NOT NULL,
	`pass_id` text NOT NULL,
	`date_debut` text NOT NULL,
	`date_fin` text NOT NULL,
	`motif` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`pass_id`) REFERENCES `pass_iae`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pass_suspensions_pass_idx` ON `pass_suspensions` (`pass_id`);