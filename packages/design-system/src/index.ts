/**
 * @sysops/design-system — the only place micro-frontends get UI components from (ESLint forbids `@mantine/*`
 * elsewhere). It re-exports the Mantine 9 components the suite uses, so the federation singleton holds one
 * copy of them for every remote on the page. Need another component? Re-export it here and add its CSS file
 * to ./styles.ts.
 */
export { DesignSystemProvider } from "./provider.tsx";
export { theme } from "./theme.ts";
export {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Checkbox,
  CloseButton,
  Code,
  Container,
  Divider,
  Fieldset,
  Group,
  List,
  Loader,
  Modal,
  NativeSelect,
  Pagination,
  Paper,
  PasswordInput,
  Radio,
  Rating,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
export type { BadgeProps, ButtonProps, MantineColor, ComboboxItem } from "@mantine/core";
export { useDebouncedValue, useDisclosure, useMediaQuery } from "@mantine/hooks";
