/**
 * Splits a query string into JSON:API parameter families: `filter[a][b]=v`
 * becomes { family: "filter", path: ["a", "b"] }. A parameter given twice, a
 * malformed bracket name, or an unknown all-lowercase family is a 400.
 */
import { ApiError } from "../../http/errors";

export interface RawParam { readonly name: string; readonly family: string; readonly path: readonly string[]; readonly value: string }

const NAME = /^([A-Za-z_][\w-]*)((?:\[[^[\]]*\])*)$/;

export function badParameter(parameter: string, detail: string): ApiError {
  return new ApiError("INVALID_PARAMETER", detail, { parameter });
}

/** Families are the ones a route accepts; JSON:API reserves all-lowercase names, so those others are errors. */
export function parseParams(search: URLSearchParams, families: readonly string[], errors: ApiError[]): RawParam[] {
  const seen = new Set<string>();
  const params: RawParam[] = [];
  for (const [name, value] of search) {
    const match = NAME.exec(name);
    const family = match?.[1] ?? name;
    if (!families.includes(family)) {
      if (/^[a-z]+$/.test(family) || !match) errors.push(badParameter(name, `unknown query parameter ${name}`));
      continue;
    }
    if (!match) { errors.push(badParameter(name, `malformed parameter name ${name}`)); continue; }
    if (seen.has(name)) { errors.push(badParameter(name, `${name} is given more than once`)); continue; }
    seen.add(name);
    const path = match[2] ? match[2].slice(1, -1).split("][") : [];
    params.push({ name, family, path, value });
  }
  return params;
}
