/**
 * A program is a root document and everything it imports, transitively. Loading parses each file
 * once and records import failures; binding and checking happen in `check/`.
 */
import { createDiagnostic, type DiagnosticDefinition } from "../diagnostics/catalogue.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { NameDiagnostics } from "../check/codes.ts";
import { importsOf, type ImportDeclaration } from "../syntax/ast.ts";
import { type ParseResult, parse } from "../syntax/parse.ts";
import {
  fileNameOf,
  isUrlImport,
  MAX_SOURCE_BYTES,
  resolveImportUri,
  type SourceHost,
  UnreadableSourceError,
} from "./host.ts";

const SIZE_LIMIT = `${MAX_SOURCE_BYTES / (1024 * 1024)} MiB`;

/** Whether the text's UTF-8 encoding is over the limit; counted only when it could be. */
function exceedsSizeLimit(text: string): boolean {
  if (text.length > MAX_SOURCE_BYTES) return true;
  if (text.length * 3 <= MAX_SOURCE_BYTES) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // a surrogate pair is 4 bytes: 2 for each half
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes > MAX_SOURCE_BYTES;
}

export interface SourceFile {
  uri: string;
  text: string;
  parsed: ParseResult;
  /** URIs this file imports that were loaded, in source order. */
  imports: { declaration: ImportDeclaration; uri: string }[];
}

export interface LoadedProgram {
  root: string;
  /** Every loaded file, root first, in the order they were reached. */
  files: Map<string, SourceFile>;
  /** Import failures and syntax errors of every file. */
  diagnostics: Diagnostic[];
  /** True when an import could not be loaded: unresolved names may simply live in the missing file. */
  incomplete: boolean;
}

/** A cache of parsed files keyed by URI and text, so a server re-checking importers parses nothing twice. */
export type ParseCache = Map<string, ParseResult & { text: string }>;

export function loadProgram(rootUri: string, host: SourceHost, cache?: ParseCache): LoadedProgram {
  const files = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  let incomplete = false;

  const parseCached = (uri: string, text: string): ParseResult => {
    const hit = cache?.get(uri);
    if (hit && hit.text === text) return hit;
    // the checker reads no token: the list is made only if a caller asks (the server, for a cached file)
    const result = parse(text, uri, { lazyTokens: true });
    // a copy of the properties themselves, so that a token list not made yet is not made here
    cache?.set(
      uri,
      Object.defineProperties({ text }, Object.getOwnPropertyDescriptors(result)) as ParseResult & { text: string },
    );
    return result;
  };

  const read = (uri: string): string | undefined => {
    try {
      return host.readFile(uri);
    } catch {
      return undefined;
    }
  };

  const readImport = (uri: string): { text?: string; reason?: string } => {
    try {
      const text = host.readFile(uri);
      if (text !== undefined && exceedsSizeLimit(text))
        return { reason: `it is over the ${SIZE_LIMIT} limit for a contract` };
      return { text };
    } catch (error) {
      return error instanceof UnreadableSourceError ? { reason: error.reason } : {};
    }
  };

  const visit = (uri: string, text: string, stack: string[]) => {
    const parsed = parseCached(uri, text);
    const file: SourceFile = { uri, text, parsed, imports: [] };
    files.set(uri, file);
    diagnostics.push(...parsed.diagnostics);
    for (const declaration of importsOf(parsed.file)) {
      if (!declaration.path) continue;
      const path = declaration.path;
      // A failed import leaves the program incomplete: names it would have given are not reported.
      const unloadable = (definition: DiagnosticDefinition, reason = "") => {
        incomplete = true;
        diagnostics.push(createDiagnostic(definition, { path: path.value, reason }, uri, path.range));
      };
      if (isUrlImport(path.value)) {
        unloadable(NameDiagnostics.importUrl);
        continue;
      }
      // Resolve first, then judge what would be read: only a file whose name ends in .sla.
      const target = resolveImportUri(host, uri, path.value);
      const name = fileNameOf(target);
      if (name === undefined || !/\.sla$/i.test(name)) {
        unloadable(NameDiagnostics.importNotContract);
        continue;
      }
      if (target === uri || stack.includes(target)) {
        const from = target === uri ? [] : stack.slice(stack.indexOf(target));
        const chain = [...from, uri, target].map(shortName);
        diagnostics.push(createDiagnostic(NameDiagnostics.importCycle, { chain: chain.join(" → ") }, uri, path.range));
        continue;
      }
      if (files.has(target)) {
        file.imports.push({ declaration, uri: target });
        continue;
      }
      const imported = readImport(target);
      if (imported.text === undefined) {
        unloadable(imported.reason ? NameDiagnostics.importUnreadable : NameDiagnostics.missingImport, imported.reason);
        continue;
      }
      const importedText = imported.text;
      file.imports.push({ declaration, uri: target });
      visit(target, importedText, [...stack, uri]);
    }
  };

  visit(rootUri, read(rootUri) ?? "", []);
  return { root: rootUri, files, diagnostics, incomplete };
}

function shortName(uri: string): string {
  const slash = uri.lastIndexOf("/");
  return slash === -1 ? uri : uri.slice(slash + 1);
}
