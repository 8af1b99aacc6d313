/** Browser tests: the H5 build on the local host, driven by playwright-core in Debian's chromium. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  globalSetup: '<rootDir>/test/browser/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/setup/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/browser/setup/retry.ts'],
  maxWorkers: 1,
  // Hosts a file starts are stopped after it (setup/retry.ts); should one still hold the event loop,
  // the run ends anyway instead of waiting for CI's time limit.
  forceExit: true,
  testTimeout: 60000,
};
