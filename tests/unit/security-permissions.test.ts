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
    expect(p.Order).toEqual(ALL);
    expect(p.OrderDetail).toEqual(ALL);
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
    expect(partner.Order).toEqual({ ...NONE, select: true, insert: true });
    expect(partner.Customer).toEqual({ ...NONE, select: true });
    const nobody = permissionsFor(northwindGrants, northwindResources, null);
    for (const type of types) expect(nobody[type]).toEqual(NONE);
  });
});
