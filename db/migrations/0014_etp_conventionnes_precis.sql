ALTER TABLE `dispositifs_annees` RENAME COLUMN "etp_conventionnes" TO "etp_conventionnes_dix_milliemes";--> statement-breakpoint
-- Hundredths become ten-thousandths (issue 21): 4,5 ETP was 450 and is now 45 000.
UPDATE `dispositifs_annees` SET `etp_conventionnes_dix_milliemes` = `etp_conventionnes_dix_milliemes` * 100 WHERE `etp_conventionnes_dix_milliemes` IS NOT NULL;
