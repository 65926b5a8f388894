/**
 * permissionsFor over Northwind's real grants and API registry: a customer reads
 * reference data, edits only its contact fields and never sees Departments; admin
 * may do everything; no role may do nothing; every resource is always listed.
 */
import { describe, expect, test } from "bun:test";
import { permissionsFor } from "../../src/engine/security/permissions";
import { northwindResources } from "../../src/northwind/api";
import { northwindGrants } from "../../src/northwind/grants";

const NONE = { select: false, insert: false, update: false, delete: false };
const ALL = { select: true, insert: true, update: true, delete: true };
const types = northwindResources.resources.map((r) => r.type).sort();

describe("permissionsFor (Northwind grants)", () => {
  test("customer: its Customer select+update on contact columns only, orders in full, no Department", () => {
    const p = permissionsFor(northwindGrants, northwindResources, "customer");
    expect(Object.keys(p).sort()).toEqual(types);
    expect(p.Customer).toEqual({ select: true, insert: false, update: true, delete: false, updatableAttributes: [
      "CompanyName", "ContactName", "ContactTitle", "Address", "City", "Region", "PostalCode", "Country", "Phone", "Fax"] });
    expect(p.Customer!.updatableAttributes).not.toContain("CreditLimit");
    expect(p.Order).toMatchObject(ALL);
    expect(p.Order!.readableAttributes).toBeUndefined();
    expect(p.Order!.insertableAttributes).toEqual(p.Order!.updatableAttributes!);
    expect(p.Order!.updatableAttributes).toContain("ShipAddress");
    for (const column of ["ShippedDate", "ShipVia", "Freight", "AmountTotal", "OrderDetailCount", "Id"]) {
      expect(p.Order!.updatableAttributes).not.toContain(column);
    }
    expect(p.OrderDetail).toEqual({ ...ALL, insertableAttributes: ["OrderId", "ProductId", "Quantity"],
      updatableAttributes: ["OrderId", "ProductId", "Quantity"] });
    expect(p.Employee).toEqual({ ...NONE, select: true, readableAttributes: ["Id", "LastName", "FirstName", "Title",
      "TitleOfCourtesy", "Extension", "ReportsTo", "Email"] });
    expect(p.Product).toEqual({ ...NONE, select: true });
    for (const type of ["Department", "EmployeeAudit", "Union", "CustomerDemographic", "SampleDbVersion", "EmployeeTerritory"]) {
      expect(p[type]).toEqual(NONE);
    }
  });

  test("admin may do everything with every resource, with no column limits", () => {
    const p = permissionsFor(northwindGrants, northwindResources, "admin");
    for (const type of types) expect(p[type]).toEqual(ALL);
  });

  test("partner reads and inserts orders but updates nothing; no role may do nothing", () => {
    const partner = permissionsFor(northwindGrants, northwindResources, "partner");
    expect(partner.Order).toMatchObject({ ...NONE, select: true, insert: true });
    expect(partner.Order!.insertableAttributes).not.toContain("ShippedDate");
    expect(partner.OrderDetail!.insertableAttributes).toEqual(["OrderId", "ProductId", "Quantity"]);
    expect(partner.Employee!.readableAttributes).not.toContain("Salary");
    expect(partner.Customer).toEqual({ ...NONE, select: true });
    const nobody = permissionsFor(northwindGrants, northwindResources, null);
    for (const type of types) expect(nobody[type]).toEqual(NONE);
  });
});
