/** The esbuild bundle, run as its own process over stdio, as an editor runs it. */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-jsonrpc/node";
import type {
  CompletionList,
  Hover,
  InitializeResult,
  MarkupContent,
  PublishDiagnosticsParams,
  WorkspaceEdit,
} from "vscode-languageserver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { part, unzip } from "../../../test/docx/zip.ts";
import { buildServerBundle } from "./bundle-helper.ts";
import { HOSTING, positionOf, temporaryFolder } from "./harness.ts";

let bundle: Awaited<ReturnType<typeof buildServerBundle>>;
let folder: ReturnType<typeof temporaryFolder>;
beforeAll(async () => {
  bundle = await buildServerBundle();
  folder = temporaryFolder();
}, 60_000);
afterAll(() => {
  bundle?.remove();
  folder?.remove();
});

describe("the bundled server over stdio", () => {
  it("runs initialize → didOpen → diagnostics → completion → hover → rename → shutdown/exit", async () => {
    const text = HOSTING.replace("metric ApiLatency\n  target", "metric ApiLatncy\n  target");
    writeFileSync(join(folder.path, "hosting.sla"), text);
    const uri = `${folder.uri}hosting.sla`;
    const child: ChildProcess = spawn(process.execPath, [bundle.file, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const client = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) =>
      client.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
        if (p.uri === uri && p.version === 1) resolve(p);
      }),
    );
    client.onRequest("client/registerCapability", () => null);
    client.listen();

    const init = await client.sendRequest<InitializeResult>("initialize", {
      processId: process.pid,
      rootUri: folder.uri,
      workspaceFolders: [{ uri: folder.uri, name: "contracts" }],
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    });
    expect(init.serverInfo?.name).toBe("sla-language-server");
    expect(init.capabilities.renameProvider).toEqual({ prepareProvider: true });
    await client.sendNotification("initialized", {});
    await client.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "sla", version: 1, text },
    });

    const published = await diagnostics;
    expect(published.diagnostics.map((d) => d.code)).toEqual(["SLA2002"]);

    const list = await client.sendRequest<CompletionList>("textDocument/completion", {
      textDocument: { uri },
      position: positionOf(text, "metric ApiLatncy", 7),
    });
    expect(list.items.map((i) => i.label).sort()).toEqual(["ApiLatency", "Availability"]);

    const hover = await client.sendRequest<Hover>("textDocument/hover", {
      textDocument: { uri },
      position: positionOf(text, "99.9% per calendar month", 1),
    });
    expect((hover.contents as MarkupContent).value).toContain("| 30-day month | 43m 12s |");

    const edit = await client.sendRequest<WorkspaceEdit>("textDocument/rename", {
      textDocument: { uri },
      position: positionOf(text, "party Globex", 7),
      newName: "Initech",
    });
    expect(edit.changes?.[uri]).toHaveLength(2);

    await client.sendRequest("shutdown");
    await client.sendNotification("exit");
    expect(await exited).toBe(0);
    client.dispose();
    expect(stderr).toBe("");
  }, 60_000);

  it("also talks over Node IPC, as vscode-languageclient starts it", async () => {
    const uri = `${folder.uri}ipc.sla`;
    const child = fork(bundle.file, ["--node-ipc"], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const client = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) =>
      client.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
        if (p.uri === uri) resolve(p);
      }),
    );
    client.listen();
    await client.sendRequest("initialize", { processId: null, rootUri: null, capabilities: {} });
    await client.sendNotification("initialized", {});
    await client.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "sla", version: 1, text: "party P { role providr }\n" },
    });
    expect((await diagnostics).diagnostics.map((d) => d.code)).toEqual(["SLA1005"]);

    // the Word contract's renderer is loaded on first use: it must be in the bundle too
    const contract = `${folder.uri}word.sla`;
    writeFileSync(join(folder.path, "word.sla"), HOSTING);
    await client.sendNotification("textDocument/didOpen", {
      textDocument: { uri: contract, languageId: "sla", version: 1, text: HOSTING },
    });
    const built = await client.sendRequest<{ files: string[] }>("sla/build", { uri: contract, formats: ["docx"] });
    expect(built.files).toEqual([join(folder.path, "word.docx")]);
    expect(part(unzip(readFileSync(built.files[0])), "word/document.xml")).toContain("Managed Hosting");

    await client.sendRequest("shutdown");
    await client.sendNotification("exit");
    expect(await exited).toBe(0);
    client.dispose();
  }, 60_000);
});
