/**
 * The JSON:API behavioural suite, written once and run for every resource of
 * every schema: `describeResourceSuite(fixture)` registers reads, filters,
 * sorting, both paginations, includes, sparse fields, relationship endpoints,
 * writes with optimistic locking, and each 4xx answer.
 */
import { afterAll, beforeAll, describe } from "bun:test";
import { get, type JsonApiApp, type ResourceObject } from "./jsonapi-client";
import type { ResourceFixture } from "./jsonapi-fixture";
import { describeErrors } from "./jsonapi-suite-errors";
import { describeFilters } from "./jsonapi-suite-filter";
import { describeIncludes } from "./jsonapi-suite-include";
import { describePaging } from "./jsonapi-suite-paging";
import { describeWrites } from "./jsonapi-suite-write";

/** Shared by the parts: the app and the whole collection as read before any write. */
export interface SuiteState { app: JsonApiApp; all: ResourceObject[] }

export function describeResourceSuite(fixture: ResourceFixture): void {
  describe(`JSON:API resource ${fixture.type}`, () => {
    const state = {} as SuiteState;
    let teardown: () => Promise<void> = async () => {};
    beforeAll(async () => {
      const built = await fixture.setup();
      state.app = built.app;
      teardown = built.teardown;
      const reply = await get(state.app, `/api/${fixture.type}?page[limit]=1000`);
      if (reply.status !== 200 || !Array.isArray(reply.body.data)) throw new Error(`cannot list ${fixture.type}: ${reply.status}`);
      if ((reply.body.meta?.count ?? 0) > 1000) throw new Error("the suite reads whole collections; pick a resource under 1000 rows");
      state.all = reply.body.data as ResourceObject[];
    });
    afterAll(() => teardown());
    describeFilters(fixture, state);
    describePaging(fixture, state);
    describeIncludes(fixture, state);
    describeErrors(fixture, state);
    describeWrites(fixture, state);
  });
}
