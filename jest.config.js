// Two projects: `unit` (fast, no servers: *.test.ts) and `itg` (start real registries, dockerd, skopeo,
// Go generators: *.itg.test.ts). `npm test` runs both, `npm run test:unit` / `npm run test:itg` one of them.
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } },
    ],
  },
  modulePathIgnorePatterns: [
    '<rootDir>/lib/',
    '<rootDir>/dist/',
    '<rootDir>/bench/.work/',
    '<rootDir>/.tools/',
  ],
};

/** @type {import('jest').Config} */
export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.itg\\.test\\.ts$'],
    },
    { ...shared, displayName: 'itg', testMatch: ['<rootDir>/test/**/*.itg.test.ts'] },
  ],
  testTimeout: 120000,
  maxWorkers: 2,
  verbose: false,
};
