import { createMfConfig } from "@sysops/mf-config/webpack";

// The host: no remotes at build time; they come from /mfe/registry.json at run time.
export default createMfConfig({
  dir: import.meta.dirname,
  name: "shell",
  html: { title: "Sysops Squad" },
  devPort: 3300,
});
