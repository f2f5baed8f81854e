import { join } from 'node:path';
import { codeCacheDir, runWithCodeCache } from './node/code-cache';

// dist/server.js, what editors start: runs the server (dist/server-main.js) with V8's code cache
// (server/src/node/code-cache.ts). Writing the cache waits until start-up and the first checks are done.
runWithCodeCache(join(__dirname, 'server-main.js'), codeCacheDir(), 3000);
