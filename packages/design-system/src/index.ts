/**
 * @sysops/design-system — the only place micro-frontends get UI components from (ESLint forbids `@mantine/*`
 * elsewhere). It re-exports the Mantine 9 components the suite uses, so the federation singleton holds one
 * copy of them for every remote on the page. Only what is used: a shared module cannot be tree-shaken per
 * consumer, so every re-export ships to every page (Select/Modal/Tooltip/Pagination/Tabs… were dropped for
 * that reason). Need another component? Re-export it here and add its CSS file (and its dependencies'
 * files, see Mantine's "styles" docs) to ./styles.ts; the remotes e2e and axe runs show a missing one.
 */
export { DesignSystemProvider } from "./provider.tsx";
export { QueryState } from "./query-state.tsx";
export type { QueryStateProps, QueryStateQuery } from "./query-state.tsx";
export { theme } from "./theme.ts";
export {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Checkbox,
  Divider,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  Radio,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
export type { BadgeProps, ButtonProps, MantineColor } from "@mantine/core";
