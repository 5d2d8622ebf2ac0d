import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileBundle, renderContract, serializeBundle } from "@sla/compiler";
import { checkProgram, memoryHost } from "@sla/language";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTING, startTestServer, type TestServer, temporaryFolder } from "./harness.ts";

let server: TestServer;
let folder: ReturnType<typeof temporaryFolder>;
beforeAll(async () => {
  folder = temporaryFolder();
  server = await startTestServer({ checkWorkspace: false });
});
afterAll(async () => {
  await server.dispose();
  folder.remove();
});

describe("sla/preview", () => {
  it("renders the open document's contract as `sla build` would", async () => {
    const uri = `${folder.uri}preview.sla`;
    await server.open(uri, HOSTING);
    const result = await server.request<{ markdown: string }>("sla/preview", { uri });
    const expected = renderContract(compileBundle(checkProgram(uri, memoryHost({ [uri]: HOSTING }))));
    expect(result.markdown).toBe(expected);
    expect(result.markdown).toContain("Managed Hosting Service Level Agreement");
  });

  it("says which errors stop it, and where", async () => {
    const uri = `${folder.uri}broken.sla`;
    await server.open(uri, HOSTING.replace("metric Availability\n  target", "metric Availabilty\n  target"));
    const result = await server.request<{ error: string }>("sla/preview", { uri });
    expect(result.error).toContain("The contract has 1 error:");
    expect(result.error).toMatch(/\n- broken\.sla:55:10: SLA2002 No metric named 'Availabilty'/);
  });

  it("answers an unknown document or bad params with an error, not a crash", async () => {
    expect(await server.request("sla/preview", { uri: "file:///nowhere/missing.sla" })).toEqual({
      error: "Cannot read file:///nowhere/missing.sla.",
    });
    expect(await server.request("sla/preview", {})).toEqual({ error: "sla/preview and sla/build need { uri }." });
  });
});

describe("sla/build", () => {
  it("writes NAME.rules.json and NAME.md beside the file, from the buffer's text", async () => {
    const path = join(folder.path, "hosting.sla");
    writeFileSync(path, "// not saved yet\n");
    const uri = `${folder.uri}hosting.sla`;
    await server.open(uri, HOSTING);
    const result = await server.request<{ files: string[] }>("sla/build", { uri });
    expect(result.files).toEqual([join(folder.path, "hosting.rules.json"), join(folder.path, "hosting.md")]);
    const bundle = compileBundle(checkProgram(uri, memoryHost({ [uri]: HOSTING })));
    expect(readFileSync(result.files[0], "utf8")).toBe(serializeBundle(bundle));
    expect(readFileSync(result.files[1], "utf8")).toBe(renderContract(bundle));
    // no temporary files left behind
    expect(readdirSync(folder.path).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes nothing for a contract with errors, or without an agreement", async () => {
    const uri = `${folder.uri}errors.sla`;
    await server.open(uri, "party P { role providr }\n");
    const result = await server.request<{ error: string }>("sla/build", { uri });
    expect(result.error).toContain("SLA1005");
    expect(existsSync(join(folder.path, "errors.md"))).toBe(false);

    const shared = `${folder.uri}shared.sla`;
    await server.open(shared, 'party P "P" { role provider }\n');
    expect((await server.request<{ error: string }>("sla/build", { uri: shared })).error).toContain("has no agreement");

    const virtual = "untitled:Untitled-1";
    await server.open(virtual, HOSTING);
    expect((await server.request<{ error: string }>("sla/build", { uri: virtual })).error).toContain(
      "Only files on disk",
    );
  });
});
