CREATE TABLE `fiches_salarie` (
	`id` text PRIMARY KEY NOT NULL,
	`parcours_id` text NOT NULL,
	`niveau_formation` text,
	`sans_ressources` integer DEFAULT false NOT NULL,
	`rqth` integer DEFAULT false NOT NULL,
	`oeth` integer DEFAULT false NOT NULL,
	`inscrit_ft` integer DEFAULT false NOT NULL,
	`inscrit_ft_depuis` text,
	`sans_emploi_depuis` text,
	`rsa` text,
	`rsa_depuis` text,
	`ass` integer DEFAULT false NOT NULL,
	`ass_depuis` text,
	`aah` integer DEFAULT false NOT NULL,
	`aah_depuis` text,
	`qpv` integer DEFAULT false NOT NULL,
	`zrr` integer DEFAULT false NOT NULL,
	`commune_naissance` text,
	`pays_naissance` text,
	`motif_absence_nir` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parcours_id`) REFERENCES `parcours`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fiches_salarie_parcours_id_unique` ON `fiches_salarie` (`parcours_id`);--> statement-breakpoint
-- Each existing parcours gets its fiche, filled with what the base knows (the person's situation as recorded, the
-- ASS, AAH and TH criteria of its entry diagnosis); the rest stays empty for the CIP to complete.
INSERT INTO `fiches_salarie` (`id`, `parcours_id`, `niveau_formation`, `sans_ressources`, `rqth`, `inscrit_ft`, `inscrit_ft_depuis`, `rsa`, `ass`, `aah`, `qpv`, `zrr`, `created_at`, `updated_at`)
  SELECT lower(hex(randomblob(16))), p.`id`, pe.`niveau_formation`, pe.`sans_ressources`,
         EXISTS (SELECT 1 FROM `criteres_eligibilite` ce WHERE ce.`diagnostic_id` = p.`diagnostic_id` AND ce.`critere` = 'TH'),
         pe.`duree_inscription_ft` IS NOT NULL, pe.`duree_inscription_ft`, pe.`rsa`,
         EXISTS (SELECT 1 FROM `criteres_eligibilite` ce WHERE ce.`diagnostic_id` = p.`diagnostic_id` AND ce.`critere` = 'ASS'),
         EXISTS (SELECT 1 FROM `criteres_eligibilite` ce WHERE ce.`diagnostic_id` = p.`diagnostic_id` AND ce.`critere` = 'AAH'),
         pe.`qpv`, pe.`zrr`, p.`created_at`, p.`created_at`
    FROM `parcours` p JOIN `personnes` pe ON pe.`id` = p.`personne_id`;
