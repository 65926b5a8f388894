/** The mapping engine's public surface: declare a mapping, validate, write and read documents. */
export { defineMapping, field, lookup, children, type Mapping } from "./mapping";
export { documentSchema, type DocumentSchemaOptions, type NumberBounds } from "./document-schema";
export { insertDocument, type InsertedRow } from "./document-to-rows";
export { documentExpression, documentQuery, documentSelect } from "./document-sql";
