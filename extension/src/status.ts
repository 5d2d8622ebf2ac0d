/**
 * The status bar item: the language server's state (starting, ready, stopped with an error) and the
 * number of errors the server reports across the workspace. A click opens the Problems panel.
 */
import * as vscode from "vscode";
import { type LanguageClient, State } from "vscode-languageclient/node";

export type ServerState = "starting" | "ready" | "error";

/** What the item says: its text, tooltip and accessible label. */
export function statusText(state: ServerState, errors: number): { text: string; tooltip: string } {
  const count = errors === 1 ? "1 error" : `${errors} errors`;
  switch (state) {
    case "starting":
      return { text: "$(sync~spin) SLA", tooltip: "SLA language server: starting" };
    case "error":
      return {
        text: "$(error) SLA: server stopped",
        tooltip: "SLA language server: stopped. Run 'SLA: Restart Language Server' or see its output.",
      };
    case "ready":
      return {
        text: errors === 0 ? "$(check) SLA" : `$(error) SLA: ${count}`,
        tooltip: `SLA language server: ready — ${count} in the workspace. Click to show the Problems panel.`,
      };
  }
}

/** Errors published by the SLA server (`source: "sla"`), over every file. */
function slaErrorCount(): number {
  let errors = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const d of diagnostics) if (d.source === "sla" && d.severity === vscode.DiagnosticSeverity.Error) errors++;
  }
  return errors;
}

export class ServerStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("sla.status", vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];
  private state: ServerState = "starting";
  private clientSubscription: vscode.Disposable | undefined;

  constructor() {
    this.item.name = "SLA Language Server";
    this.item.command = "sla.showProblems";
    this.subscriptions.push(vscode.languages.onDidChangeDiagnostics(() => this.render()));
    this.render();
    this.item.show();
  }

  /** Follows this client's state (again after a restart creates a new one). */
  follow(client: LanguageClient): void {
    this.clientSubscription?.dispose();
    this.clientSubscription = client.onDidChangeState((event) => {
      if (event.newState === State.Starting) this.set("starting");
      else if (event.newState === State.Running) this.set("ready");
      else this.set("error");
    });
    this.set(client.state === State.Running ? "ready" : "starting");
  }

  set(state: ServerState): void {
    this.state = state;
    this.render();
  }

  private render(): void {
    const { text, tooltip } = statusText(this.state, slaErrorCount());
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: tooltip };
    this.item.backgroundColor =
      this.state === "error" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  }

  dispose(): void {
    this.clientSubscription?.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
