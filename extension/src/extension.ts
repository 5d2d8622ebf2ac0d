/**
 * The SLA extension's client: starts the bundled language server (server/server.cjs) over IPC and
 * adds the commands that need more than standard LSP (contract preview, rule bundle, evaluation,
 * new contract, restart), format-on-save, the status bar item, the `sla` tasks and the rule
 * bundle's schema. It also activates for JSON files (to answer for the bundle schema) but starts
 * the server only once there is a .sla file to serve.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  DidChangeConfigurationNotification,
  State,
  TransportKind,
} from "vscode-languageclient/node";
import { registerBuild } from "./build";
import { registerCompare } from "./compare";
import { evaluateCommand } from "./evaluate";
import { newContract } from "./new-contract";
import { ContractPreview } from "./preview";
import { registerBundleSchema } from "./schema";
import { ServerStatus } from "./status";
import { registerTasks } from "./tasks";

const LANGUAGE_ID = "sla";
let client: LanguageClient | undefined;
let status: ServerStatus | undefined;

/** The server's options from the settings (`initializationOptions`, and again when they change). */
export function serverSettings(configuration = vscode.workspace.getConfiguration("sla")) {
  return {
    // the extension contributes declaration snippets itself; the server's would appear twice
    declarationSnippets: false,
    checkWorkspace: configuration.get<boolean>("server.checkWorkspace", true),
    debounceMs: configuration.get<number>("server.debounceMs", 150),
    eventsFile: configuration.get<string>("evaluation.eventsFile", ""),
  };
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join("server", "server.cjs"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: "file" },
      { language: LANGUAGE_ID, scheme: "untitled" },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.sla") },
    outputChannelName: "SLA Language Server",
    initializationOptions: () => serverSettings(),
  };
  // The id "sla" makes the client read the `sla.trace.server` setting.
  return new LanguageClient(LANGUAGE_ID, "SLA Language Server", serverOptions, clientOptions);
}

/** The client, started if it is not running yet. */
export async function runningClient(): Promise<LanguageClient> {
  if (!client) throw new Error("The SLA language server is not available.");
  if (client.state === State.Stopped) await startClient();
  return client;
}

async function startClient(): Promise<void> {
  if (!client) return;
  status ??= new ServerStatus();
  status.follow(client);
  try {
    await client.start();
  } catch (error) {
    // The client has already shown the failure; keep the commands so that a restart can be tried.
    status.set("error");
    console.error("SLA language server failed to start", error);
  }
}

async function restartClient(): Promise<void> {
  if (!client) return;
  if (client.state === State.Stopped) await startClient();
  else await client.restart();
}

/** Whether there is a .sla file to serve: one open, or one in the workspace. */
async function hasSlaFiles(): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID)) return true;
  const found = await vscode.workspace.findFiles("**/*.sla", "**/node_modules/**", 1);
  return found.length > 0;
}

function onConfigurationChange(event: vscode.ConfigurationChangeEvent): void {
  if (!client || client.state === State.Stopped) return;
  // checkWorkspace decides what the server scans at its start
  if (event.affectsConfiguration("sla.server")) void restartClient();
  else if (event.affectsConfiguration("sla.evaluation.eventsFile")) {
    void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { sla: serverSettings() } });
  }
}

function slaDocumentFor(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (uri instanceof vscode.Uri) return uri;
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor.document.uri;
  // With the preview focused, act on the document it shows.
  return ContractPreview.activeDocument();
}

function formatOnSave(event: vscode.TextDocumentWillSaveEvent): void {
  const document = event.document;
  if (document.languageId !== LANGUAGE_ID) return;
  if (event.reason === vscode.TextDocumentSaveReason.AfterDelay) return;
  if (!vscode.workspace.getConfiguration("sla.format", document.uri).get<boolean>("onSave", false)) return;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const options = {
    tabSize: Number(editor?.options.tabSize ?? 2),
    insertSpaces: Boolean(editor?.options.insertSpaces ?? true),
  };
  event.waitUntil(
    Promise.resolve(
      vscode.commands.executeCommand<vscode.TextEdit[] | undefined>(
        "vscode.executeFormatDocumentProvider",
        document.uri,
        options,
      ),
    ).then((edits) => edits ?? []),
  );
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(registerBundleSchema(context));
  client = createClient(context);
  const preview = new ContractPreview(context, runningClient);
  const changes = registerCompare(runningClient, slaDocumentFor);
  const builds = registerBuild(runningClient, slaDocumentFor);
  context.subscriptions.push(
    { dispose: () => status?.dispose() },
    preview,
    registerTasks(context),
    vscode.commands.registerCommand("sla.openPreview", (uri?: vscode.Uri) => {
      const target = slaDocumentFor(uri);
      if (!target) {
        void vscode.window.showWarningMessage("SLA: open a .sla file to preview its contract.");
        return undefined;
      }
      return preview.show(target);
    }),
    vscode.commands.registerCommand("sla.buildBundle", builds.build),
    vscode.commands.registerCommand("sla.buildAs", builds.buildAs),
    vscode.commands.registerCommand("sla.restartServer", async () => {
      await restartClient();
      vscode.window.setStatusBarMessage("SLA language server restarted", 3000);
      preview.refreshAll();
    }),
    vscode.commands.registerCommand("sla.evaluate", (uri?: string | vscode.Uri) =>
      evaluateCommand(context, runningClient, slaDocumentFor(typeof uri === "string" ? vscode.Uri.parse(uri) : uri)),
    ),
    vscode.commands.registerCommand("sla.newContract", () => newContract(context)),
    changes.provider,
    vscode.commands.registerCommand("sla.compareWithPrevious", changes.compare),
    vscode.commands.registerCommand("sla.showProblems", () =>
      vscode.commands.executeCommand("workbench.actions.view.problems"),
    ),
    vscode.workspace.onWillSaveTextDocument(formatOnSave),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChange),
  );
  if (await hasSlaFiles()) {
    await startClient();
    return;
  }
  // Activated for a JSON file: start once a .sla file is opened.
  const waiting = vscode.workspace.onDidOpenTextDocument((document) => {
    if (document.languageId !== LANGUAGE_ID) return;
    waiting.dispose();
    if (client?.state === State.Stopped) void startClient();
  });
  context.subscriptions.push(waiting);
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping?.isRunning()) await stopping.stop();
}
