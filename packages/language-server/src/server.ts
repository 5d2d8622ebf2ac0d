/**
 * The `.sla` language server: wires each feature of `features/` to the connection. Every handler
 * is wrapped so that a fault in one request (a position outside the document, an unknown URI, a
 * document that is not a contract, a bug) answers with an empty result and a log line instead of
 * taking the server down.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  type Connection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  RequestType,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type WorkspaceFoldersChangeEvent,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { DEFAULT_OPTIONS, type ServerContext, type ServerOptions } from "./context.ts";
import { codeActions } from "./features/code-actions.ts";
import { codeLenses } from "./features/code-lenses.ts";
import { completion } from "./features/completion.ts";
import { build, preview } from "./features/contract-requests.ts";
import { definition } from "./features/definition.ts";
import { diffWithHead } from "./features/diff.ts";
import { DiagnosticsPipeline } from "./features/diagnostics.ts";
import { documentLinks } from "./features/document-links.ts";
import { documentSymbols } from "./features/document-symbols.ts";
import { evaluateContract } from "./features/evaluate.ts";
import { foldingRanges } from "./features/folding.ts";
import { formatDocument, formatRange } from "./features/formatting.ts";
import { documentHighlight } from "./features/highlight.ts";
import { hover } from "./features/hover.ts";
import { inlayHints } from "./features/inlay-hints.ts";
import { references } from "./features/references.ts";
import { prepareRename, rename } from "./features/rename.ts";
import { selectionRanges } from "./features/selection-ranges.ts";
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from "./features/semantic-tokens.ts";
import { workspaceSymbols } from "./features/workspace-symbols.ts";
import {
  BUILD_REQUEST,
  type BuildParams,
  type BuildResult,
  type ContractParams,
  DIFF_REQUEST,
  type DiffResult,
  EVALUATE_REQUEST,
  type EvaluateParams,
  type EvaluateResult,
  PREVIEW_REQUEST,
  type PreviewResult,
} from "./protocol.ts";
import { folderUri, isSlaUri, normalizeUri, Workspace } from "./workspace/workspace.ts";

export const SERVER_NAME = "sla-language-server";
export const SERVER_VERSION = "0.1.0";

/** Custom requests of the VS Code extension (`protocol.ts`). */
export const PreviewRequest = new RequestType<ContractParams, PreviewResult, void>(PREVIEW_REQUEST);
export const BuildRequest = new RequestType<BuildParams, BuildResult, void>(BUILD_REQUEST);
export const EvaluateRequest = new RequestType<EvaluateParams, EvaluateResult, void>(EVALUATE_REQUEST);
export const DiffRequest = new RequestType<ContractParams, DiffResult, void>(DIFF_REQUEST);

export interface StartedServer {
  context: ServerContext;
  dispose(): void;
}

/** `base` with the valid options of `value` (initializationOptions, or the `sla` section of a configuration change). */
function readOptions(value: unknown, base: ServerOptions = DEFAULT_OPTIONS): ServerOptions {
  const options = { ...base };
  if (value && typeof value === "object") {
    const given = value as Record<string, unknown>;
    if (typeof given.debounceMs === "number" && given.debounceMs >= 0 && Number.isFinite(given.debounceMs))
      options.debounceMs = given.debounceMs;
    if (typeof given.checkWorkspace === "boolean") options.checkWorkspace = given.checkWorkspace;
    if (typeof given.declarationSnippets === "boolean") options.declarationSnippets = given.declarationSnippets;
    if (typeof given.eventsFile === "string") options.eventsFile = given.eventsFile.trim();
  }
  return options;
}

