import { MantineProvider } from "@mantine/core";
import type { ReactNode } from "react";
import "./styles.ts";
import { cssVariablesResolver, theme } from "./theme.ts";

/**
 * Wrap every micro-frontend's React root in this. Each remote has its own React root, so each has its own
 * provider; they share one theme and one copy of Mantine (the package is a federation singleton). The suite
 * is light-only: the shell's header and login page are plain DOM in light colours.
 */
export function DesignSystemProvider({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      {children}
    </MantineProvider>
  );
}
