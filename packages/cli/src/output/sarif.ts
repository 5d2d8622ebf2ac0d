/**
 * SARIF 2.1.0 (`--format sarif`), the format code scanning services read (GitHub's upload-sarif
 * among them): one run whose rules are the diagnostic catalogue, with documentation, and whose
 * results carry regions, related locations and fixes. Paths are relative to the working folder
 * (`%SRCROOT%`), so the log reads the same on any machine that checked the same tree.
 */
import { pathToFileURL } from "node:url";
import {
  allDiagnosticDefinitions,
  type DiagnosticDefinition,
  DIAGNOSTICS_DOCUMENTATION_URL,
  diagnosticDocumentationUrl,
  type Range,
  type Severity,
} from "@sla/language";
import { diagnosticDescription, diagnosticSection } from "./diagnostic-docs.ts";
import type { FileDiagnostic } from "./diagnostics.ts";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const SOURCE_ROOT = "%SRCROOT%";

type Level = "error" | "warning" | "note";

const levelOf = (severity: Severity): Level =>
  severity === "error" ? "error" : severity === "warning" ? "warning" : "note";

/** `Unknown name` → `UnknownName`: SARIF's rule name is one word a person can read. */
const ruleName = (title: string) =>
  title
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join("");

function rule(definition: DiagnosticDefinition) {
  const section = diagnosticSection(definition);
  return {
    id: definition.code,
    name: ruleName(definition.title),
    shortDescription: { text: definition.title },
    fullDescription: { text: diagnosticDescription(definition) },
    ...(section ? { help: { text: section, markdown: section } } : {}),
    helpUri: diagnosticDocumentationUrl(definition.code),
    defaultConfiguration: { level: levelOf(definition.severity) },
  };
}

function region(range: Range) {
  return {
    startLine: range.start.line,
    startColumn: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
  };
}

export interface SarifOptions {
  /** The folder relative paths start from (the working folder). */
  root: string;
  version: string;
  /** Inputs that could not be read: the run did not check everything it was asked to. */
  problems?: readonly string[];
}

export function sarifLog(items: FileDiagnostic[], options: SarifOptions) {
  const rootUri = pathToFileURL(options.root.endsWith("/") ? options.root : `${options.root}/`).href;
  const artifact = (uri: string) =>
    uri.startsWith(rootUri) ? { uri: uri.slice(rootUri.length), uriBaseId: SOURCE_ROOT } : { uri };
  const location = (uri: string, range: Range) => ({
    physicalLocation: { artifactLocation: artifact(uri), region: region(range) },
  });
  const definitions = allDiagnosticDefinitions();
  const ruleIndex = new Map(definitions.map((definition, index) => [definition.code, index]));

  const results = items.map(({ diagnostic }) => ({
    ruleId: diagnostic.code,
    ...(ruleIndex.has(diagnostic.code) ? { ruleIndex: ruleIndex.get(diagnostic.code) } : {}),
    level: levelOf(diagnostic.severity),
    message: { text: diagnostic.message },
    locations: [location(diagnostic.uri, diagnostic.range)],
    ...(diagnostic.related?.length
      ? {
          relatedLocations: diagnostic.related.map((related, id) => ({
            id,
            ...location(related.uri, related.range),
            message: { text: related.message },
          })),
        }
      : {}),
    ...(diagnostic.fixes?.length
      ? {
          fixes: diagnostic.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [...new Set(fix.edits.map((edit) => edit.uri))].map((uri) => ({
              artifactLocation: artifact(uri),
              replacements: fix.edits
                .filter((edit) => edit.uri === uri)
                .map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
            })),
          })),
        }
      : {}),
  }));

  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "sla",
            version: options.version,
            semanticVersion: options.version,
            informationUri: DIAGNOSTICS_DOCUMENTATION_URL,
            rules: definitions.map(rule),
          },
        },
        invocations: [
          {
            executionSuccessful: !options.problems?.length,
            toolExecutionNotifications: (options.problems ?? []).map((problem) => ({
              level: "error",
              message: { text: problem },
            })),
          },
        ],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: rootUri } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
}
