import * as bundlePackage from "@sla/bundle";
import { describe, expect, it } from "vitest";
import { BUNDLE_SCHEMA_ID, bundleSchema, compileBundle, type RuleBundle, serializeBundle } from "../src/index.ts";
import { checkFile, cleanConformanceFiles, errorsOf, exampleFiles, Ajv2020 } from "./helpers.ts";

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(bundleSchema);

function errors(bundle: unknown): string[] {
  return validate(bundle) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

type Json = { [key: string]: unknown };

/** Checks that every object of `value` has its keys in the order of the schema's `properties`. */
function keyOrderProblems(value: unknown, schema: Json, path: string, defs: Record<string, Json>): string[] {
  if (typeof schema.$ref === "string")
    return keyOrderProblems(value, defs[schema.$ref.replace("#/$defs/", "")], path, defs);
  const alternatives = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (alternatives) {
    const fitting = alternatives.filter((alt) => errorsAgainst(value, alt, defs));
    return fitting.length ? keyOrderProblems(value, fitting[0], path, defs) : [`${path}: fits no alternative`];
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) => keyOrderProblems(item, schema.items as Json, `${path}/${i}`, defs));
  if (value === null || typeof value !== "object") return [];
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const expected = Object.keys(properties).filter((k) => k in (value as object));
  const actual = Object.keys(value as object);
  const problems =
    actual.join(",") === expected.join(",")
      ? []
      : [`${path}: keys ${actual.join(",")}, schema order ${expected.join(",")}`];
  for (const key of actual) {
    if (properties[key])
      problems.push(...keyOrderProblems((value as Json)[key], properties[key], `${path}/${key}`, defs));
  }
  return problems;
}

function errorsAgainst(value: unknown, schema: Json, defs: Record<string, Json>): boolean {
  return ajv.validate({ ...schema, $defs: defs }, value) as boolean;
}

const sources = [...exampleFiles(), ...cleanConformanceFiles()];

describe("the JSON Schema", () => {
  it("is @sla/bundle's schema, with the bundle's $id, for draft 2020-12", () => {
    expect(bundleSchema).toBe(bundlePackage.bundleSchema);
    expect(bundleSchema.$id).toBe(BUNDLE_SCHEMA_ID);
    expect(bundleSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("is named by a URN, not an address an editor would try to download", () => {
    // VS Code fetched https://schemas.sla-lang.org/… (a host that does not exist) and warned "untrusted"
    expect(BUNDLE_SCHEMA_ID).toBe("urn:sla-rules:1");
    expect((bundleSchema.properties as Record<string, { const?: string }>).$schema.const).toBe(BUNDLE_SCHEMA_ID);
  });

  it("rejects a bundle with an unknown property, a bad decimal or another format", () => {
    const program = checkFile(sources[0].path);
    const bundle = compileBundle(program) as unknown as Json;
    expect(errors(bundle)).toEqual([]);
    expect(errors({ ...bundle, extra: 1 })).not.toEqual([]);
    expect(errors({ ...bundle, format: "sla-rules/2" })).not.toEqual([]);
    const services = structuredClone(bundle.services) as Json[];
    if (services.length) {
      (services[0] as { fee: Json | null }).fee = { amount: "1e3", currency: "GBP", period: "month" };
      expect(errors({ ...bundle, services })).not.toEqual([]);
    }
  });
});

describe("every example and clean conformance file compiles to a valid bundle", () => {
  it("has sources", () => {
    expect(sources.length).toBeGreaterThan(2);
  });
  for (const { name, path } of sources) {
    it(name, () => {
      const program = checkFile(path);
      expect(errorsOf(program)).toEqual([]);
      const bundle: RuleBundle = JSON.parse(serializeBundle(compileBundle(program)));
      expect(errors(bundle)).toEqual([]);
      const defs = bundleSchema.$defs as Record<string, Json>;
      expect(keyOrderProblems(bundle, bundleSchema, "", defs)).toEqual([]);
    });
  }
});
