/**
 * Test harness: the server in-process behind a real JSON-RPC connection (`src/in-process.ts`: two
 * in-memory streams), a client that records what the server publishes, and `<|>` cursor fixtures.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { MessageConnection } from "vscode-jsonrpc/node";
import type { ClientCapabilities, Position, PublishDiagnosticsParams } from "vscode-languageserver";
import { startInProcessServer } from "../src/in-process.ts";
import type { StartedServer } from "../src/server.ts";

export const HOSTING = readFileSync(
  new URL("../../../../shared/spec/conformance/hosting.sla", import.meta.url),
  "utf8",
);

const MARKER = "<|>";

/** The text without its `<|>` marker, and where the marker was. */
export function marked(source: string): { text: string; offset: number; position: Position } {
  const offset = source.indexOf(MARKER);
  if (offset < 0 || source.indexOf(MARKER, offset + 1) >= 0) throw new Error("fixture needs exactly one <|>");
  const text = source.slice(0, offset) + source.slice(offset + MARKER.length);
  return { text, offset, position: positionAt(text, offset) };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** The position of the `n`-th (from 0) occurrence of `needle`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, n = 0): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' not found ${n + 1} times`);
  }
  return positionAt(text, at + delta);
}

export interface TestServerOptions {
  folders?: string[];
  debounceMs?: number;
  checkWorkspace?: boolean;
  declarationSnippets?: boolean;
  eventsFile?: string;
  capabilities?: ClientCapabilities;
}

export interface TestServer {
  client: MessageConnection;
  server: StartedServer;
  /** Every publishDiagnostics, in order. */
  published: PublishDiagnosticsParams[];
  /** Log messages the server sent (errors from wrapped handlers among them). */
  logs: string[];
  open(uri: string, text: string, version?: number): Promise<void>;
  change(uri: string, text: string, version: number): Promise<void>;
  close(uri: string): Promise<void>;
  request<R>(method: string, params: unknown): Promise<R>;
  /** The next publishDiagnostics for `uri` that satisfies `accept` (the latest one already received counts). */
  diagnostics(
    uri: string,
    accept?: (p: PublishDiagnosticsParams) => boolean,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams>;
  dispose(): Promise<void>;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    completion: { completionItem: { snippetSupport: true } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
};

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  // the server's `createConnection(reader, writer)` and the client's `createMessageConnection`, over two in-memory streams
  const { client, server, dispose } = startInProcessServer();
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const listeners = new Set<() => void>();
  client.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const listener of [...listeners]) listener();
  });
  client.onNotification("window/logMessage", (params: { message: string }) => {
    logs.push(params.message);
  });
  client.onRequest("client/registerCapability", () => null);
  client.onRequest("workspace/workspaceFolders", () => []);

  await client.sendRequest("initialize", {
    processId: null,
    rootUri: options.folders?.[0] ?? null,
    workspaceFolders: options.folders?.map((uri) => ({ uri, name: uri })) ?? null,
    capabilities: options.capabilities ?? FULL_CAPABILITIES,
    initializationOptions: {
      debounceMs: options.debounceMs ?? 0,
      checkWorkspace: options.checkWorkspace ?? true,
      declarationSnippets: options.declarationSnippets ?? true,
      eventsFile: options.eventsFile,
    },
  });
  await client.sendNotification("initialized", {});

  const diagnostics: TestServer["diagnostics"] = (uri, accept = () => true, timeoutMs = 5000) =>
    new Promise((resolve, reject) => {
      const latest = () => [...published].reverse().find((p) => p.uri === uri);
      const check = () => {
        const p = latest();
        if (p && accept(p)) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(p);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(latest())}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });

  return {
    client,
    server,
    published,
    logs,
    open: (uri, text, version = 1) =>
      client.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "sla", version, text } }),
    change: (uri, text, version) =>
      client.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] }),
    close: (uri) => client.sendNotification("textDocument/didClose", { textDocument: { uri } }),
    request: <R>(method: string, params: unknown) => client.sendRequest(method, params) as Promise<R>,
    diagnostics,
    dispose: async () => {
      await client.sendRequest("shutdown").catch(() => undefined);
      dispose();
    },
  };
}

/** A fresh temporary folder, as a path and a `file:` URI (ending with `/`). */
export function temporaryFolder(): { path: string; uri: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), "sla-ls-"));
  return { path, uri: `${pathToFileURL(path).href}/`, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
