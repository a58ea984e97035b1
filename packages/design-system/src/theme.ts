/**
 * The suite's Mantine theme. Chosen for contrast (axe-core "serious" colour-contrast findings fail the e2e run):
 * filled controls use shade 8 of the primary colour, `autoContrast` picks black or white text on every
 * filled background, "dimmed" text is gray 7 instead of Mantine's gray 6 (3.3:1 on white) and errors red 9.
 * With white text only these reach 4.5:1: red 8+, pink/grape/violet/indigo 7+, blue 8+, cyan 9, teal 9,
 * gray 7+, dark; never green, lime, yellow or orange.
 * Light alerts (the default variant) write their title and text in the body text colour: Mantine's coloured text
 * on the tinted background fails 4.5:1 for green even at shade 9; the tint and the icon still say which kind it is.
 */
import { Alert, createTheme, type CSSVariablesResolver } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 6 },
  autoContrast: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: "sm",
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  components: {
    Alert: Alert.extend({
      vars: (_theme, props) => ({ root: { "--alert-color": (props.variant ?? "light") === "light" ? "var(--mantine-color-text)" : undefined } }),
    }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": t.colors.gray[7],
    "--mantine-color-placeholder": t.colors.gray[7],
    // Mantine's red 6 (3.3:1 on white) would fail for field error messages; red 9 is 5.5:1.
    "--mantine-color-error": t.colors.red[9],
  },
  dark: {},
});
