/**
 * The bundle fields marked `fromProperty` are the compiler's mapping of plain properties
 * (ARCHITECTURE.md, "Adding a property"). These tests hold the three tables together — the
 * language's definition, the bundle's definition and the compiler's list of what it writes by
 * hand — so that a mapping to a property the language lacks, a value that does not fit its field,
 * or a property that reaches the bundle neither way fails here instead of being dropped.
 */
import { fromProperty, type ObjectSchema, propertyFields } from "@sla/bundle";
import {
  type Declaration,
  DECLARATIONS,
  type DeclarationKind,
  PLAIN_VALUES,
  PROPERTIES,
  PROPERTY_DOCS,
  parse,
} from "@sla/language";
import { Type } from "@sinclair/typebox";
import { describe, expect, it } from "vitest";
import { COMPILED_BY_HAND, duration } from "../src/compile.ts";
import { BUNDLE_OBJECTS, type PlainHelpers, plainValue } from "../src/from-properties.ts";
import { bundleSchema } from "../src/index.ts";
import { Ajv2020 } from "./helpers.ts";

/** The property kinds (AST) a declaration kind's body holds, as the language defines it. */
function held(kind: DeclarationKind): string[] {
  const rules = DECLARATIONS.find((d) => d.kind === kind)?.properties as readonly string[];
  return PROPERTIES.filter((p) => rules.includes(p.rule)).flatMap((p) => Object.keys(p.kinds));
}

type Tables = {
  objects: Readonly<Record<DeclarationKind, ObjectSchema>>;
  byHand: Readonly<Record<DeclarationKind, readonly string[]>>;
};

/** What is wrong with the mapping tables, in words; empty when they agree with the language. */
function mappingProblems({ objects, byHand }: Tables): string[] {
  const problems: string[] = [];
  for (const [kind, schema] of Object.entries(objects) as [DeclarationKind, ObjectSchema][]) {
    const holds = held(kind);
    const mapped = propertyFields(schema).map((f) => f.property);
    for (const f of propertyFields(schema)) {
      if (!(f.property in PROPERTY_DOCS))
        problems.push(`${kind}.${f.field}: the language has no property '${f.property}'`);
      else if (!holds.includes(f.property))
        problems.push(`${kind}.${f.field}: a ${kind} does not hold '${f.property}'`);
      else if (!(f.property in PLAIN_VALUES))
        problems.push(`${kind}.${f.field}: '${f.property}' is not a plain property`);
    }
    for (const property of holds) {
      const hand = byHand[kind].includes(property);
      if (!hand && !mapped.includes(property))
        problems.push(`${kind}: '${property}' reaches the bundle neither through a field nor by hand`);
      if (hand && mapped.includes(property)) problems.push(`${kind}: '${property}' is both mapped and written by hand`);
    }
    for (const property of byHand[kind])
      if (!holds.includes(property))
        problems.push(`${kind}: '${property}' is written by hand but a ${kind} does not hold it`);
  }
  return problems;
}

// The references resolve to themselves here: the example declares nothing they could name.
const helpers: PlainHelpers = { ref: (identifier) => identifier.text, duration: (literal) => duration(literal) };

/** The property's own example (its hover text's first form), parsed in a declaration of the kind. */
function exampleDeclaration(kind: DeclarationKind, property: string): Declaration {
  const example = PROPERTY_DOCS[property].syntax.split(" | ")[0];
  const parsed = parse(`${kind} Example "Example" {\n  ${example}\n}\n`);
  expect(
    parsed.diagnostics.map((d) => d.message),
    `the example of '${property}' parses`,
  ).toEqual([]);
  return parsed.file.items[0] as Declaration;
}

/**
 * Which value of a field's schema does not fit, converted from each property's own example. The
 * field's schema as JSON (named definitions written in place) is what the bundle's schema says.
 */
