/** Unit, function and store tests. Browser tests run separately (scripts/browser-tests.mjs). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/test/**/*.test.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  moduleNameMapper: { '^@bangfu/types$': '<rootDir>/types/index.ts', '^@bangfu/types/(.*)$': '<rootDir>/types/$1', '^@/(.*)$': '<rootDir>/client/src/$1' },
  // Every file runs with the console watched for ID numbers, phones and GPS fixes (PIPL).
  setupFilesAfterEnv: ['<rootDir>/test/support/log-scan.ts'],
  testTimeout: 30000,
};
