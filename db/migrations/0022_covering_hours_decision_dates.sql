DROP INDEX `heures_contrat_date_idx`;--> statement-breakpoint
CREATE INDEX `heures_contrat_date_idx` ON `heures` (`contrat_id`,`date`,`client_id`,`centiemes`);--> statement-breakpoint
CREATE INDEX `accueils_date_decision_idx` ON `accueils` (`date_decision`);