CREATE TABLE `actions_freins` (
	`id` text PRIMARY KEY NOT NULL,
	`parcours_id` text NOT NULL,
	`type_frein` text NOT NULL,
	`date` text NOT NULL,
	`prestataire` text NOT NULL,
	`partenaire_id` text,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`parcours_id`) REFERENCES `parcours`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partenaire_id`) REFERENCES `partenaires`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actions_freins_parcours_idx` ON `actions_freins` (`parcours_id`);--> statement-breakpoint
CREATE INDEX `actions_freins_date_idx` ON `actions_freins` (`date`,`type_frein`);--> statement-breakpoint
CREATE TABLE `bilans` (
	`id` text PRIMARY KEY NOT NULL,
	`parcours_id` text NOT NULL,
	`type` text NOT NULL,
	`date` text NOT NULL,
	`revue_objectifs` text DEFAULT '' NOT NULL,
	`revue_freins` text DEFAULT '' NOT NULL,
	`revue_competences` text DEFAULT '' NOT NULL,
	`paroles_personne` text DEFAULT '' NOT NULL,
	`prochaines_etapes` text DEFAULT '' NOT NULL,
	`signe_personne` integer DEFAULT false NOT NULL,
	`signe_structure` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`parcours_id`) REFERENCES `parcours`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bilans_parcours_idx` ON `bilans` (`parcours_id`,`date`);--> statement-breakpoint
CREATE INDEX `bilans_date_idx` ON `bilans` (`date`);--> statement-breakpoint
CREATE TABLE `cer` (
	`id` text PRIMARY KEY NOT NULL,
	`parcours_id` text NOT NULL,
	`version` integer NOT NULL,
	`objectifs` text NOT NULL,
	`moyens_formation` text DEFAULT '' NOT NULL,
	`moyens_encadrement` text DEFAULT '' NOT NULL,
	`moyens_accompagnement` text DEFAULT '' NOT NULL,
	`heures_hebdo` integer,
	`date_signature` text,
	`signe_personne` integer DEFAULT false NOT NULL,
	`signe_structure` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`parcours_id`) REFERENCES `parcours`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cer_parcours_version_idx` ON `cer` (`parcours_id`,`version`);--> statement-breakpoint
CREATE INDEX `cer_signature_idx` ON `cer` (`date_signature`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`nom` text NOT NULL,
	`type` text NOT NULL,
	`siret` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contrats` (
	`id` text PRIMARY KEY NOT NULL,
	`parcours_id` text NOT NULL,
	`type` text NOT NULL,
	`date_debut` text NOT NULL,
	`date_fin_prevue` text,
	`date_fin_reelle` text,
	`heures_hebdo` integer,
	`derogations` text DEFAULT '[]' NOT NULL,
	`avertissements` text DEFAULT '[]' NOT NULL,
	`renouvelle_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parcours_id`) REFERENCES `parcours`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contrats_parcours_idx` ON `contrats` (`parcours_id`,`date_debut`);--> statement-breakpoint
CREATE TABLE `formations` (
	`id` text PRIMARY KEY NOT NULL,
	`parcours_id` text NOT NULL,
	`intitule` text NOT NULL,
	`organisme_id` text,
	`date_debut` text NOT NULL,
	`date_fin` text,
	`heures` integer,
	`qualifiante` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`parcours_id`) REFERENCES `parcours`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisme_id`) REFERENCES `partenaires`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `formations_parcours_idx` ON `formations` (`parcours_id`);--> statement-breakpoint
CREATE INDEX `formations_debut_idx` ON `formations` (`date_debut`);--> statement-breakpoint
CREATE TABLE `heures` (
	`id` text PRIMARY KEY NOT NULL,
	`contrat_id` text NOT NULL,
	`date` text NOT NULL,
	`centiemes` integer NOT NULL,
	`client_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`contrat_id`) REFERENCES `contrats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `heures_contrat_date_idx` ON `heures` (`contrat_id`,`date`);--> statement-breakpoint
CREATE INDEX `heures_date_idx` ON `heures` (`date`);--> statement-breakpoint
CREATE INDEX `heures_client_idx` ON `heures` (`client_id`,`date`);--> statement-breakpoint
CREATE TABLE `mois_clotures` (
	`mois` text PRIMARY KEY NOT NULL,
	`cloture_le` text NOT NULL,
	`cloture_par` text,
	FOREIGN KEY (`cloture_par`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `parametres` (
	`id` text PRIMARY KEY NOT NULL,
	`cle` text NOT NULL,
	`valeur` text NOT NULL,
	`valide_du` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parametres_cle_date_idx` ON `parametres` (`cle`,`valide_du`);--> statement-breakpoint
CREATE TABLE `parcours` (
	`id` text PRIMARY KEY NOT NULL,
	`personne_id` text NOT NULL,
	`dispositif` text NOT NULL,
	`accueil_id` text,
	`diagnostic_id` text,
	`referent_id` text,
	`date_debut` text,
	`date_sortie` text,
	`motif_sortie` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`personne_id`) REFERENCES `personnes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accueil_id`) REFERENCES `accueils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`diagnostic_id`) REFERENCES `diagnostics_eligibilite`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `parcours_personne_idx` ON `parcours` (`personne_id`);--> statement-breakpoint
CREATE INDEX `parcours_dispositif_debut_idx` ON `parcours` (`dispositif`,`date_debut`);--> statement-breakpoint
CREATE INDEX `parcours_sortie_idx` ON `parcours` (`date_sortie`);--> statement-breakpoint
CREATE INDEX `parcours_referent_idx` ON `parcours` (`referent_id`);--> statement-breakpoint
CREATE TABLE `partenaires` (
	`id` text PRIMARY KEY NOT NULL,
	`nom` text NOT NULL,
	`type` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pmsmp` (
	`id` text PRIMARY KEY NOT NULL,
	`parcours_id` text NOT NULL,
	`date_debut` text NOT NULL,
	`date_fin` text,
	`entreprise` text DEFAULT '' NOT NULL,
	`partenaire_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`parcours_id`) REFERENCES `parcours`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partenaire_id`) REFERENCES `partenaires`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pmsmp_parcours_idx` ON `pmsmp` (`parcours_id`);--> statement-breakpoint
CREATE INDEX `pmsmp_debut_idx` ON `pmsmp` (`date_debut`);--> statement-breakpoint
CREATE TABLE `suivis_sortie` (
	`id` text PRIMARY KEY NOT NULL,
	`parcours_id` text NOT NULL,
	`echeance_mois` integer NOT NULL,
	`date` text NOT NULL,
	`situation` text NOT NULL,
	`commentaire` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`parcours_id`) REFERENCES `parcours`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suivis_parcours_echeance_idx` ON `suivis_sortie` (`parcours_id`,`echeance_mois`);