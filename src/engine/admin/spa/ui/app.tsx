/**
 * The react-admin application for one service: a <Resource> per configured
 * resource (list, show, edit, create), a menu of the resources not hidden, the
 * API's login, and each record named by its user key wherever it is referenced.
 */
import type { ComponentType } from "react";
import { Admin, Layout, Menu, Resource, type AuthProvider, type DataProvider, type LayoutProps } from "react-admin";
import type { AdminModel, AdminResource } from "../../model/admin-model";
import { useReadableResource } from "./access";
import { CreatePage, EditPage } from "./form-pages";
import { i18nProvider } from "./i18n";
import { ListPage } from "./list-page";
import { ModelProvider, represent, useAdminModel } from "./model-context";
import { ShowPage } from "./show-page";

function AppMenu() {
  const model = useAdminModel();
  return (
    <Menu>
      {model.resources.filter((r) => r.menu).map((r) => <Menu.ResourceItem key={r.type} name={r.type} />)}
    </Menu>
  );
}

/** A page given the resource as the user's role sees it (only the attributes it may read). */
function ForRole({ resource, page: Page }: { resource: AdminResource; page: ComponentType<{ resource: AdminResource }> }) {
  const visible = useReadableResource(resource);
  if (visible.isPending) return null;
  return <Page resource={visible.resource} />;
}

const AppLayout = ({ children }: LayoutProps) => <Layout menu={AppMenu}>{children}</Layout>;

export function AdminApp(props: { model: AdminModel; dataProvider: DataProvider; authProvider?: AuthProvider }) {
  const { model } = props;
  return (
    <ModelProvider model={model}>
      <Admin title={model.title} dataProvider={props.dataProvider} authProvider={props.authProvider} layout={AppLayout}
        i18nProvider={i18nProvider}
        disableTelemetry>
        {model.resources.map((r) => (
          <Resource key={r.type} name={r.type} options={{ label: r.label }}
            recordRepresentation={(record) => represent(r, record)}
            list={<ForRole resource={r} page={ListPage} />} show={<ForRole resource={r} page={ShowPage} />}
            edit={<ForRole resource={r} page={EditPage} />} create={<ForRole resource={r} page={CreatePage} />} />
        ))}
      </Admin>
    </ModelProvider>
  );
}
