/** Electron entry (bundled by electron-vite into out/main/index.js). All logic is in platform/electron/entry.ts. */
import { app, BrowserWindow, ipcMain, protocol, safeStorage, shell } from 'electron';
import { startElectronApp, type ElectronModules } from './platform/electron/entry';

startElectronApp({ app, BrowserWindow, ipcMain, protocol, safeStorage, shell } as unknown as ElectronModules, {
  bundleDir: __dirname,
  env: process.env,
  resourcesPath: process.resourcesPath,
});
