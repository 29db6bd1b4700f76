// Starts the data worker from its TypeScript sources (npm run dev, the tests): registers tsx in this worker thread,
// then loads the worker. The built app starts the bundled worker instead (out/web/data-worker.cjs, out/main/data-worker.js).
require('tsx/cjs/api').register();
require('./data-worker.ts');
