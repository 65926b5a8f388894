/**
 * Employees' personal columns (salary, birth date, home address, …) are not
 * readable by customers or partners through any path: lists, single reads,
 * includes, sparse fieldsets, filters, sorts, relationship endpoints, the
 * permission listing, and a psql session under the role. Staff still read them.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Permissions } from "../../src/engine/security/permissions";
import { get, many, one, type ResourceObject } from "../support/jsonapi-client";
import { authAs, createTestApp, type TestApp } from "../support/test-app";

const PERSONAL = ["BirthDate", "HireDate", "Address", "City", "Region", "PostalCode", "Country", "HomePhone", "Notes",
  "PhotoPath", "EmployeeType", "Salary", "Dues", "WorksForDepartmentId", "OnLoanDepartmentId", "UnionId"];
const PUBLIC = ["LastName", "FirstName", "Title", "TitleOfCourtesy", "Extension", "Email", "ReportsTo"];

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.database.drop(); });

const employees = (list: readonly ResourceObject[]) => list.filter((r) => r.type === "Employee");

function expectNoPersonal(objects: readonly ResourceObject[]): void {
  expect(objects.length).toBeGreaterThan(0);
  for (const e of objects) {
    for (const name of PERSONAL) expect(e.attributes).not.toHaveProperty(name);
    expect(e.attributes.LastName).toBeString();
  }
}

for (const user of ["ALFKI", "partner"]) {
  describe(`${user} reading employees`, () => {
    let h: Record<string, string>;
    beforeAll(async () => { h = await authAs(t, user); });

    test("collection and single read: public columns only, no 403", async () => {
      const list = await get(t.app, "/api/Employee?page[limit]=100", h);
      expect(list.status).toBe(200);
      expectNoPersonal(many(list));
      expect(list.body.meta?.count).toBe(11);
      const single = await get(t.app, "/api/Employee/5", h);
      expect(single.status).toBe(200);
      expectNoPersonal([one(single)]);
      expect(Object.keys(one(single).attributes).sort()).toEqual(["Id", ...PUBLIC].sort());
      expect(single.headers.get("etag")).toBeTruthy();
    });

    test("include=Employee from an order, and the order's Employee relationship endpoints", async () => {
      const [order] = await t.database.sql`select id from "order" where customer_id = 'ALFKI' order by id limit 1`;
      const included = await get(t.app, `/api/Order/${order!.id}?include=Employee,Employee.ReportsToRef`, h);
      expect(included.status).toBe(200);
      expectNoPersonal(employees(included.body.included ?? []));
      const related = await get(t.app, `/api/Order/${order!.id}/Employee`, h);
      expect(related.status).toBe(200);
      expectNoPersonal([one(related)]);
      const reports = await get(t.app, "/api/Employee/2/EmployeeListByReportsTo", h);
      expect(reports.status).toBe(200);
      expectNoPersonal(many(reports));
      const linkage = await get(t.app, `/api/Order/${order!.id}/relationships/Employee`, h);
      expect(linkage.status).toBe(200);
      // Relationships through personal columns (the employee's departments, union) are not the role's to follow.
      const department = await get(t.app, "/api/Employee/5?include=WorksForDepartment", h);
      expect(department.status).toBe(400);
      expect(department.body.errors?.[0]?.source?.parameter).toBe("include");
      expect((await get(t.app, "/api/Employee/5/WorksForDepartment", h)).status).toBe(403);
    });

    test("a sparse fieldset naming a personal column is a 400 naming the parameter", async () => {
      const res = await get(t.app, "/api/Employee?fields[Employee]=LastName,Salary", h);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.source?.parameter).toBe("fields[Employee]");
      expect(JSON.stringify(res.body)).not.toMatch(/[0-9]{4,}\.[0-9]{2}/); // no salary figure anywhere
    });

    test("filtering or sorting on a personal column is a 400 naming the parameter (nothing leaks by filtering)", async () => {
      for (const path of ["/api/Employee?filter[Salary][gt]=0", "/api/Employee?filter[BirthDate][lt]=1960-01-01",
        "/api/Order?filter[Employee.Salary][gt]=0", "/api/Employee?filter[or][0][City]=London&filter[or][1][LastName]=King"]) {
        const res = await get(t.app, path, h);
        expect(res.status).toBe(400);
        expect(res.body.errors?.[0]?.source?.parameter).toStartWith("filter[");
      }
      const sorted = await get(t.app, "/api/Employee?sort=-Salary", h);
      expect(sorted.status).toBe(400);
      expect(sorted.body.errors?.[0]?.source?.parameter).toBe("sort");
    });

    test("/api/auth/me lists only the readable attributes, so the admin app hides the rest", async () => {
      const me = await (await t.app.request("/api/auth/me", { headers: h })).json() as { permissions: Permissions };
      expect(me.permissions.Employee?.select).toBe(true);
      expect(me.permissions.Employee?.readableAttributes?.sort()).toEqual(["Id", ...PUBLIC].sort());
    });
  });
}

describe("staff still read everything", () => {
  for (const user of ["admin", "s1"]) {
    test(`${user}: Salary, BirthDate and the home address, and may filter and sort on them`, async () => {
      const h = await authAs(t, user);
      const res = await get(t.app, "/api/Employee/5", h);
      expect(one(res).attributes).toMatchObject({ LastName: "Buchanan" });
      for (const name of PERSONAL) expect(one(res).attributes).toHaveProperty(name);
      expect(one(res).attributes.BirthDate).toBeString();
      const sorted = await get(t.app, "/api/Employee?sort=-Salary&filter[Salary][gt]=0&fields[Employee]=Salary", h);
      expect(sorted.status).toBe(200);
      const me = await (await t.app.request("/api/auth/me", { headers: h })).json() as { permissions: Permissions };
      expect(me.permissions.Employee?.readableAttributes).toBeUndefined();
    });
  }
});

describe("psql under the role", () => {
  const attempt = (role: string, query: string) => t.database.sql.begin(async (tx) => {
    await tx.unsafe(`set local role ${role}`);
    return tx.unsafe(query);
  }).then((rows) => rows, (e: { code: string }) => e.code);

  for (const role of ["nw_customer", "nw_partner"]) {
    test(`${role} cannot select, filter or sort on personal columns, but reads the public ones`, async () => {
      for (const q of ["select salary from employee", "select * from employee", "select birth_date, address from employee",
        "select id from employee where salary > 0", "select id from employee order by birth_date"]) {
        expect(await attempt(role, q)).toBe("42501");
      }
      const rows = await attempt(role, `select id, last_name, first_name, title, title_of_courtesy, extension, email, reports_to
        from employee where id = 5`);
      expect(rows).toEqual([expect.objectContaining({ last_name: "Buchanan", first_name: "Steven" })] as never);
    });
  }

  test("nw_sales and nw_admin still can", async () => {
    for (const role of ["nw_sales", "nw_admin"]) {
      const rows = await attempt(role, "select salary, birth_date, address from employee where id = 5");
      expect(Array.isArray(rows) && rows.length).toBe(1);
    }
  });
});
