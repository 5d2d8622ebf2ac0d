/**
 * `SLA: Open Contract Preview`: a webview beside the editor showing the Markdown contract that the
 * language server renders for the document's program (`sla/preview`), re-rendered as the user types.
 */
import * as path from "node:path";
import MarkdownIt from "markdown-it";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { PREVIEW_REQUEST, type PreviewResult } from "@sla/language-server/protocol";

const UPDATE_DELAY_MS = 250;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The webview page: the rendered contract, themed with VS Code's colours; no scripts. */
export function renderPage(body: string, title: string, nonce: string, cspSource: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} https: data:; style-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-markdown-font-family, var(--vscode-font-family)); font-size: var(--vscode-markdown-font-size, 14px);
    line-height: 1.6; color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 26px 2em; max-width: 60em; }
  h1, h2, h3 { font-weight: 600; line-height: 1.25; }
  h1 { border-bottom: 1px solid var(--vscode-panel-border, #8884); padding-bottom: .3em; }
  table { border-collapse: collapse; margin: 1em 0; }
  th, td { border: 1px solid var(--vscode-panel-border, #8886); padding: 4px 10px; text-align: left; vertical-align: top; }
  th { background: var(--vscode-keybindingTable-headerBackground, #8881); }
  code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 1px 4px; border-radius: 3px; }
  blockquote { margin: 0; padding: 0 1em; border-left: 4px solid var(--vscode-textBlockQuote-border); }
  .sla-error { color: var(--vscode-errorForeground); }
</style>
</head>
<body class="sla-contract-preview">
${body}
</body>
</html>`;
}

/** A static page of Markdown in a webview panel's own HTML (the service report uses it too). */
export function markdownPage(panel: vscode.WebviewPanel, markdownText: string, title: string): string {
  return renderPage(markdown.render(markdownText), title, nonce(), panel.webview.cspSource);
}

function nonce(): string {
  let text = "";
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (let i = 0; i < 32; i++) text += chars.charAt(Math.floor(Math.random() * chars.length));
  return text;
}

class PreviewPanel {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private version = 0;

  constructor(
    readonly document: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly client: () => Promise<LanguageClient>,
  ) {}

  scheduleUpdate(delay = UPDATE_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  async update(): Promise<void> {
    const version = ++this.version;
    let body: string;
    try {
      const client = await this.client();
      const result = await client.sendRequest<PreviewResult>(PREVIEW_REQUEST, { uri: this.document.toString() });
      body =
        "markdown" in result
          ? markdown.render(result.markdown)
          : `<p class="sla-error">${escapeHtml(result.error ?? "No preview")}</p>`;
    } catch (error) {
      body = `<p class="sla-error">The contract could not be rendered: ${escapeHtml(String((error as Error)?.message ?? error))}</p>`;
    }
    if (version !== this.version) return; // a newer update is on its way
    const title = path.basename(this.document.fsPath);
    this.panel.webview.html = renderPage(body, title, nonce(), this.panel.webview.cspSource);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

export class ContractPreview implements vscode.Disposable {
  private static panels = new Map<string, PreviewPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => Promise<LanguageClient>,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        ContractPreview.panels.get(event.document.uri.toString())?.scheduleUpdate();
      }),
      // Other files of the program (imports) change the contract too.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document.languageId !== "sla") return;
        for (const panel of ContractPreview.panels.values()) panel.scheduleUpdate();
      }),
    );
  }

  /** The document of the preview that has the focus, if any. */
  static activeDocument(): vscode.Uri | undefined {
    for (const panel of ContractPreview.panels.values()) if (panel.panel.active) return panel.document;
    return undefined;
  }

  async show(document: vscode.Uri): Promise<vscode.WebviewPanel> {
    const key = document.toString();
    const existing = ContractPreview.panels.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      await existing.update();
      return existing.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      "sla.contractPreview",
      `Contract: ${path.basename(document.fsPath)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableFindWidget: true, localResourceRoots: [] },
    );
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, "images", "icon.png");
    const preview = new PreviewPanel(document, panel, this.client);
    ContractPreview.panels.set(key, preview);
    panel.onDidDispose(() => {
      preview.dispose();
      ContractPreview.panels.delete(key);
    });
    await preview.update();
    return panel;
  }

  refreshAll(): void {
    for (const panel of ContractPreview.panels.values()) panel.scheduleUpdate(0);
  }

  dispose(): void {
    for (const panel of ContractPreview.panels.values()) panel.panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
