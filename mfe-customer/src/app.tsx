/** The one exposed module: single-spa lifecycles for the shell. */
import * as React from "react";
import * as ReactDOMClient from "react-dom/client";
import singleSpaReact from "single-spa-react";
import type { MfeProps } from "@sysops/mf-config/contract";
import { ErrorFallback } from "./error-fallback.tsx";
import { Root } from "./root.tsx";

const lifecycles = singleSpaReact<MfeProps>({
  React,
  ReactDOMClient,
  rootComponent: Root,
  errorBoundary: (error) => <ErrorFallback error={error} />,
  // Never document.body: the shell gives each app its own slot inside <main>.
  domElementGetter: (props) => props.domElement,
});

export const { bootstrap, mount, unmount } = lifecycles;
