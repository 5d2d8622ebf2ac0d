import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  ARTIFACT_KINDS,
  compileBundle,
  DEFAULT_ARTIFACT_KINDS,
  renderContract,
  renderContractDocx,
  serializeBundle,
} from "@sla/compiler";
import { checkProgram, memoryHost } from "@sla/language";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paragraphs, part, unzip } from "../../../test/docx/zip.ts";
import { BUILD_FORMATS, DEFAULT_BUILD_FORMATS } from "../src/protocol.ts";
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

  it("writes the Word contract when asked, a zip whose word/document.xml is the contract", async () => {
    const uri = `${folder.uri}word.sla`;
    writeFileSync(join(folder.path, "word.sla"), HOSTING);
    await server.open(uri, HOSTING);
    const result = await server.request<{ files: string[] }>("sla/build", { uri, formats: ["docx"] });
    expect(result.files).toEqual([join(folder.path, "word.docx")]);
    expect(existsSync(join(folder.path, "word.md"))).toBe(false);
    const bytes = readFileSync(result.files[0]);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from("PK\u0003\u0004"));
    const text = paragraphs(part(unzip(bytes), "word/document.xml")).map((p) => p.text);
    expect(text[0]).toBe("Managed Hosting Service Level Agreement");
    const bundle = compileBundle(checkProgram(uri, memoryHost({ [uri]: HOSTING })));
    expect(new Uint8Array(bytes)).toEqual(await renderContractDocx(bundle));
  });

  it("writes every format asked for in one order, whatever order they are asked in", async () => {
    const uri = `${folder.uri}all.sla`;
    await server.open(uri, HOSTING);
    const result = await server.request<{ files: string[] }>("sla/build", { uri, formats: ["docx", "md", "json"] });
    expect(result.files).toEqual(["all.rules.json", "all.md", "all.docx"].map((f) => join(folder.path, f)));
    for (const file of result.files) expect(existsSync(file), file).toBe(true);
  });

  it("refuses formats it does not know, writing nothing", async () => {
    const uri = `${folder.uri}refused.sla`;
    await server.open(uri, HOSTING);
    for (const formats of [["pdf"], [], "docx", ["md", 3]]) {
      const result = await server.request<{ error: string }>("sla/build", { uri, formats });
      expect(result.error, JSON.stringify(formats)).toMatch(
        /^sla\/build takes formats as a list of json, md, docx, not /,
      );
    }
    expect(readdirSync(folder.path).filter((f) => f.startsWith("refused."))).toEqual([]);
  });

  it("offers the formats `sla build` writes, with the same default", () => {
    expect(BUILD_FORMATS).toEqual(ARTIFACT_KINDS);
    expect(DEFAULT_BUILD_FORMATS).toEqual(DEFAULT_ARTIFACT_KINDS);
  });
});
