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
    // Browser code reaches a BFF only through its AppRouter *type*: no server code in a browser bundle. The
    // exception is a BFF's zod input schemas (`@sysops/bff-<x>/inputs/<console>`, zod-only modules), which
    // the forms validate with so browser and BFF apply the same rules.
    // UI comes only from @sysops/design-system (the federation singleton): a direct `@mantine/*` import would
    // bundle a second Mantine into that remote.
    files: ["shell/**/*.{ts,tsx}", "mfe-*/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@sysops/(?:svc-[^/]+|db|trpc-server|internal-auth)(?:/.*)?$|^@sysops/bff-[^/]+(?!/inputs/[^/]+$)(?:/.*)?$",
              allowTypeImports: true,
              message: "Browser code may import server packages as types only (a BFF's `inputs/*` schemas excepted).",
            },
            { group: ["@mantine/*"], message: "Import UI from @sysops/design-system, not from Mantine directly." },
          ],
        },
      ],
    },
  },
  {
    // BFFs reach services over HTTP only: service packages may be imported as types, never as values.
    // Integration tests are the exception: they start the real services in-process (so do their helpers in
    // `bff/*/src/testing/`, which only tests import).
    files: ["bff/**/*.ts"],
    ignores: ["**/*.integration-test.ts", "bff/*/src/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@sysops/svc-*"], allowTypeImports: true, message: "A BFF imports services as types only." }] },
      ],
    },
  },
  {
    // A BFF's `<console>/inputs.ts` is exported to browser code (`@sysops/bff-<x>/inputs/*`): zod and types only,
    // so a form's import never drags server code into a remote's bundle.
    files: ["bff/*/src/*/inputs.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!zod$)", allowTypeImports: true, message: "Browser code imports this module: zod (and types) only." }] },
      ],
    },
  },
);
