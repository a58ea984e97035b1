import { createMfConfig } from "@sysops/mf-config/webpack";

export default createMfConfig({
  dir: import.meta.dirname,
  name: "mfe_reporting",
  exposes: { "./app": "./src/app.tsx" },
  devPort: 3304,
});
