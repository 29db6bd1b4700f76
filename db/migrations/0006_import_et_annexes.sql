CREATE TABLE `dispositifs_annees` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`annee` integer NOT NULL,
	`annexe_financiere` text DEFAULT '' NOT NULL,
	`etp_conventionnes` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dispositifs_annees_kind_annee_idx` ON `dispositifs_annees` (`kind`,`annee`);--> statement-breakpoint
CREATE TABLE `import_refs` (
	`feuille` text NOT NULL,
	`ref` text NOT NULL,
	`entity_id` text NOT NULL,
	PRIMARY KEY(`feuille`, `ref`)
);
