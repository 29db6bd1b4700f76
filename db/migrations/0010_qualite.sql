CREATE TABLE `actions_amelioration` (
	`id` text PRIMARY KEY NOT NULL,
	`intitule` text NOT NULL,
	`origine` text NOT NULL,
	`responsable` text DEFAULT '' NOT NULL,
	`indicateur` text DEFAULT '' NOT NULL,
	`date_ouverture` text NOT NULL,
	`echeance` text,
	`date_cloture` text,
	`resultat` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actions_amelioration_ouverture_idx` ON `actions_amelioration` (`date_ouverture`);--> statement-breakpoint
CREATE INDEX `actions_amelioration_cloture_idx` ON `actions_amelioration` (`date_cloture`);--> statement-breakpoint
CREATE TABLE `besoins_non_satisfaits` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`nature` text NOT NULL,
	`description` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `besoins_date_idx` ON `besoins_non_satisfaits` (`date`);--> statement-breakpoint
CREATE TABLE `reclamations` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`origine` text NOT NULL,
	`objet` text NOT NULL,
	`traitement` text DEFAULT '' NOT NULL,
	`date_cloture` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reclamations_date_idx` ON `reclamations` (`date`);--> statement-breakpoint
CREATE TABLE `reponses_satisfaction` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`public` text NOT NULL,
	`note` integer NOT NULL,
	`commentaire` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reponses_satisfaction_date_idx` ON `reponses_satisfaction` (`date`);