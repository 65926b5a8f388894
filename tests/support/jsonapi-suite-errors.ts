/**
 * Suite part: every 4xx the API promises, each a JSON:API error document whose
 * source names the culprit (`parameter`, `pointer` or `header`), and a failed
 * write leaves nothing behind.
 */
import { describe, expect, test } from "bun:test";
import { call, firstError, get, path } from "./jsonapi-client";
import type { ResourceFixture } from "./jsonapi-fixture";
import type { SuiteState } from "./jsonapi-suite";

export function describeErrors(f: ResourceFixture, s: SuiteState): void {
  const base = `/api/${f.type}`;
  const badParameter = async (query: string, parameter: string) => {
    const reply = await get(s.app, `${base}?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.headers.get("content-type")).toContain("application/vnd.api+json");
    const error = firstError(reply);
    expect(error).toMatchObject({ status: "400", code: "INVALID_PARAMETER", source: { parameter } });
    expect(error.detail).toBeTruthy();
  };

  describe("4xx answers", () => {
    test("400 for bad query parameters, naming the parameter", async () => {
      await badParameter("filter[NoSuchAttribute]=1", "filter[NoSuchAttribute]");
      await badParameter(`filter[${f.text}][near]=x`, `filter[${f.text}][near]`);
      await badParameter(`filter[NoSuchRelationship.${f.text}]=x`, `filter[NoSuchRelationship.${f.text}]`);
      if (f.ordered) await badParameter(`filter[${f.ordered}][gt]=not-a-value`, `filter[${f.ordered}][gt]`);
      await badParameter(`filter[${f.nullable}][null]=maybe`, `filter[${f.nullable}][null]`);
      await badParameter("sort=-NoSuchAttribute", "sort");
      await badParameter("include=NoSuchRelationship", "include");
      await badParameter(`include=${f.include[0]!.path}.NoSuchRelationship`, "include");
      await badParameter("page[limit]=0", "page[limit]");
      await badParameter("page[limit]=1001", "page[limit]");
      await badParameter("page[offset]=-1", "page[offset]");
      await badParameter("page[after]=bm90LWEtY3Vyc29y", "page[after]");
      await badParameter("page[after]=&page[offset]=5", "page[after]");
      await badParameter(`fields[${f.type}]=NoSuchField`, `fields[${f.type}]`);
      await badParameter("fields[NoSuchType]=a", "fields[NoSuchType]");
      await badParameter("nonsense=1", "nonsense");
    });

    test("a keyset cursor only works with the sort it was issued for", async () => {
      const first = await get(s.app, `${base}?page[limit]=1&page[after]=`);
      const next = first.body.links?.next;
      expect(next).toBeTruthy();
      const cursor = new URL(next!, "http://x").searchParams.get("page[after]");
      await badParameter(`sort=-${f.text}&page[after]=${encodeURIComponent(cursor!)}`, "page[after]");
    });

    test("404 for a missing row on GET, PATCH and DELETE", async () => {
      expect(firstError(await get(s.app, path(f.type, f.missingId))).code).toBe("NOT_FOUND");
      const patch = await call(s.app, "PATCH", path(f.type, f.missingId), { data: { type: f.type, id: f.missingId, attributes: {} } });
      expect(patch.status).toBe(404);
      expect((await call(s.app, "DELETE", path(f.type, f.missingId))).status).toBe(404);
    });

    test("409 when data.type or data.id disagree with the endpoint", async () => {
      const post = await call(s.app, "POST", base, { data: { type: "NotThisType", attributes: {} } });
      expect(post.status).toBe(409);
      expect(firstError(post).source?.pointer).toBe("/data/type");
      const patch = await call(s.app, "PATCH", path(f.type, f.existingId), { data: { type: f.type, id: f.missingId, attributes: {} } });
      expect(patch.status).toBe(409);
      expect(firstError(patch).source?.pointer).toBe("/data/id");
    });

    test("415 for a non-JSON content type, 400 for malformed JSON or a document without data", async () => {
      const wrongType = await call(s.app, "POST", base, "name=x", { "content-type": "application/x-www-form-urlencoded" });
      expect(wrongType.status).toBe(415);
      expect(firstError(wrongType).code).toBe("UNSUPPORTED_MEDIA_TYPE");
      const broken = await call(s.app, "POST", base, "{\"data\": ");
      expect(broken.status).toBe(400);
      expect(firstError(broken).code).toBe("MALFORMED_JSON");
      const noData = await call(s.app, "POST", base, { meta: {} });
      expect(noData.status).toBe(400);
      expect(firstError(noData).source?.pointer).toBe("/data");
    });

    test("413 for a body over the limit", async () => {
      const huge = JSON.stringify({ data: { type: f.type, attributes: { [f.text]: "x".repeat(1_100_000) } } });
      const reply = await call(s.app, "POST", base, huge);
      expect(reply.status).toBe(413);
      expect(firstError(reply).code).toBe("PAYLOAD_TOO_LARGE");
    });

    test("422 with pointers for wrong types, unknown and missing attributes; nothing is written", async () => {
      const before = (await get(s.app, `${base}?page[limit]=1`)).body.meta?.count;
      const existing = (await get(s.app, path(f.type, f.existingId))).body;
      const valid = f.create(900);
      const wrong = await call(s.app, "POST", base, { data: { type: f.type, ...(valid.id ? { id: valid.id } : {}),
        attributes: { ...valid.attributes, [f.invalid.attribute]: f.invalid.value, NoSuchAttribute: 1 } } });
      expect(wrong.status).toBe(422);
      const pointers = wrong.body.errors!.map((e) => e.source?.pointer);
      expect(pointers).toContain(`/data/attributes/${f.invalid.attribute}`);
      expect(pointers).toContain("/data/attributes/NoSuchAttribute");
      const { [f.required]: _omitted, ...rest } = valid.attributes;
      const missing = await call(s.app, "POST", base, { data: { type: f.type, attributes: rest } });
      expect(missing.status).toBe(422);
      expect(missing.body.errors!.map((e) => e.source?.pointer)).toContain(`/data/attributes/${f.required}`);
      const patch = await call(s.app, "PATCH", path(f.type, f.existingId),
        { data: { type: f.type, id: f.existingId, attributes: { [f.invalid.attribute]: f.invalid.value } } });
      expect(patch.status).toBe(422);
      expect(firstError(patch).source?.pointer).toBe(`/data/attributes/${f.invalid.attribute}`);
      expect((await get(s.app, `${base}?page[limit]=1`)).body.meta?.count).toBe(before);
      expect((await get(s.app, path(f.type, f.existingId))).body).toEqual(existing);
    });
  });
}