export function startServer(connection: Connection): StartedServer {
  const context: ServerContext = {
    connection,
    workspace: new Workspace(),
    options: { ...DEFAULT_OPTIONS },
    capabilities: {},
  };
  const { workspace } = context;
  const pipeline = new DiagnosticsPipeline(context);

  /** The handler's result, or `fallback` (and a log line) when it throws anything but a deliberate refusal. */
  const safe =
    <P, R>(name: string, handler: (params: P) => R, fallback: R) =>
    (params: P): R => {
      try {
        return handler(params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        connection.console.error(
          `sla: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        return fallback;
      }
    };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    context.capabilities = params.capabilities ?? {};
    context.options = readOptions(params.initializationOptions);
    workspace.checkFolders = context.options.checkWorkspace;
    workspace.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        completionProvider: { resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: "SLA" },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        selectionRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(
    safe(
      "initialized",
      () => {
        if (context.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
          void connection.client
            .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.sla" }] })
            .catch(() => undefined);
        }
        if (context.capabilities.workspace?.workspaceFolders) {
          connection.workspace.onDidChangeWorkspaceFolders(
            safe(
              "workspace folders",
              (event: WorkspaceFoldersChangeEvent) => {
                const removed = new Set(event.removed.map((f) => folderUri(f.uri)));
                const kept = workspace.folders.filter((f) => !removed.has(f));
                const dropped = workspace.setFolders([...kept, ...event.added.map((f) => f.uri)]);
                for (const uri of dropped) pipeline.touched(uri);
                scan();
              },
              undefined,
            ),
          );
        }
        scan();
      },
      undefined,
    ),
  );

  const scan = () => {
    if (!context.options.checkWorkspace) return;
    pipeline.checkAll(workspace.scan());
  };

  // Open documents. TextDocuments applies incremental changes; the workspace keeps the text.
  const documents = new TextDocuments(TextDocument);
  documents.onDidOpen(
    safe(
      "didOpen",
      (event) => {
        const uri = normalizeUri(event.document.uri);
        workspace.open(uri, event.document.version, event.document.getText());
        pipeline.touched(uri);
      },
      undefined,
    ),
  );
  documents.onDidChangeContent(
    safe(
      "didChange",
      (event) => {
        const uri = normalizeUri(event.document.uri);
        const open = workspace.documents.get(uri);
        if (open && open.version === event.document.version && open.text === event.document.getText()) return;
        workspace.change(uri, event.document.version, event.document.getText());
        pipeline.touched(uri);
      },
      undefined,
    ),
  );
  documents.onDidClose(
    safe(
      "didClose",
      (event) => {
        const uri = normalizeUri(event.document.uri);
        workspace.close(uri);
        pipeline.touched(uri);
      },
      undefined,
    ),
  );
  documents.listen(connection);

  connection.onDidChangeWatchedFiles(
    safe(
      "didChangeWatchedFiles",
      (params) => {
        for (const change of params.changes ?? []) {
          const uri = normalizeUri(change.uri);
          if (!isSlaUri(uri)) continue;
          workspace.diskChanged(uri, change.type !== FileChangeType.Deleted);
          pipeline.touched(uri);
        }
      },
      undefined,
    ),
  );

  connection.onCompletion(safe("completion", (p) => completion(context, p), { isIncomplete: false, items: [] }));
  connection.onHover(safe("hover", (p) => hover(context, p), null));
  connection.onDefinition(safe("definition", (p) => definition(context, p), null));
  connection.onReferences(safe("references", (p) => references(context, p), []));
  connection.onDocumentHighlight(safe("documentHighlight", (p) => documentHighlight(context, p), []));
  connection.onPrepareRename(safe("prepareRename", (p) => prepareRename(context, p), null));
  connection.onRenameRequest(safe("rename", (p) => rename(context, p), null));
  connection.onDocumentSymbol(safe("documentSymbol", (p) => documentSymbols(context, p), []));
  connection.onWorkspaceSymbol(safe("workspaceSymbol", (p) => workspaceSymbols(context, p), []));
  connection.onFoldingRanges(safe("foldingRange", (p) => foldingRanges(context, p), []));
  connection.onDocumentLinks(safe("documentLink", (p) => documentLinks(context, p), []));
  connection.onSelectionRanges(safe("selectionRange", (p) => selectionRanges(context, p), []));
  connection.onDocumentFormatting(safe("formatting", (p) => formatDocument(context, p), []));
  connection.onDocumentRangeFormatting(safe("rangeFormatting", (p) => formatRange(context, p), []));
  connection.languages.semanticTokens.on(safe("semanticTokens", (p) => semanticTokens(context, p), { data: [] }));
  connection.onCodeAction(safe("codeAction", (p) => codeActions(context, p), []));
  connection.languages.inlayHint.on(safe("inlayHint", (p) => inlayHints(context, p), []));
  connection.onCodeLens(safe("codeLens", (p) => codeLenses(context, p), []));

  // Options that change while running; `checkWorkspace` takes effect at the next start only.
  connection.onDidChangeConfiguration(
    safe(
      "didChangeConfiguration",
      (params) => {
        const settings = (params?.settings as { sla?: unknown } | null | undefined)?.sla;
        if (!settings || typeof settings !== "object") return;
        const { checkWorkspace } = context.options;
        const before = context.options.eventsFile;
        context.options = { ...readOptions(settings, context.options), checkWorkspace };
        if (context.options.eventsFile !== before && context.capabilities.workspace?.codeLens?.refreshSupport) {
          void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
        }
      },
      undefined,
    ),
  );

  connection.onRequest(PreviewRequest, (p: ContractParams): PreviewResult => {
    try {
      return preview(context, p);
    } catch (error) {
      connection.console.error(`sla: sla/preview failed: ${String(error)}`);
      return { error: `The preview failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  });
  connection.onRequest(BuildRequest, async (p: BuildParams): Promise<BuildResult> => {
    try {
      return await build(context, p);
    } catch (error) {
      return { error: `The build failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  });

  connection.onRequest(EvaluateRequest, async (p: EvaluateParams): Promise<EvaluateResult> => {
    try {
      return await evaluateContract(context, p);
    } catch (error) {
      connection.console.error(`sla: sla/evaluate failed: ${String(error)}`);
      return { error: `The evaluation failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  });

  connection.onRequest(DiffRequest, (p: ContractParams): DiffResult => {
    try {
      return diffWithHead(context, p);
    } catch (error) {
      connection.console.error(`sla: sla/diff failed: ${String(error)}`);
      return { error: `The comparison failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  });

  connection.onShutdown(() => pipeline.dispose());
  connection.listen();

  return {
    context,
    dispose: () => {
      pipeline.dispose();
      connection.dispose();
    },
  };
}
