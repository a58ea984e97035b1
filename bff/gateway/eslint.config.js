// BFFs reach services over HTTP only: service packages may be imported as types, never as values.
import base from "../../eslint.config.js";

export default [
  ...base,
  {
    files: ["**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@sysops/svc-*"], allowTypeImports: true, message: "A BFF imports services as types only." }] },
      ],
    },
  },
];
