/**
 * The admin SPA's entry: fetch the service's admin model from
 * /admin/config.json, wire the JSON:API data provider and the login, render.
 */
import { createRoot } from "react-dom/client";
import type { AdminModel } from "../model/admin-model";
import { authorizedFetch, createAuthProvider, storageTokenStore } from "./data/auth-provider";
import { createJsonApiDataProvider } from "./data/data-provider";
import { AdminApp } from "./ui/app";

async function start(root: HTMLElement): Promise<void> {
  const response = await fetch("/admin/config.json");
  if (!response.ok) throw new Error(`admin config: HTTP ${response.status}`);
  const model = (await response.json()) as AdminModel;
  document.title = model.title;
  const tokens = storageTokenStore(window.localStorage);
  const send = (input: string, init?: RequestInit) => fetch(input, init);
  const authProvider = model.loginPath ? createAuthProvider({ loginPath: model.loginPath,
    permissionsPath: model.permissionsPath, fetch: send, tokens }) : undefined;
  const dataProvider = createJsonApiDataProvider({ model, fetch: authorizedFetch(send, tokens), access: authProvider?.access });
  createRoot(root).render(<AdminApp model={model} dataProvider={dataProvider} authProvider={authProvider} />);
}

const root = document.getElementById("root")!;
start(root).catch((e: unknown) => {
  root.textContent = `The admin app could not start: ${e instanceof Error ? e.message : String(e)}`;
});