function valueProblems(objects: Tables["objects"]): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  const problems: string[] = [];
  for (const [kind, schema] of Object.entries(objects) as [DeclarationKind, ObjectSchema][]) {
    for (const f of propertyFields(schema)) {
      const validate = ajv.compile(JSON.parse(JSON.stringify(f.schema)));
      const given = plainValue(exampleDeclaration(kind, f.property), f.property, helpers);
      if (given === undefined || given === false) problems.push(`${kind}.${f.field}: the example gives no value`);
      else if (!validate(given)) problems.push(`${kind}.${f.field}: ${JSON.stringify(given)} does not fit the field`);
      // absent, a field the compiler writes is null (or false for a property without a value)
      const absent = plainValue(parse(`${kind} Example {}`).file.items[0] as Declaration, f.property, helpers);
      if (!f.optional && !validate(absent ?? null))
        problems.push(`${kind}.${f.field}: ${JSON.stringify(absent ?? null)} when absent does not fit the field`);
    }
  }
  return problems;
}

const real: Tables = { objects: BUNDLE_OBJECTS, byHand: COMPILED_BY_HAND };

describe("the bundle fields read from properties", () => {
  it("name plain properties their declaration holds, and every property reaches the bundle one way", () => {
    expect(mappingProblems(real)).toEqual([]);
  });

  it("hold, converted from each property's own example, a value their schema accepts", () => {
    expect(valueProblems(real.objects)).toEqual([]);
  });

  it("map claim, notice, sole remedy, for and exercise within on a remedy", () => {
    const fields = propertyFields(BUNDLE_OBJECTS.remedy).map((f) => `${f.field}←${f.property}`);
    expect(fields).toEqual([
      "objective←for",
      "claimWithin←claim",
      "soleRemedy←sole remedy",
      "notice←notice",
      "exerciseWithin←exercise",
    ]);
  });

  it("leave the JSON Schema unmarked", () => {
    expect(JSON.stringify(bundleSchema)).not.toMatch(/fromProperty|sla\.bundle/);
  });
});

describe("the tests above fail", () => {
  const remedy = BUNDLE_OBJECTS.remedy as ObjectSchema;
  const withField = (field: string, schema: ObjectSchema["properties"][string]): Tables["objects"] => ({
    ...BUNDLE_OBJECTS,
    remedy: { ...remedy, properties: { ...remedy.properties, [field]: schema } } as ObjectSchema,
  });

  it("for a field read from a property the language lacks", () => {
    const objects = withField("cureWithin", fromProperty("cure", Type.Optional(Type.String())));
    expect(mappingProblems({ ...real, objects })).toEqual(["remedy.cureWithin: the language has no property 'cure'"]);
  });

  it("for a field read from a property its declaration does not hold", () => {
    const objects = withField("address", fromProperty("address", Type.Optional(Type.String())));
    expect(mappingProblems({ ...real, objects })).toEqual(["remedy.address: a remedy does not hold 'address'"]);
  });

  it("for a field read from a property that is not plain", () => {
    const objects = withField("cap", fromProperty("cap", Type.Optional(Type.String())));
    expect(mappingProblems({ ...real, objects })).toContain("remedy.cap: 'cap' is not a plain property");
  });

  it("for a property a declaration holds that reaches the bundle neither way", () => {
    const byHand = { ...COMPILED_BY_HAND, remedy: COMPILED_BY_HAND.remedy.filter((p) => p !== "terminate") };
    expect(mappingProblems({ ...real, byHand })).toEqual([
      "remedy: 'terminate' reaches the bundle neither through a field nor by hand",
    ]);
  });

  it("for a value kind that does not convert to the field's schema", () => {
    // `claim within 30 days` is a duration, not a number of days
    const objects = withField("claimWithin", fromProperty("claim", Type.Union([Type.Integer(), Type.Null()])));
    expect(valueProblems(objects)).toEqual([
      `remedy.claimWithin: {"text":"30 days","amount":"30","unit":"day","seconds":"2592000"} does not fit the field`,
    ]);
  });

  it("for a field that can be neither null nor left out", () => {
    const objects = withField("claimWithin", fromProperty("claim", Type.String()));
    expect(valueProblems(objects)).toContain("remedy.claimWithin: null when absent does not fit the field");
  });
});
