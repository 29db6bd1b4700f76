/** The app's version, from package.json, written into reports and shown in the UI. */
import pkg from '../package.json';

export const APP_VERSION: string = pkg.version;
export const APP_NAME = 'Cèdre Parcours';
