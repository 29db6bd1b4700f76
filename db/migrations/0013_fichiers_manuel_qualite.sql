CREATE TABLE `documents_qualite_fichiers` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`nom` text NOT NULL,
	`type_mime` text NOT NULL,
	`taille` integer NOT NULL,
	`contenu` blob NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents_qualite`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_qualite_fichiers_document_idx` ON `documents_qualite_fichiers` (`document_id`);