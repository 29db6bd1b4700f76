import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../helpers/temp';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const afterPack = require('../../build/after-pack.cjs') as {
  (context: unknown, fuses: unknown): Promise<void>;
  fuseOptions(fuses: unknown, platform: string): Record<string, unknown>;
};

const fakeFuses = {
  FuseVersion: { V1: '1' },
  FuseV1Options: {
    RunAsNode: 0,
    EnableCookieEncryption: 1,
    EnableNodeOptionsEnvironmentVariable: 2,
    EnableNodeCliInspectArguments: 3,
    EnableEmbeddedAsarIntegrityValidation: 4,
    OnlyLoadAppFromAsar: 5,
    LoadBrowserProcessSpecificV8Snapshot: 6,
    GrantFileProtocolExtraPrivileges: 7,
  },
  flipFuses: vi.fn(async () => 0),
};

describe('packaging', () => {
  it('flips the fuses on the Windows executable: no run-as-node, no NODE_OPTIONS, asar only and checked', async () => {
    await afterPack(
      { electronPlatformName: 'win32', appOutDir: 'C:/dist/win-unpacked', packager: { appInfo: { productFilename: 'Cèdre Parcours' }, executableName: 'cedre-parcours' } },
      fakeFuses,
    );
    expect(fakeFuses.flipFuses).toHaveBeenCalledWith(join('C:/dist/win-unpacked', 'Cèdre Parcours.exe'), {
      version: '1',
      resetAdHocDarwinSignature: false,
      0: false,
      1: true,
      2: false,
      3: false,
      4: true,
      5: true,
      7: false,
    });
  });

  it('ships migrations outside the asar, unpacks the native module, and installs per user in French', () => {
    const yml = readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/extraResources:\n\s+- from: db\/migrations\n\s+to: migrations/);
    expect(yml).toMatch(/asarUnpack:\n\s+- '\*\*\/\*\.node'/);
    expect(yml).toMatch(/perMachine: false/);
    expect(yml).toMatch(/deleteAppDataOnUninstall: false/);
    expect(yml).toMatch(/language: '1036'/);
    expect(yml).toMatch(/target: \[AppImage\]/);
    expect(yml).toMatch(/afterPack: build\/after-pack\.cjs/);
  });
});
