// Preloaded (`node --require`) by the installable-CLI test: any package that `npm ci --omit=dev` would not install
// fails to load, as it would on a federation's machine. The production tree comes from `npm ls --omit=dev`, passed in
// CEDRE_PROD_PACKAGES (names, one per line).
const Module = require('node:module');
const { builtinModules } = require('node:module');
const prod = new Set((process.env.CEDRE_PROD_PACKAGES || '').split('\n').filter(Boolean));
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const bare = !request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:') && !builtinModules.includes(request);
  if (bare) {
    const name = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0];
    if (!prod.has(name)) throw new Error(`paquet absent d’une installation sans dépendances de développement : ${request}`);
  }
  return original.call(this, request, parent, ...rest);
};
