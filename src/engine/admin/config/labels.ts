/**
 * Default labels from schema names: `CompanyName` → "Company Name",
 * `OrderDetail` → "Order Details", `Orders` → "Order" (one), `OrderListByCloneFromOrder` →
 * "Orders by Clone From Order".
 */
export function humanize(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/_+/g, " ")
    .trim();
}

export function plural(label: string): string {
  if (/s$/i.test(label)) return label;
  if (/[^aeiou]y$/i.test(label)) return `${label.slice(0, -1)}ies`;
  if (/(x|ch|sh)$/i.test(label)) return `${label}es`;
  return `${label}s`;
}

/** One record's label, for types named in the plural (Shipping's `Orders`, `Items`). */
export function singular(label: string): string {
  if (/[^aeiou]ies$/i.test(label)) return `${label.slice(0, -3)}y`;
  if (/(ss|us|is)$/i.test(label) || !/s$/i.test(label)) return label;
  return label.slice(0, -1);
}

/** A to-many relationship's label from its name and the child's plural label. */
export function tabLabel(relationship: string, child: string, childPlural: string): string {
  if (relationship === `${child}List`) return childPlural;
  const role = relationship.startsWith(`${child}ListBy`) ? relationship.slice(`${child}ListBy`.length) : undefined;
  return role ? `${childPlural} by ${humanize(role)}` : humanize(relationship);
}
