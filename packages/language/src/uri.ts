/**
 * Relative paths between document URIs, as pure strings (no `node:path`): the compiler names each
 * rule's source file with them, in a browser too.
 * `file:///work/contracts/common/parties.sla` relative to the folder of
 * `file:///work/contracts/hosting.sla` is `common/parties.sla`; a file outside that folder gets
 * `../` segments; a document of another scheme or authority (an unsaved buffer) keeps its URI.
 */

interface SplitUri {
  /** `file://` plus authority: what must be equal for a relative path to make sense. */
  base: string;
  segments: string[];
}

function splitUri(uri: string): SplitUri | undefined {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)$/.exec(uri);
  if (!match) return undefined;
  const segments = match[2].split("/").slice(1).map(decodeSegment);
  return { base: match[1].toLowerCase(), segments };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A Windows drive letter compares without case (`file:///C:/` and `file:///c%3A/`). */
function sameSegment(a: string, b: string, index: number): boolean {
  if (a === b) return true;
  return index === 0 && /^[a-zA-Z]:$/.test(a) && a.toLowerCase() === b.toLowerCase();
}

/** The folder of a document URI, with a trailing `/`. */
export function folderOf(uri: string): string {
  const slash = uri.lastIndexOf("/");
  return slash === -1 ? uri : uri.slice(0, slash + 1);
}

/** A folder given as a `file:` URI, an absolute POSIX path or a Windows path, as a URI ending in `/`. */
export function pathToFolderUri(folder: string): string {
  let uri: string;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(folder)) uri = folder;
  else {
    const slashed = folder.replace(/\\/g, "/");
    const absolute = /^[a-zA-Z]:\//.test(slashed) ? `/${slashed}` : slashed;
    uri = `file://${absolute
      .split("/")
      .map((segment, i) => (i === 1 && /^[a-zA-Z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
      .join("/")}`;
  }
  return uri.endsWith("/") ? uri : `${uri}/`;
}

/** The path of `uri` relative to a folder URI (ending in `/`), with `/` separators. */
export function relativeToFolder(folderUri: string, uri: string): string {
  const root = splitUri(folderUri.endsWith("/") ? folderUri : `${folderUri}/`);
  const target = splitUri(uri);
  if (!root || !target || root.base !== target.base) return uri;
  const folder = root.segments.slice(0, -1);
  let common = 0;
  while (
    common < folder.length &&
    common < target.segments.length - 1 &&
    sameSegment(folder[common], target.segments[common], common)
  ) {
    common++;
  }
  const up = folder.slice(common).map(() => "..");
  return [...up, ...target.segments.slice(common)].join("/");
}

/** The path of `uri` relative to the folder that holds `rootUri`. */
export function relativeSourcePath(rootUri: string, uri: string): string {
  return relativeToFolder(folderOf(rootUri), uri);
}

/** The last segment of a URI, decoded, without query or fragment: `file:///x/my%20parties.sla` → `my parties.sla`. */
export function uriFileName(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  const last = path.slice(path.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
