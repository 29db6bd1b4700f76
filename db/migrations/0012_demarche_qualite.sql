CREATE TABLE `audits_certification` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`type` text NOT NULL,
	`auditeur` text NOT NULL,
	`constats` text NOT NULL,
	`certifie_jusqu_au` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audits_certification_date_idx` ON `audits_certification` (`date`);--> statement-breakpoint
CREATE TABLE `auto_evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`exigence_code` text NOT NULL,
	`annee` integer NOT NULL,
	`niveau` text NOT NULL,
	`commentaire` text DEFAULT '' NOT NULL,
	`evalue_par` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`evalue_par`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `auto_evaluations_exigence_annee_idx` ON `auto_evaluations` (`exigence_code`,`annee`);--> statement-breakpoint
CREATE TABLE `controles_environnement` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`nature` text NOT NULL,
	`lieu` text,
	`constat` text NOT NULL,
	`suite` text,
	`date_cloture` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `controles_environnement_date_idx` ON `controles_environnement` (`date`);--> statement-breakpoint
CREATE TABLE `documents_qualite` (
	`id` text PRIMARY KEY NOT NULL,
	`titre` text NOT NULL,
	`version` integer NOT NULL,
	`approuve_le` text NOT NULL,
	`approuve_par` text NOT NULL,
	`contenu` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_qualite_version_idx` ON `documents_qualite` (`titre`,`version`);--> statement-breakpoint
CREATE TABLE `formations_personnel` (
	`id` text PRIMARY KEY NOT NULL,
	`personnel_id` text NOT NULL,
	`date` text NOT NULL,
	`intitule` text NOT NULL,
	`organisme` text,
	`heures` real,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`personnel_id`) REFERENCES `personnel`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `formations_personnel_date_idx` ON `formations_personnel` (`date`);--> statement-breakpoint
CREATE INDEX `formations_personnel_personne_idx` ON `formations_personnel` (`personnel_id`);--> statement-breakpoint
CREATE TABLE `grille_exigences` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`mission` text NOT NULL,
	`engagement` text NOT NULL,
	`libelle` text NOT NULL,
	`preuve` text,
	`cible` real,
	`ordre` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grille_exigences_code_unique` ON `grille_exigences` (`code`);--> statement-breakpoint
CREATE TABLE `personnel` (
	`id` text PRIMARY KEY NOT NULL,
	`nom` text NOT NULL,
	`fonction` text NOT NULL,
	`statut` text NOT NULL,
	`qualification` text,
	`date_entree` text NOT NULL,
	`date_sortie` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `propositions_salaries` (
	`id` text PRIMARY KEY NOT NULL,
	`temps_id` text NOT NULL,
	`date` text NOT NULL,
	`proposition` text NOT NULL,
	`decision` text NOT NULL,
	`motif` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`temps_id`) REFERENCES `temps_collectifs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `propositions_salaries_date_idx` ON `propositions_salaries` (`date`);--> statement-breakpoint
CREATE TABLE `questionnaires` (
	`id` text PRIMARY KEY NOT NULL,
	`titre` text NOT NULL,
	`public` text NOT NULL,
	`moment` text NOT NULL,
	`questions` text NOT NULL,
	`actif` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reponses_questionnaires` (
	`id` text PRIMARY KEY NOT NULL,
	`questionnaire_id` text NOT NULL,
	`date` text NOT NULL,
	`reponses` text NOT NULL,
	`note_moyenne` real,
	`created_at` text NOT NULL,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaires`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reponses_questionnaires_date_idx` ON `reponses_questionnaires` (`questionnaire_id`,`date`);--> statement-breakpoint
CREATE TABLE `temps_collectifs` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`nature` text NOT NULL,
	`objet` text NOT NULL,
	`participants` integer NOT NULL,
	`compte_rendu` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `temps_collectifs_date_idx` ON `temps_collectifs` (`date`);