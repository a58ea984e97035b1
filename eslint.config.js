// One ESLint config for the monorepo; each workspace's `lint` script runs `eslint .` and finds this file.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/node_modules/**", "**/src/generated/**", "**/.data/**", "**/test-results/**", "**/playwright-report/**", "**/*.config.js", "**/*.config.mjs", "**/*.cjs"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },
  {
    // Browser code reaches a BFF only through its AppRouter *type*: no server code in a browser bundle.
    files: ["shell/**/*.{ts,tsx}", "mfe-*/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@sysops/bff-*", "@sysops/svc-*", "@sysops/db", "@sysops/trpc-server", "@sysops/internal-auth"], allowTypeImports: true, message: "Browser code may import server packages as types only." },
          ],
        },
      ],
    },
  },
  {
    // BFFs reach services over HTTP only: service packages may be imported as types, never as values.
    // Integration tests are the exception: they start the real services in-process.
    files: ["bff/**/*.ts"],
    ignores: ["**/*.integration-test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@sysops/svc-*"], allowTypeImports: true, message: "A BFF imports services as types only." }] },
      ],
    },
  },
);
