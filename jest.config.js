/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  // office-addin-mock pulls in office-addin-manifest, whose ESM-only dependency does not load under
  // jest 30 on Node 20; the mock never uses it.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/support/officeAddinManifestStub.js",
  },
};
