/**
 * `contact` on a service, the property added to show "Adding a property" (ARCHITECTURE.md): one
 * row in the language's definition, its compiler mapping, its sentence in the contract.
 */
import { describe, expect, it } from "vitest";
import { compileBundle, renderContract, serializeBundle } from "../src/index.ts";
import { checkSource, errorsOf, validateBundle } from "./helpers.ts";

const contract = (serviceBody: string) => `
agreement Demo "Demo SLA" {
  effective 2026-01-01
  timezone "UTC"
  currency GBP
}
party P "Provider Ltd" { role provider }
party C "Customer plc" { role customer }
service Hosting "Hosting" {
  provider P
  customer C
${serviceBody}
}
`;

function build(serviceBody: string) {
  const program = checkSource({ "file:///work/main.sla": contract(serviceBody) });
  return { program, bundle: compileBundle(program) };
}

describe("a service's contact", () => {
  it("is carried in the bundle and named in the contract", () => {
    const { program, bundle } = build('  contact "servicedesk@acme.example"');
    expect(errorsOf(program)).toEqual([]);
    expect(bundle.services[0].contact).toBe("servicedesk@acme.example");
    expect(validateBundle(bundle)).toBe(true);
    expect(renderContract(bundle)).toContain("The contact for the Service is servicedesk@acme.example.");
  });

  it("leaves the bundle as it was when not given", () => {
    const { bundle } = build("");
    expect("contact" in bundle.services[0]).toBe(false);
    expect(Object.keys(JSON.parse(serializeBundle(bundle)).services[0])).not.toContain("contact");
    expect(validateBundle(bundle)).toBe(true);
  });

  it("is escaped in the Markdown like any other text", () => {
    const { bundle } = build('  contact "*desk* <b>"');
    expect(renderContract(bundle)).not.toContain("*desk* <b>");
  });

  it("is given at most once", () => {
    const { program } = build('  contact "a@acme.example"\n  contact "b@acme.example"');
    expect(errorsOf(program).join("\n")).toContain("contact");
  });
});
