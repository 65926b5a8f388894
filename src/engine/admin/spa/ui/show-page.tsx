/**
 * A record's page: its fields (help text under derived ones) on the first tab,
 * then one tab per child list from the config that the user may read. Edit and
 * Delete check the user's access themselves (react-admin's canAccess).
 */
import { AccessDenied, DeleteButton, EditButton, Show, TabbedShowLayout, TopToolbar } from "react-admin";
import type { AdminResource } from "../../model/admin-model";
import { useReadable } from "./access";
import { ChildTab } from "./child-tab";
import { ShowFields } from "./fields";
import { RecordTitle } from "./record-title";

export function ShowPage({ resource }: { resource: AdminResource }) {
  const readable = useReadable();
  const tabs = resource.tabs.filter((tab) => readable.allowed(tab.resource));
  if (readable.isPending) return null;
  if (!readable.allowed(resource.type)) return <AccessDenied />;
  const actions = <TopToolbar><EditButton /><DeleteButton mutationMode="pessimistic" /></TopToolbar>;
  return (
    <Show resource={resource.type} title={<RecordTitle resource={resource} />} actions={actions}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label={resource.singular}>
          <ShowFields resource={resource} label={false} />
        </TabbedShowLayout.Tab>
        {tabs.map((tab) => (
          <TabbedShowLayout.Tab key={tab.relationship} label={tab.label} path={tab.relationship}>
            <ChildTab parent={resource} tab={tab} label={false} />
          </TabbedShowLayout.Tab>
        ))}
      </TabbedShowLayout>
    </Show>
  );
}
