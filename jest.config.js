/** One Jest run for every kind of test: *.spec.ts (pure), *.int-spec.ts (real store), *.e2e-spec.ts (running app). */
/**
 * A suite that does not pass on merged code may be kept out of `npm test` here until it is fixed,
 * and run with `NETRA_QUARANTINE=1 npx jest <path>` (README, "Limits"). Never a place to park a test
 * that passes. Empty again since 2026-12-06 (the summary counters' suite is back).
 */
const QUARANTINED = [];

/**
 * The suites CI runs on Node 24, the image's Node (package.json, `test:node24`: Jest's own path patterns:
 * compose profiles and the smoke start). `.ci/run` sets NETRA_LANE_SUITES_ELSEWHERE=1 for its `npm test`,
 * so those run once per CI run, on Node 24, instead of a second time on the machine's Node 20. The Node 22
 * lane's suites (decider, event-store contract, lifecycle) still run on Node 20 too: issue 15 asks CI to
 * show them passing on both. A plain `npm test` runs them all.
 */
function laneSuites() {
  const { scripts } = require('./package.json');
  return ['test:node24'].flatMap((lane) => {
    const [, paths] = scripts[lane].match(/test-on-node\.sh \d+ (.+)$/) ?? [];
    if (!paths) throw new Error(`jest.config.js: cannot read the suites of ${lane} from package.json`);
    return paths.split(/\s+/);
  });
}

module.exports = {
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.NETRA_QUARANTINE === '1' ? [] : QUARANTINED),
    ...(process.env.NETRA_LANE_SUITES_ELSEWHERE === '1' ? laneSuites() : []),
  ],
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: 'test/.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  setupFiles: ['<rootDir>/test/setup-pglite.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  reporters: ['default', '<rootDir>/test/support/slowest-suites-reporter.js'],
  testTimeout: 60000,
  // CI once printed its summary and then waited 60 minutes for a handle a suite left open (2026-12-05):
  // the run ends when the suites end. Suites still close what they open (afterAll); `npm run test:handles`
  // shows what one leaves behind.
  forceExit: true,
};
