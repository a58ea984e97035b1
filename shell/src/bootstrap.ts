/** Shell start: session → login page or the role's portal (header + micro-frontends). */
import type { SessionUser } from "@sysops/mf-config/contract";
import "./styles.css";
import { startApps } from "./apps.ts";
import { h } from "./dom.ts";
import { renderHeader } from "./header.ts";
import { renderLoginPage } from "./login-page.ts";
import { PORTALS, resolveRoute } from "./portals.ts";
import { providedShared } from "./provide-shared.ts";
import { fetchSession } from "./session.ts";

const root = document.getElementById("shell") ?? document.body.appendChild(h("div", { id: "shell" }));

/** Keeps the role on routes it may use: anything else goes to its landing route. */
function enforceRoute(user: SessionUser): void {
  const target = resolveRoute(user.role, window.location.pathname);
  if (target !== window.location.pathname) window.history.replaceState(null, "", target);
}

function startPortal(user: SessionUser): void {
  enforceRoute(user);
  window.addEventListener("single-spa:before-routing-event", () => enforceRoute(user));
  document.title = `${PORTALS[user.role].title} · Sysops Squad`;
  const main = h("main", { class: "shell-main" });
  root.replaceChildren(renderHeader(user), main);
  startApps(main, user);
}

async function main(): Promise<void> {
  void providedShared;
  try {
    const user = await fetchSession();
    if (user) startPortal(user);
    else renderLoginPage(root, startPortal);
  } catch (error) {
    root.replaceChildren(
      h("main", { class: "login" }, h("h1", {}, "Sysops Squad"), h("p", { role: "alert" }, "The portal cannot reach its server right now. Reload the page in a moment.")),
    );
    console.error("[shell] session check failed", error);
  }
}

void main();
