/**
 * The JSON:API documents the SPA reads, typed just enough for the data
 * provider: resource objects with meta.checksum (the row version), collection
 * meta.count, included resources, and error objects with detail and source.
 */
export interface JsonApiResource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  meta?: { checksum?: string };
}

export interface JsonApiErrorObject {
  status?: string;
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string; header?: string };
}

export interface JsonApiDocument {
  data?: JsonApiResource | JsonApiResource[] | null;
  included?: JsonApiResource[];
  meta?: { count?: number };
  errors?: JsonApiErrorObject[];
}

export const JSON_API = "application/vnd.api+json";

/** fetch as the browser has it; tests pass the in-process app's request function. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
