// BFFs reach services over HTTP only: service packages may be imported as types, never as values.
// Integration tests are the exception: they start the real services in-process.
import base from "../../eslint.config.js";

export default [
  ...base,
  {
    files: ["**/*.ts"],
    ignores: ["**/*.integration-test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@sysops/svc-*"], allowTypeImports: true, message: "A BFF imports services as types only." }] },
      ],
    },
  },
];
