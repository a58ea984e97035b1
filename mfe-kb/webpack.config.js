import { createMfConfig } from "@sysops/mf-config/webpack";

export default createMfConfig({
  dir: import.meta.dirname,
  name: "mfe_kb",
  exposes: { "./app": "./src/app.tsx" },
  devPort: 3305,
});
