/** The data folder's name under the OS's application data (Electron's `userData`, browser mode, the CLI). */
export const USER_DATA_FOLDER = 'cedre-parcours';
