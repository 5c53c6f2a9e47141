// `npm run test:faults`: the app as real processes against real PostgreSQL, one spec at a time
// (they start processes and load two cores). Not part of `npm test`.
const { projects } = require('./jest.config.js');

const e2e = projects.find((p) => p.displayName === 'e2e');
module.exports = {
  ...e2e,
  displayName: 'faults',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  globalSetup: '<rootDir>/test/faults/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/faults/support/global-teardown.ts',
  testTimeout: 15 * 60 * 1000,
  maxWorkers: 1,
};
