/** The sign-in form shown when there is no session. */
import type { SessionUser } from "@sysops/mf-config/contract";
import { h } from "./dom.ts";
import { login } from "./session.ts";

function field(id: string, label: string, type: string, autocomplete: string) {
  const input = h("input", { id, name: id, type, autocomplete, required: true, "aria-describedby": `${id}-error` });
  const error = h("p", { id: `${id}-error`, class: "field-error" });
  return { input, error, nodes: [h("label", { for: id }, label), input, error] };
}

export function renderLoginPage(root: HTMLElement, onSignedIn: (user: SessionUser) => void): void {
  const email = field("email", "Email", "email", "username");
  const password = field("password", "Password", "password", "current-password");
  const alert = h("div", { role: "alert", class: "form-alert" });
  const button = h("button", { type: "submit" }, "Sign in");
  const form = h("form", { class: "stacked-form", novalidate: true }, ...email.nodes, ...password.nodes, alert, button);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    button.disabled = true;
    alert.textContent = "";
    email.error.textContent = "";
    password.error.textContent = "";
    login(email.input.value.trim(), password.input.value)
      .then((result) => {
        if (result.ok) return onSignedIn(result.user);
        alert.textContent = result.message;
        email.error.textContent = result.fieldErrors.email ?? "";
        password.error.textContent = result.fieldErrors.password ?? "";
        email.input.setAttribute("aria-invalid", String(Boolean(result.fieldErrors.email)));
        password.input.setAttribute("aria-invalid", String(Boolean(result.fieldErrors.password)));
      })
      .catch(() => {
        alert.textContent = "Cannot reach the sign-in service. Check your connection and try again.";
      })
      .finally(() => {
        button.disabled = false;
      });
  });

  document.title = "Sign in · Sysops Squad";
  root.replaceChildren(
    h("main", { class: "login" }, h("h1", {}, "Sysops Squad"), h("h2", {}, "Sign in"), form),
  );
  email.input.focus();
}
