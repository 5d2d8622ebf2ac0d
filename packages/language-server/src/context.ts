/** What every feature may use: the connection, the workspace model, the options and what the client can do. */
import type { ClientCapabilities, Connection } from "vscode-languageserver";
import type { Workspace } from "./workspace/workspace.ts";

export interface ServerOptions {
  /** Delay between the last edit and re-checking, in milliseconds. `initializationOptions.debounceMs`. */
  debounceMs: number;
  /** Whether to check the `.sla` files of the workspace folders that are not open. `initializationOptions.checkWorkspace`. */
  checkWorkspace: boolean;
  /**
   * Whether completion offers whole declarations as snippets. `initializationOptions.declarationSnippets`;
   * the VS Code extension turns it off because it contributes the same snippets itself.
   */
  declarationSnippets: boolean;
  /**
   * The observed data the client evaluates contracts against (a path, as the user wrote it), or
   * empty. When set, objectives get an "Evaluate…" code lens. `initializationOptions.eventsFile`,
   * or later `workspace/didChangeConfiguration` with `{ settings: { sla: { eventsFile } } }`.
   */
  eventsFile: string;
}

export const DEFAULT_OPTIONS: ServerOptions = {
  debounceMs: 150,
  checkWorkspace: true,
  declarationSnippets: true,
  eventsFile: "",
};

export interface ServerContext {
  connection: Connection;
  workspace: Workspace;
  options: ServerOptions;
  capabilities: ClientCapabilities;
}
