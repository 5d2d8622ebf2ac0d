// The rule bundle's types are defined in @sla/bundle (with its JSON Schema, from one definition);
// the renderer's modules import them from here.
export type * from "@sla/bundle";
export { BUNDLE_FORMAT, BUNDLE_SCHEMA_ID } from "@sla/bundle";
