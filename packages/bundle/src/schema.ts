/**
 * The rule bundle's JSON Schema document (draft 2020-12), written from the definition: each named
 * definition once under `$defs`, referred to by `$ref` wherever it is used. What `sla schema`
 * prints, what the engine validates a bundle against, and what the VS Code extension ships
 * (`schema/sla-rules.schema.json`, a test keeps it current).
 */
import { DEFINITION_NAME, DEFINITIONS } from "./builders.ts";
import { BUNDLE_SCHEMA_ID, RuleBundle } from "./definition.ts";

/** A JSON Schema document (draft 2020-12), as parsed JSON. */
export type JsonSchema = { [key: string]: unknown };

export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

// Keywords in the order a person reads them; the order of `properties` itself is never changed.
const KEYWORD_ORDER = [
  "$schema",
  "$id",
  "title",
  "description",
  "$ref",
  "type",
  "const",
  "enum",
  "pattern",
  "minimum",
  "items",
  "anyOf",
  "properties",
  "required",
  "additionalProperties",
  "$defs",
];

function rank(key: string): number {
  const index = KEYWORD_ORDER.indexOf(key);
  return index === -1 ? KEYWORD_ORDER.length : index;
}

type Node = { [key: string]: unknown; [DEFINITION_NAME]?: string };

/** Plain JSON of a TypeBox schema: named definitions become `$ref`s and are collected in `defs`. */
function toJson(node: Node, defs: Map<string, JsonSchema>, atDefinition = false): JsonSchema {
  const name = node[DEFINITION_NAME];
  if (name !== undefined && !atDefinition) {
    if (!defs.has(name)) {
      defs.set(name, {}); // reserved first, so a definition that refers to itself ends
      // from the definition as declared, not from a copy with a description of its own
      defs.set(name, toJson(DEFINITIONS.get(name) as Node, defs, true));
    }
    const own = defs.get(name)?.description;
    // a description given at this place (`described`) is kept beside the reference
    return node.description !== undefined && node.description !== own
      ? { description: node.description, $ref: `#/$defs/${name}` }
      : { $ref: `#/$defs/${name}` };
  }
  const out: JsonSchema = {};
  for (const key of Object.keys(node).sort((a, b) => rank(a) - rank(b))) {
    const value = node[key];
    // `properties` maps names to schemas, in the bundle's own order
    out[key] = key === "properties" ? propertiesToJson(value as Record<string, Node>, defs) : toValue(value, defs);
  }
  return out;
}

function toValue(value: unknown, defs: Map<string, JsonSchema>): unknown {
  if (Array.isArray(value)) return value.map((item) => toValue(item, defs));
  if (value !== null && typeof value === "object") return toJson(value as Node, defs);
  return value;
}

function propertiesToJson(properties: Record<string, Node>, defs: Map<string, JsonSchema>): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, schema] of Object.entries(properties)) out[key] = toJson(schema, defs);
  return out;
}

function writeDocument(): JsonSchema {
  const defs = new Map<string, JsonSchema>();
  const root = toJson(RuleBundle as unknown as Node, defs);
  // in the order the definition declares them
  const used = [...DEFINITIONS.keys()].filter((name) => defs.has(name));
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: BUNDLE_SCHEMA_ID,
    ...root,
    $defs: Object.fromEntries(used.map((name) => [name, defs.get(name)])),
  };
}

export const bundleSchema: JsonSchema = writeDocument();

/** The schema file's text: two-space indentation and a final line break. */
export function bundleSchemaText(): string {
  return `${JSON.stringify(bundleSchema, null, 2)}\n`;
}
