/**
 * How the language core reads files without knowing about Node or editors: the CLI implements it
 * over the file system, the language server over open buffers first and the disk second.
 * Documents are named by URI (`file:///…`); imports resolve relative to the importing URI.
 */
export interface SourceHost {
  /**
   * The document's text, or `undefined` when it does not exist. A document that exists but cannot
   * be read as a contract (a directory, a device, a binary file…) throws an `UnreadableSourceError`.
   */
  readFile(uri: string): string | undefined;
  /** The URI an `import "path"` in `fromUri` refers to. Defaults to `importTarget`. */
  resolveImport?(fromUri: string, path: string): string;
}

/** The largest contract read, in bytes (UTF-8): hosts stop reading there, and loading refuses longer texts. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/** Thrown by a host for a document that exists but is not a contract it can read; `reason` says why. */
export class UnreadableSourceError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "UnreadableSourceError";
  }
}

/** `file:`, `https:`, `data:`… (a single letter is a Windows drive, which is a path). */
const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

export function isUrlImport(path: string): boolean {
  return URL_SCHEME.test(path);
}

/**
 * An import's string is a file path, never a URL: `%`, `?` and `#` are characters of the file
 * name, so nothing after them is dropped on the way to the disk.
 */
export function importTarget(fromUri: string, path: string): string {
  const escaped = path.replace(/[%?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  try {
    return new URL(escaped, fromUri).href;
  } catch {
    return path;
  }
}

export function resolveImportUri(host: SourceHost, fromUri: string, path: string): string {
  return host.resolveImport ? host.resolveImport(fromUri, path) : importTarget(fromUri, path);
}

/** The file name a resolved URI reads (decoded), or undefined when it names no file: a query or fragment. */
export function fileNameOf(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return uri.includes("?") || uri.includes("#") ? undefined : uri.slice(uri.lastIndexOf("/") + 1);
  }
  if (url.search || url.hash) return undefined;
  const name = url.pathname.slice(url.pathname.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return undefined;
  }
}

/**
 * A host over a fixed set of documents: tests, the browser, and unsaved buffers. A URI that other
 * documents lie under (`lib.sla` of `lib.sla/a.sla`) is a folder, as on disk.
 */
export function memoryHost(files: Record<string, string>): SourceHost {
  return {
    readFile(uri) {
      if (Object.hasOwn(files, uri)) return files[uri];
      const folder = uri.endsWith("/") ? uri : `${uri}/`;
      if (Object.keys(files).some((key) => key.startsWith(folder)))
        throw new UnreadableSourceError("it is a directory, not a file");
      return undefined;
    },
  };
}
