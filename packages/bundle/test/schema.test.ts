import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Type } from "@sinclair/typebox";
import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { named } from "../src/builders.ts";
import {
  BUNDLE_FORMAT,
  BUNDLE_SCHEMA_ID,
  type BundleDuration,
  bundleSchema,
  bundleSchemaText,
  JSON_SCHEMA_DIALECT,
  type RuleBundle,
} from "../src/index.ts";

const schemaFile = join(dirname(fileURLToPath(import.meta.url)), "../schema/sla-rules.schema.json");
const update = process.env.UPDATE_SCHEMA === "1";

// ajv's CommonJS default export, however the bundler hands it over.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;

type Json = { [key: string]: unknown };
const defs = bundleSchema.$defs as Record<string, Json>;

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, out);
  else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") out.push(inner);
      else refsIn(inner, out);
    }
  }
  return out;
}

const empty: RuleBundle = {
  $schema: BUNDLE_SCHEMA_ID,
  format: BUNDLE_FORMAT,
  agreement: null,
  parties: [],
  calendars: [],
  services: [],
  metrics: [],
  objectives: [],
  remedies: [],
  incentives: [],
  reporting: [],
  clauses: [],
};

describe("the schema written from the definition", () => {
  it("is the checked-in file the VS Code extension ships", () => {
    if (update) writeFileSync(schemaFile, bundleSchemaText());
    expect(
      readFileSync(schemaFile, "utf8"),
      "schema/sla-rules.schema.json is out of date: UPDATE_SCHEMA=1 npx vitest run packages/bundle packages/engine/test/bundle-schema-validator.test.ts rewrites it and the engine's validator",
    ).toBe(bundleSchemaText());
  });

  it("is a draft 2020-12 document that ajv compiles in strict mode, named by the bundle's URN", () => {
    expect(bundleSchema.$schema).toBe(JSON_SCHEMA_DIALECT);
    expect(bundleSchema.$id).toBe("urn:sla-rules:1");
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    expect(ajv.validateSchema(bundleSchema)).toBe(true);
    expect(() => ajv.compile(bundleSchema)).not.toThrow();
  });

  it("writes each named definition once, refers to it by $ref, and leaves none unused", () => {
    const refs = refsIn(bundleSchema);
    const named = new Set(refs.map((ref) => ref.replace("#/$defs/", "")));
    expect(refs.every((ref) => ref.startsWith("#/$defs/"))).toBe(true);
    expect([...named].sort()).toEqual(Object.keys(defs).sort());
    // a shared shape is referenced, not copied: the decimal pattern appears in one place only
    expect(JSON.stringify(bundleSchema).split("^[0-9]+(\\\\.[0-9]+)?$").length - 1).toBe(1);
  });

  it("keeps a description given where a definition is used beside its $ref", () => {
    const duration = defs.BundleDuration.properties as Record<string, Json>;
    expect(duration.amount).toEqual({ description: "Exact decimal amount in `unit`.", $ref: "#/$defs/decimal" });
    expect(defs.decimal.description).toMatch(/^An exact non-negative decimal/);
    expect(duration.unit).toEqual({ $ref: "#/$defs/DurationUnit" });
  });

  it("lists properties in the order the types declare them, optional ones outside `required`", () => {
    expect(Object.keys(bundleSchema.properties as Json)).toEqual(Object.keys(empty));
    const duration: BundleDuration = { text: "1 minute", amount: "1", unit: "minute", seconds: "60" };
    expect(Object.keys(defs.BundleDuration.properties as Json)).toEqual(Object.keys(duration));
    expect(defs.BundleDuration.required).toEqual(["text", "amount", "unit"]);
  });

  it("accepts exactly the bundles the types describe: nulls where the types allow them, no extra keys", () => {
    const validate = new Ajv2020({ strict: false }).compile(bundleSchema);
    expect(validate(empty)).toBe(true);
    expect(validate({ ...empty, extra: 1 })).toBe(false);
    expect(validate({ ...empty, parties: null })).toBe(false);
    const party = {
      name: "acme",
      title: null,
      role: null,
      address: null,
      contact: null,
      source: { file: "a.sla", line: 1, column: 1 },
    };
    expect(validate({ ...empty, parties: [party] })).toBe(true);
    expect(validate({ ...empty, parties: [{ ...party, role: "supplier" }] })).toBe(false);
    expect(validate({ ...empty, parties: [{ ...party, source: { ...party.source, line: 0 } }] })).toBe(false);
  });
});

describe("named definitions", () => {
  it("refuses a name used twice, which would make one $ref mean two shapes", () => {
    expect(() => named("decimal", Type.String())).toThrow(/names 'decimal' twice/);
  });
});
