// electron-builder afterPack hook: flips Electron's fuses in the packaged executable, so that the shipped binary
// cannot be turned into a plain Node runtime or made to load code from outside its asar archive.
const path = require('node:path');

/** The fuse settings, kept in one place (and unit-tested). */
function fuseOptions(fuses, platform) {
  const { FuseVersion, FuseV1Options } = fuses;
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform !== 'linux',
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // The UI is served from app://, so file:// needs none of its historical extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

function executablePath(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (electronPlatformName === 'darwin') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  return path.join(appOutDir, packager.executableName);
}

async function afterPack(context, fuses = require('@electron/fuses')) {
  await fuses.flipFuses(executablePath(context), fuseOptions(fuses, context.electronPlatformName));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseOptions = fuseOptions;
module.exports.executablePath = executablePath;
