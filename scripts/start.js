#!/usr/bin/env node
/**
 * `npm start`: builds first only when a source changed since the last build (build-stamp.js), then
 * runs the server in this same process. A `prestart` script would cost a second Node process and
 * npm's lifecycle around it (about 0.3 s of a 2 s start, README "Start-up"); dist/main.js is
 * required only after the build, so a changed source is always run as built.
 */
require('./build-stamp').ensure();
require('../dist/main.js');
