/**
 * Code actions: the quick fixes the checker attaches to its diagnostics (`fixes`, e.g. "Change to
 * 'Availability'" for an unknown name, or reordering credit tiers), and "Create …" for a name that
 * is not declared: a skeleton declaration of the kind the place needs, at the end of the file.
 */
import {
  type CheckedProgram,
  type DeclarationKind,
  type Diagnostic,
  NameDiagnostics,
  propertyOf,
  type Reference,
  type SymbolEntry,
} from "@sla/language";
import { type CodeAction, CodeActionKind, type CodeActionParams } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { withArticle } from "../analysis/kinds.ts";
import { sameDiagnostic, toLspDiagnostic, toWorkspaceEdit } from "../workspace/convert.ts";
import type { TextView } from "../workspace/text.ts";
import { locate } from "./locate.ts";

export function codeActions(context: ServerContext, params: CodeActionParams): CodeAction[] {
  const only = params.context?.only;
  if (
    only &&
    !only.some(
      (kind) =>
        kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === "quickfix",
    )
  )
    return [];
  const located = locate(context, params.textDocument.uri);
  if (!located) return [];
  const { view, uri } = located;
  const program = context.workspace.program(uri);
  const start = view.offsetAt(params.range.start);
  const end = view.offsetAt(params.range.end);
  const fromClient = params.context?.diagnostics ?? [];
  const relevant = program.diagnostics.filter(
    (d) =>
      d.uri === uri &&
      ((d.range.start.offset <= end && d.range.end.offset >= start) || fromClient.some((c) => sameDiagnostic(c, d))),
  );
  const actions: CodeAction[] = [];
  for (const diagnostic of relevant) {
    for (const fix of diagnostic.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(diagnostic)],
        isPreferred: fix.preferred === true,
        edit: toWorkspaceEdit(fix.edits),
      });
    }
    if (diagnostic.code === NameDiagnostics.unresolvedName.code) {
      const action = createDeclaration(program, view, diagnostic);
      if (action) actions.push(action);
    }
  }
  return actions;
}

function createDeclaration(program: CheckedProgram, view: TextView, diagnostic: Diagnostic): CodeAction | undefined {
  const reference = program.references.find(
    (r) => r.uri === diagnostic.uri && r.identifier.range.start.offset === diagnostic.range.start.offset && !r.target,
  );
  if (!reference) return undefined;
  const name = reference.identifier.text;
  const body = skeleton(program, reference);
  if (!body) return undefined;
  const text = view.text;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const separator = text.length === 0 ? "" : text.endsWith(`${eol}${eol}`) ? "" : text.endsWith(eol) ? eol : eol + eol;
  const declaration = `${reference.expected} ${name} "${title(name)}" {${eol}${body.map((line) => `  ${line}${eol}`).join("")}}${eol}`;
  const endPosition = view.positionAt(text.length);
  return {
    title: `Create ${withArticle(reference.expected)} '${name}' at the end of the file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLspDiagnostic(diagnostic)],
    edit: {
      changes: {
        [diagnostic.uri]: [{ range: { start: endPosition, end: endPosition }, newText: separator + declaration }],
      },
    },
  };
}

/** "ApiLatency" → "Api latency": a title to edit, better than none. */
function title(name: string): string {
  const words = name
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .split(/\s+/);
  return words.map((w, i) => (i === 0 ? w : /^[A-Z]+$/.test(w) ? w : w.toLowerCase())).join(" ");
}

function firstOfKind(
  program: CheckedProgram,
  kind: DeclarationKind,
  test: (symbol: SymbolEntry) => boolean = () => true,
): string | undefined {
  for (const symbol of program.symbols.values()) if (symbol.kind === kind && test(symbol)) return symbol.name;
  return undefined;
}

/** The properties of a new declaration of the kind `reference` needs, filled from what the contract has. */
function skeleton(program: CheckedProgram, reference: Reference): string[] | undefined {
  const kind: DeclarationKind = reference.expected;
  switch (kind) {
    case "party":
      return [`role ${reference.property.kind === "provider" ? "provider" : "customer"}`];
    case "calendar":
      return ["monday to friday 09:00 to 17:00"];
    case "service": {
      const lines: string[] = [];
      const provider = firstOfKind(program, "party", (s) => hasRole(s, "provider"));
      const customer = firstOfKind(program, "party", (s) => hasRole(s, "customer"));
      if (provider) lines.push(`provider ${provider}`);
      if (customer) lines.push(`customer ${customer}`);
      lines.push("hours 24x7");
      return lines;
    }
    case "metric": {
      const service = firstOfKind(program, "service");
      return [...(service ? [`service ${service}`] : []), "type availability"];
    }
    case "objective": {
      const metric = firstOfKind(program, "metric");
      return [...(metric ? [`metric ${metric}`] : []), "target at least 99.9% per calendar month"];
    }
    default:
      return undefined;
  }
}

function hasRole(symbol: SymbolEntry, role: string): boolean {
  return symbol.declaration.kind === "party" && propertyOf(symbol.declaration, "role")?.role === role;
}
