/**
 * The react-admin application for one service: a <Resource> per configured
 * resource (list, show, edit, create), a menu of the resources not hidden, the
 * API's login, and each record named by its user key wherever it is referenced.
 */
import { Admin, Layout, Menu, Resource, type AuthProvider, type DataProvider, type LayoutProps } from "react-admin";
import type { AdminModel } from "../../model/admin-model";
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
            list={<ListPage resource={r} />} show={<ShowPage resource={r} />}
            edit={<EditPage resource={r} />} create={<CreatePage resource={r} />} />
        ))}
      </Admin>
    </ModelProvider>
  );
}
