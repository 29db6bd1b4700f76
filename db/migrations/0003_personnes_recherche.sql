-- Full-text index over the folded names, France Travail id and PASS numbers of every person (src-shared/rules/text.ts
-- folds them). External content: the text lives in personnes.recherche; triggers keep the index in step.
CREATE VIRTUAL TABLE `personnes_fts` USING fts5(recherche, content='personnes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `personnes_fts_insert` AFTER INSERT ON `personnes` BEGIN
  INSERT INTO personnes_fts(rowid, recherche) VALUES (new.rowid, new.recherche);
END;
--> statement-breakpoint
CREATE TRIGGER `personnes_fts_delete` AFTER DELETE ON `personnes` BEGIN
  INSERT INTO personnes_fts(personnes_fts, rowid, recherche) VALUES ('delete', old.rowid, old.recherche);
END;
--> statement-breakpoint
CREATE TRIGGER `personnes_fts_update` AFTER UPDATE OF `recherche` ON `personnes` BEGIN
  INSERT INTO personnes_fts(personnes_fts, rowid, recherche) VALUES ('delete', old.rowid, old.recherche);
  INSERT INTO personnes_fts(rowid, recherche) VALUES (new.rowid, new.recherche);
END;
