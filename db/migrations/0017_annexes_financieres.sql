CREATE TABLE `annexes_financieres` (
	`id` text PRIMARY KEY NOT NULL,
	`numero` text DEFAULT '' NOT NULL,
	`mesure` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `annexes_financieres_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`annexe_id` text NOT NULL,
	`avenant` integer DEFAULT 0 NOT NULL,
	`modification` integer DEFAULT 0 NOT NULL,
	`date_debut` text NOT NULL,
	`date_fin` text NOT NULL,
	`etp_conventionnes_dix_milliemes` integer,
	`h_ref_centiemes` integer,
	`aide_socle_centimes` integer,
	`aide_modulee_centimes` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`annexe_id`) REFERENCES `annexes_financieres`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annexes_versions_numero_idx` ON `annexes_financieres_versions` (`annexe_id`,`avenant`,`modification`);--> statement-breakpoint
-- Each yearly convention becomes an annexe covering its calendar year (initial version, avenant 0): the number as
-- typed, the ETP conventionnés unchanged, no H_ref or aid amounts (unknown). The year's figures are then identical.
INSERT INTO `annexes_financieres` (`id`, `numero`, `mesure`, `created_at`, `updated_at`)
  SELECT `id`, `annexe_financiere`, `kind` || '_DC', `created_at`, `updated_at` FROM `dispositifs_annees`;--> statement-breakpoint
INSERT INTO `annexes_financieres_versions` (`id`, `annexe_id`, `avenant`, `modification`, `date_debut`, `date_fin`, `etp_conventionnes_dix_milliemes`, `created_at`, `updated_at`)
  SELECT lower(hex(randomblob(16))), `id`, 0, 0, `annee` || '-01-01', `annee` || '-12-31', `etp_conventionnes_dix_milliemes`, `created_at`, `updated_at` FROM `dispositifs_annees`;--> statement-breakpoint
DROP TABLE `dispositifs_annees`;