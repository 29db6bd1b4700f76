ALTER TABLE `personnes` ADD `anonymise_le` text;--> statement-breakpoint
ALTER TABLE `parcours` ADD `age_debut` integer;