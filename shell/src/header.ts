/** The signed-in header: portal title, role-aware navigation, the user's name and "Sign out". */
import { navigateToUrl } from "single-spa";
import type { SessionUser } from "@sysops/mf-config/contract";
import { h } from "./dom.ts";
import { APPS, PORTALS, isUnder } from "./portals.ts";
import { logout } from "./session.ts";

export function renderHeader(user: SessionUser): HTMLElement {
  const portal = PORTALS[user.role];
  const links = portal.nav.map(({ app, label }) => {
    const a = h("a", { href: APPS[app].route }, label);
    a.addEventListener("click", (event) => {
      // Let the browser handle "open in new tab" and friends; plain clicks stay in the page.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigateToUrl(a.href);
    });
    return a;
  });
  const markCurrent = () => {
    for (const a of links) {
      if (isUnder(window.location.pathname, a.getAttribute("href") ?? "")) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
  };
  window.addEventListener("single-spa:routing-event", markCurrent);
  markCurrent();

  const signOut = h("button", { type: "button", class: "sign-out" }, "Sign out");
  signOut.addEventListener("click", () => {
    signOut.disabled = true;
    // A full reload drops every app's state and cache along with the session.
    void logout().finally(() => window.location.assign("/"));
  });

  return h(
    "header",
    { class: "shell-header" },
    h("h1", {}, portal.title),
    h("nav", { "aria-label": "Main" }, h("ul", {}, ...links.map((a) => h("li", {}, a)))),
    h("div", { class: "user" }, h("span", { class: "user-name" }, user.name), signOut),
  );
}
