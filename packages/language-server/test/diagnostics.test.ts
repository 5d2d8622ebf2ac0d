import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HOSTING, sleep, startTestServer, type TestServer, temporaryFolder } from "./harness.ts";

const PARTIES = `party Acme "Acme Hosting Ltd." { role provider }
party Globex "Globex plc" { role customer }
`;

const MAIN = `import "parties.sla"

service Hosting "Hosting" {
  provider Acme
  customer Globex
}
`;

let server: TestServer | undefined;
let folder: ReturnType<typeof temporaryFolder> | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
  folder?.remove();
  folder = undefined;
});

describe("diagnostics", () => {
  it("publishes nothing wrong for a clean contract, and the checker's diagnostics as you type", async () => {
    server = await startTestServer({ checkWorkspace: false });
    const uri = "file:///virtual/hosting.sla";
    await server.open(uri, HOSTING, 1);
    const clean = await server.diagnostics(uri, (p) => p.version === 1);
    expect(clean.diagnostics).toEqual([]);

    const broken = HOSTING.replace("metric Availability\n", "metric Availabilty\n");
    await server.change(uri, broken, 2);
    const reported = await server.diagnostics(uri, (p) => p.version === 2);
    expect(reported.diagnostics).toHaveLength(1);
    const [d] = reported.diagnostics;
    expect(d.code).toBe("SLA2002");
    expect(d.message).toContain("Did you mean 'Availability'?");
    expect(d.source).toBe("sla");
    const line = broken.split("\n").findIndex((l) => l.includes("metric Availabilty"));
    expect(d.range).toEqual({ start: { line, character: 9 }, end: { line, character: 20 } });
  });

  it("reports syntax errors with 0-based positions, in UTF-16 after non-ASCII text", async () => {
    server = await startTestServer({ checkWorkspace: false });
    const uri = "file:///virtual/emoji.sla";
    await server.open(uri, `party Acme "Acme 😀 Ltd." { role providr }\n`);
    const { diagnostics } = await server.diagnostics(uri, (p) => p.version === 1);
    expect(diagnostics[0].code).toBe("SLA1005");
    // "😀" is two UTF-16 code units: `providr` starts at character 33 (32 code points)
    expect(diagnostics[0].range.start).toEqual({ line: 0, character: 33 });
  });

  it("debounces: a burst of edits is checked once, for the last version only", async () => {
    server = await startTestServer({ checkWorkspace: false, debounceMs: 80 });
    const uri = "file:///virtual/burst.sla";
    await server.open(uri, HOSTING, 1);
    await server.diagnostics(uri, (p) => p.version === 1);
    const before = server.published.length;
    for (let version = 2; version <= 6; version++) {
      await server.change(uri, HOSTING.replace("99.9% per", `99.${version}% per`), version);
      await sleep(10);
    }
    await server.diagnostics(uri, (p) => p.version === 6);
    await sleep(150);
    const versions = server.published.slice(before).map((p) => p.version);
    expect(versions).toEqual([6]);
  });

  it("drops work for an outdated version: only the newest text's diagnostics are published", async () => {
    server = await startTestServer({ checkWorkspace: false, debounceMs: 0 });
    const uri = "file:///virtual/race.sla";
    await server.open(uri, HOSTING, 1);
    await server.diagnostics(uri, (p) => p.version === 1);
    const bad = HOSTING.replace("provider Acme\n", "provider Acm\n");
    await Promise.all([server.change(uri, bad, 2), server.change(uri, HOSTING, 3)]);
    const last = await server.diagnostics(uri, (p) => p.version === 3);
    expect(last.diagnostics).toEqual([]);
    await sleep(50);
    expect(server.published.filter((p) => p.uri === uri).at(-1)?.version).toBe(3);
  });

  it("re-checks importers when an imported file changes, and reports each file's own problems", async () => {
    server = await startTestServer({ checkWorkspace: false });
    const parties = "file:///virtual/parties.sla";
    const main = "file:///virtual/main.sla";
    await server.open(parties, PARTIES, 1);
    await server.open(main, MAIN, 1);
    expect((await server.diagnostics(main, (p) => p.version === 1)).diagnostics).toEqual([]);

    await server.change(parties, PARTIES.replace("Globex", "Initech"), 2);
    const importer = await server.diagnostics(main, (p) => p.diagnostics.length > 0);
    expect(importer.version).toBe(1);
    expect(importer.diagnostics.map((d) => d.code)).toEqual(["SLA2002"]);
    expect(importer.diagnostics[0].message).toContain("'Globex'");

    await server.change(parties, PARTIES, 3);
    expect((await server.diagnostics(main, (p) => p.diagnostics.length === 0)).diagnostics).toEqual([]);
  });

  it("checks the unopened .sla files of the workspace folders, and follows them on disk", async () => {
    folder = temporaryFolder();
    mkdirSync(join(folder.path, "contracts"));
    writeFileSync(join(folder.path, "contracts", "parties.sla"), PARTIES);
    writeFileSync(join(folder.path, "contracts", "main.sla"), MAIN.replace("Globex", "Globx"));
    writeFileSync(join(folder.path, "contracts", "notes.txt"), "not a contract");
    mkdirSync(join(folder.path, "node_modules"));
    writeFileSync(join(folder.path, "node_modules", "skipped.sla"), "party {");
    server = await startTestServer({ folders: [folder.uri] });
    const main = `${folder.uri}contracts/main.sla`;
    const parties = `${folder.uri}contracts/parties.sla`;
    const reported = await server.diagnostics(main, (p) => p.diagnostics.length > 0);
    expect(reported.version).toBeUndefined();
    expect(reported.diagnostics.map((d) => d.code)).toEqual(["SLA2002"]);
    expect((await server.diagnostics(parties)).diagnostics).toEqual([]);
    expect(server.published.some((p) => p.uri.includes("node_modules"))).toBe(false);

    // fixed on disk: a watched-file event re-checks it
    writeFileSync(join(folder.path, "contracts", "main.sla"), MAIN);
    await server.client.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: main, type: 2 }] });
    expect((await server.diagnostics(main, (p) => p.diagnostics.length === 0)).diagnostics).toEqual([]);

    // the imported file, broken on disk, then deleted: its diagnostics are cleared, the importer
    // reports the missing import
    writeFileSync(join(folder.path, "contracts", "parties.sla"), `${PARTIES}party {\n`);
    await server.client.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: parties, type: 2 }] });
    await server.diagnostics(parties, (p) => p.diagnostics.length > 0);
    rmSync(join(folder.path, "contracts", "parties.sla"));
    await server.client.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: parties, type: 3 }] });
    const missing = await server.diagnostics(
      main,
      (p) => p.diagnostics.length > 0 && p.diagnostics[0].code === "SLA2004",
    );
    expect(missing.diagnostics.map((d) => d.code)).toEqual(["SLA2004"]);
    expect((await server.diagnostics(parties)).diagnostics).toEqual([]);
  });

  it("checks the files of a workspace folder added later", async () => {
    folder = temporaryFolder();
    writeFileSync(join(folder.path, "late.sla"), "party P { role providr }\n");
    server = await startTestServer({ folders: [] });
    await server.client.sendNotification("workspace/didChangeWorkspaceFolders", {
      event: { added: [{ uri: folder.uri, name: "late" }], removed: [] },
    });
    const late = `${folder.uri}late.sla`;
    const reported = await server.diagnostics(late, (p) => p.diagnostics.length === 1);
    expect(reported.diagnostics[0].code).toBe("SLA1005");
    // and forgets them when the folder is removed
    await server.client.sendNotification("workspace/didChangeWorkspaceFolders", {
      event: { added: [], removed: [{ uri: folder.uri.replace(/\/$/, ""), name: "late" }] },
    });
    await server.diagnostics(late, (p) => p.diagnostics.length === 0);
  });

  it("clears a closed file's diagnostics unless it belongs to the workspace", async () => {
    folder = temporaryFolder();
    writeFileSync(join(folder.path, "kept.sla"), "party P { role providr }\n");
    server = await startTestServer({ folders: [folder.uri] });
    const kept = `${folder.uri}kept.sla`;
    await server.diagnostics(kept, (p) => p.diagnostics.length === 1);

    const outside = "file:///elsewhere/loose.sla";
    await server.open(outside, "party P { role providr }\n");
    await server.diagnostics(outside, (p) => p.diagnostics.length === 1);
    await server.close(outside);
    await server.diagnostics(outside, (p) => p.diagnostics.length === 0);

    // an open workspace file with unsaved changes, closed: back to what the disk says
    await server.open(kept, "party P { role provider }\n", 1);
    await server.diagnostics(kept, (p) => p.version === 1 && p.diagnostics.length === 0);
    await server.close(kept);
    const afterClose = await server.diagnostics(kept, (p) => p.version === undefined && p.diagnostics.length === 1);
    expect(afterClose.diagnostics[0].code).toBe("SLA1005");
  });

  it("carries related locations and marks unused declarations", async () => {
    server = await startTestServer({ checkWorkspace: false });
    const uri = "file:///virtual/dup.sla";
    await server.open(uri, `${HOSTING}\nparty Acme "Again" { role provider }\n`);
    const { diagnostics } = await server.diagnostics(uri, (p) => p.version === 1);
    const duplicate = diagnostics.find((d) => d.code === "SLA2001");
    expect(duplicate?.relatedInformation?.[0].message).toContain("first declared here");
    expect(duplicate?.relatedInformation?.[0].location.uri).toBe(uri);
  });
});
