/**
 * `cedre`: the app's services without a window, for set-up, scripts, support and the federation. This file only
 * parses and dispatches: each command's module is loaded when it runs, so `cedre --help`, `verify` and `consolidate`
 * start without loading the database, the PDF renderer or the app's routes.
 */
import { join } from 'node:path';
import { DB_FILE_NAME } from './app-paths';
import { pathsFrom, UsageError } from './cli-args';
import { isCliDataCommand } from './cli-data-commands';
import { defaultDataDir } from './platform/data-dir';
import { APP_NAME, APP_VERSION } from './version';

const HELP = `${APP_NAME} ${APP_VERSION} — ligne de commande

Utilisation : cedre <commande> [options]

Commandes :
  check                 Ouvre la base, applique les migrations en attente et vérifie son intégrité.
  backup                Crée une sauvegarde vérifiée de la base (API de sauvegarde en ligne de SQLite) ;
                        --copy-to <dossier> : la copie aussi sur une clé USB ou un autre disque.
  backups               Liste les sauvegardes disponibles, de la plus récente à la plus ancienne.
  restore               Restaure une sauvegarde (la base actuelle est conservée à côté, renommée).
  import <fichier>      Importe un classeur .xlsx ou un dossier de fichiers .csv (format d'import v1) ;
                        tout ou rien : à la moindre erreur, rien n'est enregistré. --dry-run : simulation.
                        Dans une base nouvelle, la structure est créée depuis la feuille « structure ».
  export --out <dest>   Exporte toutes les données au format d'import (dest en .xlsx, sinon un dossier de .csv).
  template [--out f]    Écrit le classeur modèle d'import (par défaut modele-import-cedre.xlsx).
  demo                  Crée une structure de démonstration fictive (une AI et un ACI) dans un nouveau fichier :
                        --scale N (1 : environ 150 salariés par an), --years Y (3), --seed S (même graine,
                        mêmes données). Comptes direction, cip, cip2, encadrant, accueil.
  report --year Y       Produit le rapport annuel signé (rapport-<SIRET>-<Y>.zip) dans --out (dossier,
                        par défaut le dossier courant) et affiche son chemin. --signataire "Nom".
  verify <zip>          Vérifie un rapport : signature, format, empreintes des documents ; avec
                        --thumbprint <kid> ou --cles <fichier.csv> (siret;kid), la clé enregistrée.
                        « valide » (code 0), « intègre, mais clé non vérifiée » (code 2) ou une ligne
                        par échec (code 1).
  consolidate <dossier> Vérifie tous les rapports .zip du dossier, un par SIRET et par année (un même
                        rapport en double compte une fois), une seule année (--annee Y, sinon la plus
                        récente) ; refuse et liste les autres ; écrit le tableau des structures et les
                        totaux dans --out (.xlsx ou .csv). --cles <fichier.csv> : les clés enregistrées
                        (siret;kid) ; un SIRET sans clé enregistrée est alors refusé.
  version               Affiche la version.

Options :
  --db <fichier>        Base de données à utiliser (par défaut : ${join(defaultDataDir(), DB_FILE_NAME)},
                        ou le dossier de la variable CEDRE_DATA_DIR).
  --from <fichier>      Pour restore : la sauvegarde à restaurer (par défaut : la plus récente).
  -h, --help            Affiche cette aide.

Code de sortie : 0 si tout s'est bien passé, 1 en cas d'échec, 2 si la commande est mal écrite.`;

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (!command || command === '-h' || command === '--help' || command === 'help' || args.includes('--help')) {
      console.log(HELP);
      return 0;
    }
    switch (command) {
      case 'version':
        console.log(APP_VERSION);
        return 0;
      case 'backups':
        (await import('./cli-database')).listAll(pathsFrom(args));
        return 0;
      case 'template':
        return await (await import('./cli-data')).templateCommand(args);
      case 'verify':
        return await (await import('./cli-federation')).verifyCommand(args);
      case 'consolidate':
        return await (await import('./cli-federation')).consolidateCommand(args);
      default:
        // The commands on a database run in the data worker, opened as the app opens it.
        if (isCliDataCommand(command)) return await (await import('./cli-worker')).runInDataWorker(command, args, pathsFrom(args));
        throw new UsageError(`Commande inconnue : « ${command} ». Tapez « cedre --help » pour la liste des commandes.`);
    }
  } catch (err) {
    return (await import('./cli-failure')).cliFailure(err);
  }
}
