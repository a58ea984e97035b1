// One Module Federation + webpack config factory for the shell (host) and every remote, so they agree on
// `shared`, output naming and loaders. Plain JS ESM: webpack-cli 7 on Node 20 cannot load TS configs.
import { createRequire } from "node:module";
import path from "node:path";
import { ModuleFederationPlugin } from "@module-federation/enhanced/webpack";
import HtmlWebpackPlugin from "html-webpack-plugin";

const SINGLETONS = /** @type {const} */ ([
  ["react", "react"],
  ["react-dom", "react-dom"],
  ["react-dom/client", "react-dom"],
]);

/**
 * Singletons shared only by packages that depend on them. The design system (Mantine + its CSS) must exist
 * once per page: one copy of the JS, its CSS injected once, one theme. The shell does not depend on it, so
 * the first remote on the page provides it and every later remote reuses that copy ("loaded-first").
 */
const OPTIONAL_SINGLETONS = ["@sysops/design-system"];

/** Data-fetching libraries every remote uses: shared so the second remote on a page reuses the first's copy. */
const LIBRARIES = ["@tanstack/react-query", "@trpc/client", "@trpc/tanstack-react-query"];

/**
 * React (and the design system, when the package uses it) is shared as a singleton: the browser loads one copy (the host's), remotes never bundle a second.
 * The libraries are shared (not singletons: each app creates its own QueryClient) when the package uses them.
 * @param {string} packageDir
 */
export function sharedModules(packageDir) {
  const require = createRequire(path.join(packageDir, "package.json"));
  /** @type {(name: string) => { version: string, dependencies?: Record<string, string> }} */
  const manifest = (name) => {
    /** @type {{ version: string, dependencies?: Record<string, string> }} */
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- require() of a package.json is untyped
    const pkg = require(name);
    return pkg;
  };
  const dependencies = manifest("./package.json").dependencies ?? {};
  /** @type {Record<string, { singleton?: boolean, requiredVersion: string }>} */
  const shared = {};
  for (const [request, pkg] of SINGLETONS) {
    shared[request] = { singleton: true, requiredVersion: `^${manifest(`${pkg}/package.json`).version}` };
  }
  for (const lib of OPTIONAL_SINGLETONS.filter((name) => name in dependencies)) {
    shared[lib] = { singleton: true, requiredVersion: `^${manifest(`${lib}/package.json`).version}` };
  }
  for (const lib of LIBRARIES.filter((name) => name in dependencies)) {
    shared[lib] = { requiredVersion: `^${manifest(`${lib}/package.json`).version}` };
  }
  return shared;
}

function swcRule() {
  return {
    test: /\.[jt]sx?$/,
    exclude: /node_modules/,
    use: {
      loader: "swc-loader",
      options: {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
          target: "es2022",
        },
      },
    },
  };
}

/**
 * @param {{ dir: string, name: string, exposes?: Record<string, string>, html?: { title: string },
 *           devPort: number, plugins?: string[] }} options
 *   `dir`: the package folder (import.meta.dirname of its webpack.config.js); `name`: the federation name
 *   (`shell` or `mfe_<name>`); `exposes` for remotes; `html` for the host's index.html.
 */
export function createMfConfig({ dir, name, exposes, html, devPort, plugins = [] }) {
  /** @type {(env: unknown, argv: { mode?: string }) => import("webpack").Configuration} */
  return (_env, argv) => {
    const production = argv.mode !== "development";
    return {
      mode: production ? "production" : "development",
      devtool: production ? "source-map" : "eval-cheap-module-source-map",
      context: dir,
      entry: path.join(dir, "src/index.ts"),
      output: {
        path: path.join(dir, "dist"),
        // "auto": each remote is served from a version folder whose URL only the registry knows.
        publicPath: "auto",
        // A hashed `filename` breaks the MF build; chunks are hashed so versions cache forever.
        filename: "[name].js",
        chunkFilename: "[name].[contenthash:8].js",
        uniqueName: name,
        clean: true,
      },
      resolve: {
        extensions: [".ts", ".tsx", ".js"],
        // Sources import siblings with `.ts` extensions (allowImportingTsExtensions).
        extensionAlias: { ".js": [".js", ".ts", ".tsx"] },
      },
      module: {
        rules: [swcRule(), { test: /\.css$/, use: ["style-loader", "css-loader"] }],
      },
      optimization: { minimize: production },
      performance: { hints: false },
      plugins: [
        new ModuleFederationPlugin({
          name,
          ...(exposes ? { filename: "remoteEntry.js", exposes } : {}),
          shared: sharedModules(dir),
          // "version-first" (the default) loads every registered remote's entry before sharing anything, so
          // one unreachable remote broke all the others in the browser; the host provides React anyway.
          shareStrategy: "loaded-first",
          manifest: true,
          runtimePlugins: plugins,
          // No MF type generation: types flow through workspace imports and `tsc --noEmit`, and dts
          // roughly doubles every remote's build time (8.6 s → 15.1 s measured here).
          dts: false,
        }),
        ...(html ? [new HtmlWebpackPlugin({ title: html.title, template: path.join(dir, "src/index.html"), publicPath: "/" })] : []),
      ],
      // `npm run dev` serves a remote in production mode: the running suite's shell provides production React,
      // and a development build would bundle React's development JSX runtime, which fails against it
      // ("dispatcher.getOwner is not a function").
      devServer: {
        port: devPort,
        headers: { "Access-Control-Allow-Origin": "*" },
        historyApiFallback: Boolean(html),
        hot: false,
      },
    };
  };
}
