#!/usr/bin/env node
// npm nests webpack-cli under this package (it is not hoisted), so `webpack` from the root .bin cannot find
// it; the shell and remotes run webpack-cli through this file instead, resolved from here.
import { createRequire } from "node:module";

createRequire(import.meta.url)("webpack-cli/bin/cli.js");
