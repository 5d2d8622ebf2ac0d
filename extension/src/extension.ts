/**
 * The SLA extension's client: starts the bundled language server (server/server.cjs) over IPC and
 * adds the commands that need more than standard LSP (contract preview, rule bundle, restart) and
 * format-on-save.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";
import { ContractPreview } from "./preview";
import { type BuildResult, BUILD_REQUEST } from "./protocol";

const LANGUAGE_ID = "sla";
let client: LanguageClient | undefined;

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
    // the extension contributes declaration snippets itself; the server's would appear twice
    initializationOptions: { declarationSnippets: false },
  };
  // The id "sla" makes the client read the `sla.trace.server` setting.
  return new LanguageClient(LANGUAGE_ID, "SLA Language Server", serverOptions, clientOptions);
}

/** The client, started if it is not running yet. */
export async function runningClient(): Promise<LanguageClient> {
  if (!client) throw new Error("The SLA language server is not available.");
  if (client.state === State.Stopped) await client.start();
  return client;
}

function slaDocumentFor(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (uri instanceof vscode.Uri) return uri;
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor.document.uri;
  // With the preview focused, act on the document it shows.
  return ContractPreview.activeDocument();
}

async function buildBundle(uri: vscode.Uri | undefined): Promise<BuildResult | undefined> {
  const target = slaDocumentFor(uri);
  if (!target) {
    void vscode.window.showWarningMessage("SLA: open a .sla file to build its rule bundle.");
    return undefined;
  }
  const running = await runningClient();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `SLA: building ${path.basename(target.fsPath)}…` },
    () => running.sendRequest<BuildResult>(BUILD_REQUEST, { uri: target.toString() }),
  );
  if ("error" in result && result.error) {
    void vscode.window.showErrorMessage(`SLA: the rule bundle was not built: ${result.error}`);
    return result;
  }
  const files = "files" in result ? result.files : [];
  const shown = files.map((f) => vscode.workspace.asRelativePath(f.startsWith("file:") ? vscode.Uri.parse(f) : f));
  const choice = await vscode.window.showInformationMessage(
    `SLA: wrote ${shown.join(" and ")}`,
    "Open",
    "Reveal in Explorer",
  );
  const first = files[0];
  if (first && choice) {
    const fileUri = first.startsWith("file:") ? vscode.Uri.parse(first) : vscode.Uri.file(first);
    if (choice === "Open") await vscode.window.showTextDocument(fileUri, { preview: false });
    else await vscode.commands.executeCommand("revealInExplorer", fileUri);
  }
  return result;
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
  client = createClient(context);
  const preview = new ContractPreview(context, runningClient);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand("sla.openPreview", (uri?: vscode.Uri) => {
      const target = slaDocumentFor(uri);
      if (!target) {
        void vscode.window.showWarningMessage("SLA: open a .sla file to preview its contract.");
        return undefined;
      }
      return preview.show(target);
    }),
    vscode.commands.registerCommand("sla.buildBundle", buildBundle),
    vscode.commands.registerCommand("sla.restartServer", async () => {
      if (!client) return;
      if (client.state === State.Stopped) await client.start();
      else await client.restart();
      vscode.window.setStatusBarMessage("SLA language server restarted", 3000);
      preview.refreshAll();
    }),
    vscode.workspace.onWillSaveTextDocument(formatOnSave),
  );
  try {
    await client.start();
  } catch (error) {
    // The client has already shown the failure; keep the commands so that a restart can be tried.
    console.error("SLA language server failed to start", error);
  }
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping?.isRunning()) await stopping.stop();
}
