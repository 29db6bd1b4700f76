ALTER TABLE `clients` ADD `soumis_plafond_480` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- L5132-9 2°: companies and public bodies count towards the AI cap, and « autre » clients until the structure says
-- they are private non-profit bodies; associations and private individuals' own needs do not.
UPDATE `clients` SET `soumis_plafond_480` = 1 WHERE `type` IN ('entreprise', 'collectivite', 'autre');
