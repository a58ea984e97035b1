/**
 * Registers the role's micro-frontends with single-spa, each in its own slot inside <main>, and keeps a
 * broken one contained: its slot shows an alert and the shell retries until it loads, without a reload.
 */
import { addErrorHandler, getAppStatus, MOUNTED, NOT_MOUNTED, registerApplication, SKIP_BECAUSE_BROKEN, start, triggerAppChange, unregisterApplication, type AppError } from "single-spa";
import type { SessionUser } from "@sysops/mf-config/contract";
import { h } from "./dom.ts";
import { APPS, PORTALS, isUnder, type AppName } from "./portals.ts";
import { forgetRemote, loadApp, refreshRemotes } from "./remotes.ts";

const RETRY_MS = 3000;

interface Frame {
  alert: HTMLElement;
  slot: HTMLElement;
}

export function startApps(main: HTMLElement, user: SessionUser): void {
  const frames = new Map<AppName, Frame>();
  for (const { app } of PORTALS[user.role].nav) {
    const alert = h("div", { role: "alert", class: "app-alert", hidden: true });
    const slot = h("div", { class: "app-slot", id: `app-${app}` });
    main.append(h("section", { class: "app-frame", "data-app": app }, alert, slot));
    frames.set(app, { alert, slot });
  }

  let retryTimer: number | undefined;
  const failing = new Set<AppName>();
  const isActive = (app: AppName) => isUnder(window.location.pathname, APPS[app].route);

  const retry = async () => {
    retryTimer = undefined;
    for (const app of failing) forgetRemote(app);
    await refreshRemotes().catch(() => undefined);
    for (const app of failing) {
      // An app whose lifecycle threw is never retried by single-spa: register it afresh.
      if (getAppStatus(app) === SKIP_BECAUSE_BROKEN) {
        await unregisterApplication(app).catch(() => undefined);
        const frame = frames.get(app);
        if (frame) register(app, user, frame.slot);
      }
    }
    await triggerAppChange();
  };

  // After every reroute: clear recovered apps, show alerts for failing active ones, retry while any is shown.
  const update = () => {
    for (const app of [...failing]) {
      const status = getAppStatus(app);
      if (status === MOUNTED || status === NOT_MOUNTED) failing.delete(app);
    }
    let retrying = false;
    for (const [app, frame] of frames) {
      const show = failing.has(app) && isActive(app);
      frame.alert.hidden = !show;
      retrying ||= show;
    }
    if (retrying) retryTimer ??= window.setTimeout(() => void retry(), RETRY_MS);
  };

  addErrorHandler((error: AppError) => {
    const app = error.appOrParcelName as AppName;
    const frame = frames.get(app);
    if (!frame) return;
    console.error(`[shell] ${app} failed`, error);
    failing.add(app);
    frame.alert.textContent = `${APPS[app].displayName} is unavailable right now. Retrying…`;
    update();
  });
  window.addEventListener("single-spa:routing-event", update);

  // Register only once the registry is read: single-spa starts loading active apps on registration.
  void refreshRemotes()
    .catch(() => undefined)
    .finally(() => {
      for (const [app, frame] of frames) register(app, user, frame.slot);
      start({ urlRerouteOnly: true });
    });
}

function register(app: AppName, user: SessionUser, slot: HTMLElement): void {
  registerApplication({
    name: app,
    app: () => loadApp(app),
    activeWhen: (location) => isUnder(location.pathname, APPS[app].route),
    customProps: { user, domElement: slot },
  });
}
