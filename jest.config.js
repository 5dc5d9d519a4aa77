/** One Jest run for every kind of test: *.spec.ts (pure), *.int-spec.ts (real store), *.e2e-spec.ts (running app). */
/**
 * A suite that does not pass on merged code may be kept out of `npm test` here until it is fixed,
 * and run with `NETRA_QUARANTINE=1 npx jest <path>` (README, "Limits"). Never a place to park a test
 * that passes. Empty again since 2026-12-06 (the summary counters' suite is back).
 */
const QUARANTINED = [];

module.exports = {
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.NETRA_QUARANTINE === '1' ? [] : QUARANTINED)],
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
