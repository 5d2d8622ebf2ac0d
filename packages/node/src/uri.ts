/**
 * `file:` URIs and paths, for the Node front ends (the CLI and the language server). The language
 * names documents by URI; these turn them into the paths the disk knows and back. Pure string
 * helpers on URIs (relative paths for the bundle) are in `@sla/language`, usable in a browser.
 */
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** A path, absolute or relative to the working directory, as a `file:` URI. */
export function pathToUri(path: string): string {
  return pathToFileURL(resolve(path)).href;
}

/** The path a `file:` URI names; undefined for another scheme or one that names no local path. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** One form for a `file:` URI, whatever form it came in (`c%3A` or `C:`, …); other URIs as they are. */
export function normalizeUri(uri: string): string {
  const path = uriToPath(uri);
  if (path === undefined) return uri;
  try {
    return pathToFileURL(path).href;
  } catch {
    return uri;
  }
}
