/**
 * A record's page: its fields (help text under derived ones) on the first tab,
 * then one tab per child list from the config.
 */
import { DeleteButton, EditButton, Show, TabbedShowLayout, TopToolbar } from "react-admin";
import type { AdminResource } from "../../model/admin-model";
import { ChildTab } from "./child-tab";
import { ShowFields } from "./fields";
import { RecordTitle } from "./record-title";

export function ShowPage({ resource }: { resource: AdminResource }) {
  const actions = <TopToolbar><EditButton /><DeleteButton mutationMode="pessimistic" /></TopToolbar>;
  return (
    <Show resource={resource.type} title={<RecordTitle resource={resource} />} actions={actions}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label={resource.singular}>
          <ShowFields resource={resource} label={false} />
        </TabbedShowLayout.Tab>
        {resource.tabs.map((tab) => (
          <TabbedShowLayout.Tab key={tab.relationship} label={tab.label} path={tab.relationship}>
            <ChildTab parent={resource} tab={tab} label={false} />
          </TabbedShowLayout.Tab>
        ))}
      </TabbedShowLayout>
    </Show>
  );
}
