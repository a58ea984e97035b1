/**
 * Mantine's CSS, only for the components this package re-exports (the whole `styles.css` is 42 KB gzip; these
 * files are a fraction of that). Add the component's file here when you re-export a new component; a
 * component whose styles are missing renders unstyled, which the e2e screenshots and axe run would show.
 *
 * Delivered by style-loader (see packages/mf-config/README.md): the CSS travels inside this package's JS,
 * and because `@sysops/design-system` is a Module Federation singleton it is injected once per page, by
 * whichever remote loads it first.
 */
import "@mantine/core/styles/baseline.css";
import "@mantine/core/styles/default-css-variables.css";
import "@mantine/core/styles/global.css";
import "@mantine/core/styles/UnstyledButton.css";
import "@mantine/core/styles/Button.css";
import "@mantine/core/styles/CloseButton.css";
import "@mantine/core/styles/Loader.css";
import "@mantine/core/styles/Paper.css";
import "@mantine/core/styles/Card.css";
import "@mantine/core/styles/Text.css";
import "@mantine/core/styles/Title.css";
import "@mantine/core/styles/Anchor.css";
import "@mantine/core/styles/Badge.css";
import "@mantine/core/styles/Alert.css";
import "@mantine/core/styles/Group.css";
import "@mantine/core/styles/Stack.css";
import "@mantine/core/styles/SimpleGrid.css";
import "@mantine/core/styles/Container.css";
import "@mantine/core/styles/Divider.css";
import "@mantine/core/styles/Input.css";
import "@mantine/core/styles/InlineInput.css";
import "@mantine/core/styles/Checkbox.css";
import "@mantine/core/styles/Radio.css";
import "@mantine/core/styles/ScrollArea.css";
import "@mantine/core/styles/Table.css";
import "@mantine/core/styles/Timeline.css";
import "@mantine/core/styles/List.css";
