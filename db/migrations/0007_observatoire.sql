CREATE TABLE `cles_signature` (
	`id` text PRIMARY KEY NOT NULL,
	`kid` text NOT NULL,
	`public_jwk` text NOT NULL,
	`private_key_wrapped` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`retired_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cles_signature_kid_unique` ON `cles_signature` (`kid`);--> statement-breakpoint
CREATE TABLE `rapports_annuels` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`annee` integer NOT NULL,
	`fichier` text NOT NULL,
	`genere_le` text NOT NULL,
	`kid` text NOT NULL,
	`sha256` text NOT NULL,
	`signe_par` text,
	`signe_par_nom` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rapports_annee_idx` ON `rapports_annuels` (`annee`);--> statement-breakpoint
CREATE UNIQUE INDEX `rapports_hash_idx` ON `rapports_annuels` (`hash`);--> statement-breakpoint
CREATE INDEX `formations_fin_idx` ON `formations` (`date_fin`,`date_debut`);--> statement-breakpoint
CREATE INDEX `parcours_debut_idx` ON `parcours` (`date_debut`);--> statement-breakpoint
CREATE TRIGGER `rapports_annuels_no_update` BEFORE UPDATE ON `rapports_annuels` BEGIN
  SELECT RAISE(ABORT, 'L''historique des rapports ne peut pas être modifié.');
END;
--> statement-breakpoint
CREATE TRIGGER `rapports_annuels_no_delete` BEFORE DELETE ON `rapports_annuels` BEGIN
  SELECT RAISE(ABORT, 'L''historique des rapports ne peut pas être effacé.');
END;
