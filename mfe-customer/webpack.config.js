import { createMfConfig } from "@sysops/mf-config/webpack";

export default createMfConfig({
  dir: import.meta.dirname,
  name: "mfe_customer",
  exposes: { "./app": "./src/app.tsx" },
  devPort: 3302,
});
