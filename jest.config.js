/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // End-to-end tests spawn the built CLI; two workers match the machine's two cores.
  maxWorkers: 2,
  // A guard against hangs, not a speed check: a loaded CI machine can take a minute over a batch.
  testTimeout: 180000,
};
