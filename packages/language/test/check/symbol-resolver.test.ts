/**
 * The binder keeps each reference's target by its identifier node (`symbolResolver`), and the rules
 * and the model ask by node instead of by text: the answers must be those of the symbol table, for
 * every reference, for identifiers that are no reference site, and for a copy of the binding (the
 * checked program spreads it, and the compiler and the server build the model from that copy).
 */
import { describe, expect, it } from "vitest";
import { bind, symbolResolver } from "../../src/check/binder.ts";
import { contractModel, type Identifier, loadProgram, memoryHost } from "../../src/index.ts";
import { corpus } from "../helpers.ts";

const uri = "file:///resolver/contract.sla";

const TEXT = `agreement A "A" { timezone "UTC" }
party Provider "P" { role provider }
party Customer "C" { role customer }
service Web "Web" { provider Provider customer Nobody }
metric Uptime "Uptime" { service Web type availability }
metric Uptime "Again" { service Web type availability }
objective O "O" { metric Uptime target at least 99.9% per calendar month }
remedy R "R" { for Web credit 10% of monthly fee when below 99.9% }
`;

describe("symbolResolver", () => {
  it("answers every reference as the symbol table does, and a name that is no reference site by its text", () => {
    const binding = bind(loadProgram(uri, memoryHost({ [uri]: TEXT })));
    const resolve = symbolResolver(binding);
    expect(binding.references.length).toBeGreaterThan(5);
    for (const reference of binding.references) {
      expect(resolve(reference.identifier)).toBe(binding.symbols.get(reference.identifier.text));
    }
    // unknown (`Nobody`) and of the wrong kind (`for Web`): the same answers as by text
    const texts = binding.references.map((r) => [r.identifier.text, resolve(r.identifier)?.kind]);
    expect(texts).toContainEqual(["Nobody", undefined]);
    expect(texts).toContainEqual(["Web", "service"]);
    // a declaration's own name is no reference site: looked up by its text
    const objective = binding.declarations.find((d) => d.declaration.kind === "objective")!.declaration;
    expect(resolve(objective.name as Identifier)?.declaration).toBe(objective);
    const stranger: Identifier = { ...(objective.name as Identifier), text: "Customer" };
    expect(resolve(stranger)?.kind).toBe("party");
  });

  it("gives a copy of the binding the same answers, and the same model, as the binding itself", () => {
    for (const { path, text } of corpus()) {
      const fileUri = `file://${path}`;
      const loaded = loadProgram(fileUri, memoryHost({ [fileUri]: text }));
      const binding = bind(loaded);
      const copy = { ...loaded, ...binding, diagnostics: [] };
      const fromBinding = symbolResolver(binding);
      const fromCopy = symbolResolver(copy);
      for (const reference of binding.references) {
        expect(fromCopy(reference.identifier), path).toBe(fromBinding(reference.identifier));
      }
      const names = (model: ReturnType<typeof contractModel>) =>
        model.objectives.map((o) => [o.name, o.metric?.name, o.service?.name, o.budgets.length]);
      expect(names(contractModel(copy)), path).toEqual(names(contractModel(binding)));
    }
  });
});
