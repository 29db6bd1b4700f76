DROP INDEX `accueils_personne_idx`;--> statement-breakpoint
CREATE INDEX `accueils_personne_idx` ON `accueils` (`personne_id`,`date_premier_contact`);--> statement-breakpoint
DROP INDEX `heures_date_idx`;--> statement-breakpoint
DROP INDEX `heures_client_idx`;--> statement-breakpoint
CREATE INDEX `heures_date_idx` ON `heures` (`date`,`contrat_id`,`client_id`,`centiemes`);--> statement-breakpoint
CREATE INDEX `heures_client_idx` ON `heures` (`client_id`,`date`,`contrat_id`,`centiemes`);--> statement-breakpoint
DROP INDEX `parcours_personne_idx`;--> statement-breakpoint
CREATE INDEX `parcours_diagnostic_idx` ON `parcours` (`diagnostic_id`);--> statement-breakpoint
CREATE INDEX `parcours_personne_idx` ON `parcours` (`personne_id`,`date_debut`,`date_sortie`);--> statement-breakpoint
CREATE INDEX `pass_fin_idx` ON `pass_iae` (`date_fin`);