/**
 * How the language core reads files without knowing about Node or editors: the CLI implements it
 * over the file system, the language server over open buffers first and the disk second.
 * Documents are named by URI (`file:///…`); imports resolve relative to the importing URI.
 */
export interface SourceHost {
  /** The document's text, or `undefined` when it does not exist or cannot be read. */
  readFile(uri: string): string | undefined;
  /** The URI an `import "path"` in `fromUri` refers to. Defaults to URL resolution. */
  resolveImport?(fromUri: string, path: string): string;
}

export function resolveImportUri(host: SourceHost, fromUri: string, path: string): string {
  if (host.resolveImport) return host.resolveImport(fromUri, path);
  try {
    return new URL(path, fromUri).href;
  } catch {
    return path;
  }
}

/** A host over a fixed set of documents: tests, the browser, and unsaved buffers. */
export function memoryHost(files: Record<string, string>): SourceHost {
  return { readFile: (uri) => files[uri] };
}
