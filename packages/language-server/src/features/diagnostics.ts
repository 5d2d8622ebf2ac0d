/**
 * Diagnostics as you type. An edit marks dirty every root whose program read the edited file (the
 * file itself, and the files that import it); after a quiet `debounceMs` the dirty roots are
 * checked one at a time, open documents first, yielding to the event loop between programs. An
 * edit that arrives meanwhile restarts the wait, and the run in progress stops at its next program:
 * work for an outdated text is dropped, not finished. A program's result is only published for
 * files whose text has not changed since the check read them.
 *
 * A file's diagnostics are the union of what every program it takes part in reports about it, each
 * diagnostic once; they are published with the document's version when it is open.
 */
import type { Diagnostic } from "@sla/language";
import type { ServerContext } from "../context.ts";
import { diagnosticKey, toLspDiagnostic } from "../workspace/convert.ts";

const EMPTY = "[]";

interface Contribution {
  revisions: Map<string, number>;
  byUri: Map<string, Diagnostic[]>;
}

export class DiagnosticsPipeline {
  private readonly dirty = new Set<string>();
  private readonly contributions = new Map<string, Contribution>();
  /** What each file's last publication said, to clear it and to skip saying the same again. */
  private readonly shown = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private disposed = false;

  constructor(private readonly context: ServerContext) {}

  /** `uri` changed (edited, opened, closed, saved on disk, created or deleted). */
  touched(uri: string): void {
    for (const root of this.context.workspace.rootsDependingOn(uri)) this.dirty.add(root);
    if (!this.context.workspace.inWorkspace(uri)) {
      this.forgetRoot(uri);
      this.clear(uri);
    }
    this.schedule();
  }

  /** Check these roots (the workspace scan). */
  checkAll(roots: string[]): void {
    for (const root of roots) this.dirty.add(root);
    this.schedule();
  }

  private schedule(): void {
    if (this.disposed) return;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    const generation = this.generation;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run(generation);
    }, this.context.options.debounceMs);
  }

  private async run(generation: number): Promise<void> {
    while (this.dirty.size > 0 && !this.disposed) {
      if (generation !== this.generation) return;
      const root = this.next();
      this.dirty.delete(root);
      try {
        this.check(root);
      } catch (error) {
        this.context.connection.console.error(`sla: checking ${root} failed: ${String(error)}`);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Open documents first, then the rest in the order they became dirty. */
  private next(): string {
    for (const uri of this.context.workspace.documents.keys()) if (this.dirty.has(uri)) return uri;
    return this.dirty.values().next().value as string;
  }

  private check(root: string): void {
    const { workspace } = this.context;
    if (!workspace.inWorkspace(root)) {
      this.forgetRoot(root);
      return;
    }
    const entry = workspace.programEntry(root);
    const byUri = new Map<string, Diagnostic[]>();
    for (const diagnostic of entry.program.diagnostics) {
      const list = byUri.get(diagnostic.uri);
      if (list) list.push(diagnostic);
      else byUri.set(diagnostic.uri, [diagnostic]);
    }
    const previous = this.contributions.get(root);
    this.contributions.set(root, { revisions: entry.revisions, byUri });
    const affected = new Set<string>([root, ...byUri.keys(), ...(previous?.byUri.keys() ?? [])]);
    for (const uri of affected) this.publish(uri);
  }

  private forgetRoot(root: string): void {
    const previous = this.contributions.get(root);
    if (!previous) return;
    this.contributions.delete(root);
    for (const uri of previous.byUri.keys()) this.publish(uri);
  }

  private clear(uri: string): void {
    const previous = this.shown.get(uri);
    this.shown.delete(uri);
    if (previous === undefined || previous === EMPTY) return;
    void this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private publish(uri: string): void {
    const { workspace } = this.context;
    if (!workspace.inWorkspace(uri)) {
      this.clear(uri);
      return;
    }
    const revision = workspace.revision(uri);
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    for (const contribution of this.contributions.values()) {
      // A program that read an older text of this file: its ranges may no longer fit.
      if (contribution.revisions.get(uri) !== revision) continue;
      for (const diagnostic of contribution.byUri.get(uri) ?? []) {
        const key = diagnosticKey(diagnostic);
        if (seen.has(key)) continue;
        seen.add(key);
        diagnostics.push(diagnostic);
      }
    }
    // Nothing fresh to say about a file whose own program has not been checked since it changed.
    const own = this.contributions.get(uri);
    if (!own || own.revisions.get(uri) !== revision) return;
    diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset || a.code.localeCompare(b.code));
    const version = workspace.documents.get(uri)?.version;
    const lsp = diagnostics.map(toLspDiagnostic);
    // An importer's re-check says the same about an unchanged file: only a new version or new news is sent.
    const said = version === undefined && lsp.length === 0 ? EMPTY : JSON.stringify([version, lsp]);
    if (this.shown.get(uri) === said) return;
    this.shown.set(uri, said);
    void this.context.connection.sendDiagnostics({ uri, version, diagnostics: lsp });
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
