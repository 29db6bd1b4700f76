-- No backfill: the accueil tables ship in the same release as these columns, so no existing database holds persons yet.
ALTER TABLE `personnes` ADD `nom_tri` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `personnes` ADD `dernier_accueil_id` text;--> statement-breakpoint
ALTER TABLE `personnes` ADD `dernier_contact` text;--> statement-breakpoint
ALTER TABLE `personnes` ADD `derniere_decision` text;--> statement-breakpoint
ALTER TABLE `personnes` ADD `dernier_dispositif` text;--> statement-breakpoint
ALTER TABLE `personnes` ADD `dernier_referent_id` text;--> statement-breakpoint
CREATE INDEX `personnes_nom_tri_idx` ON `personnes` (`nom_tri`);--> statement-breakpoint
CREATE INDEX `personnes_dernier_contact_idx` ON `personnes` (`dernier_contact`);--> statement-breakpoint
CREATE INDEX `personnes_derniere_decision_idx` ON `personnes` (`derniere_decision`,`dernier_contact`);--> statement-breakpoint
CREATE INDEX `personnes_dernier_referent_idx` ON `personnes` (`dernier_referent_id`,`dernier_contact`);--> statement-breakpoint
CREATE INDEX `personnes_dernier_dispositif_idx` ON `personnes` (`dernier_dispositif`,`dernier_contact`);