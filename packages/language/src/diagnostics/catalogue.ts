/**
 * The one catalogue of diagnostics: stable code, default severity, a short title and a message
 * template with `{placeholders}`. Codes never change meaning; `docs/diagnostics.md` documents each,
 * and a test keeps the two in step with what the checker really produces.
 *
 * Ranges: SLA1xxx syntax, SLA2xxx names and imports, SLA3xxx structure, SLA4xxx values and units,
 * SLA5xxx credit tiers, SLA6xxx budget consistency.
 */
import type { Range } from "../syntax/ast.ts";
import type { Diagnostic, DiagnosticFix, RelatedLocation, Severity } from "./diagnostic.ts";

export interface DiagnosticDefinition {
  code: string;
  severity: Severity;
  title: string;
  message: string;
}

/** Every definition, including those that other modules register (the checker's). */
const registry = new Map<string, DiagnosticDefinition>();

/** Declares a family of diagnostics and registers it, so `sla explain` and the docs test see every code. */
export function defineDiagnostics<const T extends Record<string, DiagnosticDefinition>>(definitions: T): T {
  for (const definition of Object.values(definitions)) {
    const existing = registry.get(definition.code);
    if (existing && existing !== definition) throw new Error(`diagnostic code ${definition.code} defined twice`);
    registry.set(definition.code, definition);
  }
  return definitions;
}

export const Diagnostics = defineDiagnostics({
  // syntax
  unexpectedCharacter: {
    code: "SLA1001",
    severity: "error",
    title: "Unexpected character",
    message: "Unexpected character '{char}'.",
  },
  unterminatedString: {
    code: "SLA1002",
    severity: "error",
    title: "Unterminated string",
    message: 'This string has no closing quote (") before the end of the line.',
  },
  unterminatedTextBlock: {
    code: "SLA1003",
    severity: "error",
    title: "Unterminated text block",
    message: 'This text block has no closing """.',
  },
  unterminatedComment: {
    code: "SLA1004",
    severity: "error",
    title: "Unterminated comment",
    message: "This comment has no closing */.",
  },
  syntaxError: {
    code: "SLA1005",
    severity: "error",
    title: "Syntax error",
    message: "{message}",
  },
});

export type DiagnosticName = keyof typeof Diagnostics;

export function allDiagnosticDefinitions(): DiagnosticDefinition[] {
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export function diagnosticDefinition(code: string): DiagnosticDefinition | undefined {
  return registry.get(code.toUpperCase());
}

/**
 * Where the documentation of every code is published: `docs/diagnostics.md` in the repository,
 * one `## CODE: Title` section each (SARIF `helpUri`, LSP `codeDescription`). The repository's
 * public address is a placeholder until it is published; this is the one place that names it.
 */
export const DIAGNOSTICS_DOCUMENTATION_URL = "https://github.com/sla-toolchain/sla/blob/main/docs/diagnostics.md";

/** The link to a code's section, with the anchor GitHub gives the heading `## SLA2002: Unknown name`. */
export function diagnosticDocumentationUrl(code: string): string | undefined {
  const definition = diagnosticDefinition(code);
  if (!definition) return undefined;
  const anchor = `${definition.code} ${definition.title}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
  return `${DIAGNOSTICS_DOCUMENTATION_URL}#${anchor}`;
}

export function formatMessage(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}

export interface DiagnosticExtras {
  related?: RelatedLocation[];
  fixes?: DiagnosticFix[];
  severity?: Severity;
}

export function createDiagnostic(
  definition: DiagnosticDefinition,
  args: Record<string, string | number>,
  uri: string,
  range: Range,
  extras: DiagnosticExtras = {},
): Diagnostic {
  const diagnostic: Diagnostic = {
    code: definition.code,
    severity: extras.severity ?? definition.severity,
    message: formatMessage(definition.message, args),
    uri,
    range,
  };
  if (extras.related?.length) diagnostic.related = extras.related;
  if (extras.fixes?.length) diagnostic.fixes = extras.fixes;
  return diagnostic;
}
