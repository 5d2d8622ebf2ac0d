import schema from "../schema/sla-rules.schema.json" with { type: "json" };

/** A JSON Schema document (draft 2020-12), as parsed JSON. */
export type JsonSchema = { [key: string]: unknown };

/**
 * The JSON Schema (draft 2020-12) of the rule bundle, `$id` BUNDLE_SCHEMA_ID: what `sla schema`
 * prints. A test keeps it in step with bundle-types.ts.
 */
export const bundleSchema: JsonSchema = schema;
