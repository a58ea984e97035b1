/**
 * The suite's Mantine theme. Chosen for contrast (axe-core "serious" colour-contrast findings fail the e2e run):
 * filled controls use shade 8 of the primary colour, `autoContrast` picks black or white text on every
 * filled background, and "dimmed" text is gray 7 instead of Mantine's gray 6 (3.3:1 on white).
 */
import { createTheme, type CSSVariablesResolver } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 6 },
  autoContrast: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: "sm",
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { "--mantine-color-dimmed": t.colors.gray[7], "--mantine-color-placeholder": t.colors.gray[7] },
  dark: {},
});
