/**
 * The bundle's JSON Schema validator, compiled ahead of time (`src/bundle-schema-validator.ts`):
 * ajv took about 0.4 s to compile the schema at the start of every evaluation. The file is ajv's
 * standalone code for the schema @sla/bundle writes; this test fails when it is not current, and
 * `UPDATE_SCHEMA=1` rewrites it (the same variable that rewrites the schema file). Its verdicts and
 * first errors are ajv's own, on every example bundle and thousands of damaged copies.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { bundleSchema } from "@sla/bundle";
import type { ErrorObject } from "ajv";
import Ajv2020Module from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";
import { describe, expect, it } from "vitest";
import { exampleBundles } from "../../../test/hostile/example-bundles.ts";
import { validate as compiledAhead } from "../src/bundle-schema-validator.ts";

const FILE = new URL("../src/bundle-schema-validator.ts", import.meta.url);
const update = process.env.UPDATE_SCHEMA === "1";

// ajv's CommonJS default exports, however the bundler hands them over
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ??
  standaloneModule) as typeof standaloneModule;

// the options validate.ts compiled with before, and the engine's verdicts depend on
const OPTIONS = { allErrors: false, strict: false } as const;

function generated(): string {
  const ajv = new Ajv2020({ ...OPTIONS, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(bundleSchema));
  return `// Generated from the rule bundle's JSON Schema (@sla/bundle) by ajv's standalone code: do not edit.
// packages/engine/test/bundle-schema-validator.test.ts fails when it is not current, and
// UPDATE_SCHEMA=1 npx vitest run packages/bundle packages/engine/test/bundle-schema-validator.test.ts rewrites it.
// @ts-nocheck
${code}
`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Copies of `bundle` each damaged at one place: removed, set to null, text or a number, or given an unknown key. */
function damaged(bundle: Json, limit: number): Json[] {
  const places: (string | number)[][] = [];
  const walk = (value: Json, at: (string | number)[]) => {
    places.push(at);
    if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(v, [...at, i]);
    else if (value !== null && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
  };
  walk(bundle, []);
  const step = Math.max(1, Math.floor(places.length / limit));
  const out: Json[] = [];
  for (let p = 1; p < places.length; p += step) {
    const path = places[p];
    for (const change of ["remove", null, "x", 7, "extra"] as const) {
      const copy = structuredClone(bundle) as { [key: string]: Json };
      let parent = copy;
      for (const key of path.slice(0, -1)) parent = parent[key as string] as { [key: string]: Json };
      const last = path[path.length - 1] as string;
      if (change === "remove") {
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
      } else if (change === "extra") {
        const target = parent[last];
        if (target === null || typeof target !== "object" || Array.isArray(target)) continue;
        (target as { [key: string]: Json }).unexpected = 1;
      } else parent[last] = change;
      out.push(copy);
    }
  }
  return out;
}

describe("the bundle schema validator compiled ahead of time", () => {
  it("is ajv's code for the current schema", () => {
    if (update) writeFileSync(FILE, generated());
    expect(
      readFileSync(FILE, "utf8"),
      "src/bundle-schema-validator.ts is out of date: UPDATE_SCHEMA=1 npx vitest run packages/bundle packages/engine/test/bundle-schema-validator.test.ts rewrites it",
    ).toBe(generated());
  });

  it("gives ajv's verdict and first error on every example bundle and damaged copies of it", () => {
    const atRunTime = new Ajv2020(OPTIONS).compile(bundleSchema);
    const verdict = (validate: ((b: unknown) => boolean) & { errors?: ErrorObject[] | null }, bundle: Json) => {
      const valid = validate(bundle);
      const [first] = validate.errors ?? [];
      return valid ? "valid" : JSON.stringify([first?.instancePath, first?.keyword, first?.params, first?.message]);
    };
    let invalid = 0;
    let compared = 0;
    for (const { bundle } of exampleBundles()) {
      expect(verdict(compiledAhead, bundle as unknown as Json)).toBe("valid");
      for (const copy of damaged(bundle as unknown as Json, 150)) {
        const expected = verdict(atRunTime, copy);
        expect(verdict(compiledAhead, copy)).toBe(expected);
        if (expected !== "valid") invalid++;
        compared++;
      }
    }
    // the damage reaches the schema: most copies are refused, for many different reasons
    expect(compared).toBeGreaterThan(5000);
    expect(invalid / compared).toBeGreaterThan(0.5);
  }, 120_000);
});
