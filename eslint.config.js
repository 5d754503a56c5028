// @ts-check
// ESLint for the library, the tests and the scripts (`npm run lint`, also run by `npm test`).
// The recommended rules of ESLint and typescript-eslint; an `eslint-disable` line that no longer
// silences anything is an error, so the ones in the code stay true.
"use strict";
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const globals = require("globals");

module.exports = tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "build-test/",
      "out/",
      ".venv/",
      ".jupyter-data/",
      "lab/node_modules/",
      "lab/build/",
      "lab/gen/",
      "native/build/",
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `const x = require(...)` is used on purpose where a module is optional or loaded lazily, and
      // each such line says so with an eslint-disable comment; plain `require()` calls are fine.
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-var-requires": "error",
      // `const crypto = require("crypto")` is not a clash with Node's global webcrypto.
      "no-redeclare": ["error", { builtinGlobals: false }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    // The scripts are CommonJS: require() is how they import.
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-var-requires": "off" },
  },
  {
    // Browser code: the lab frontend entry and scripts that run in the page.
    files: ["lab/index.js"],
    languageOptions: { globals: { ...globals.browser }, sourceType: "module" },
  },
);
