/**
 * What the server knows about the files of the workspace: open documents (their text wins), the
 * `.sla` files of the workspace folders on disk, one parse cache shared by every check, and one
 * checked program per root file, kept while none of the files it read has changed.
 *
 * Every `.sla` file that is open or lies in a workspace folder is the root of its own program
 * (itself and what it imports), as `sla check FILE` would see it. A file's diagnostics are those
 * that the programs it takes part in report about it.
 *
 * Nothing here knows about LSP; the features convert.
 */
import { type Dirent, readdirSync, type Stats, statSync } from "node:fs";
import { join } from "node:path";
import {
  type CheckedProgram,
  checkProgram,
  importsOf,
  MAX_SOURCE_BYTES,
  type ParseCache,
  type ParsedDocument,
  type ParseResult,
  parse,
  reparseDocument,
  resolveImportUri,
  type SourceHost,
  UnreadableSourceError,
} from "@sla/language";
import { FileError, normalizeUri, notAFile, pathToUri, readTextFile, uriToPath } from "@sla/node";
import { TextView } from "./text.ts";

export interface OpenDocument {
  uri: string;
  version: number;
  text: string;
  parsed?: ParsedDocument;
}

export interface ProgramEntry {
  program: CheckedProgram;
  /** The revision of every file the check read or looked for (missing imports included). */
  revisions: Map<string, number>;
}

interface DiskEntry {
  mtimeMs: number;
  size: number;
  text?: string;
  /** Why the file cannot be read as a contract (a directory, a device, a binary file…). */
  unreadable?: string;
}

/** At most this many files are taken from the workspace folders; a folder of contracts is smaller. */
const MAX_WORKSPACE_FILES = 10_000;
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", "out", "build"]);

export function isSlaUri(uri: string): boolean {
  return /\.sla$/i.test(uri.split(/[?#]/)[0]);
}

// the server's form of a `file:` URI, whatever form the client sent, is @sla/node's
export { normalizeUri, uriToPath };

/** A folder's URI in the server's form, ending with `/`. */
export function folderUri(uri: string): string {
  const normal = normalizeUri(uri);
  return normal.endsWith("/") ? normal : `${normal}/`;
}

export class Workspace {
  readonly documents = new Map<string, OpenDocument>();
  readonly parseCache: ParseCache = new Map();
  /** Folders as `file:` URIs ending with `/`. */
  folders: string[] = [];
  /** Whether the `.sla` files of the folders are part of the workspace even when not open. */
  checkFolders = true;
  private readonly workspaceFiles = new Set<string>();
  private readonly disk = new Map<string, DiskEntry>();
  private readonly revisions = new Map<string, number>();
  private revisionCounter = 0;
  private readonly programs = new Map<string, ProgramEntry>();

  readonly host: SourceHost = {
    readFile: (uri) => {
      const text = this.readFile(uri);
      // what the CLI says of the same file: binary, special and oversized imports are reported
      const unreadable = text === undefined ? this.disk.get(uri)?.unreadable : undefined;
      if (unreadable) throw new UnreadableSourceError(unreadable);
      return text;
    },
  };

  // ------------------------------------------------------------------------------------------
  // Changes

  open(uri: string, version: number, text: string): void {
    this.documents.set(uri, { uri, version, text });
    this.bump(uri);
  }

  change(uri: string, version: number, text: string): void {
    const document = this.documents.get(uri);
    if (!document) {
      this.open(uri, version, text);
      return;
    }
    document.version = version;
    document.text = text;
    this.bump(uri);
  }

  close(uri: string): void {
    this.documents.delete(uri);
    this.bump(uri);
    // A file of a workspace folder stays, as it is on disk: also one saved while open, which the
    // scan did not see; one deleted while open does not.
    const onDisk = this.readDisk(uri) !== undefined;
    if (onDisk && this.checkFolders && isSlaUri(uri) && this.inFolders(uri)) this.workspaceFiles.add(uri);
    if (!onDisk) this.workspaceFiles.delete(uri);
    if (!this.inWorkspace(uri)) this.programs.delete(uri);
  }

  /** A file changed, appeared or disappeared on disk (workspace/didChangeWatchedFiles). */
  diskChanged(uri: string, exists: boolean): void {
    this.disk.delete(uri);
    if (exists && this.checkFolders && isSlaUri(uri) && this.inFolders(uri)) this.workspaceFiles.add(uri);
    if (!exists) this.workspaceFiles.delete(uri);
    if (!this.documents.has(uri)) this.bump(uri);
    if (!this.inWorkspace(uri)) this.programs.delete(uri);
  }

  /** Sets the workspace folders; returns the files that are no longer in the workspace. */
  setFolders(folders: string[]): string[] {
    this.folders = [...new Set(folders.map(folderUri))];
    const dropped = [...this.workspaceFiles].filter((uri) => !this.inFolders(uri));
    for (const uri of dropped) this.workspaceFiles.delete(uri);
    return dropped;
  }

  /** Finds the `.sla` files of the workspace folders; returns them. */
  scan(): string[] {
    const found: string[] = [];
    const visit = (dir: string) => {
      if (found.length >= MAX_WORKSPACE_FILES) return;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (entry.isFile() && /\.sla$/i.test(entry.name) && found.length < MAX_WORKSPACE_FILES)
          found.push(pathToUri(path));
      }
    };
    for (const folder of this.folders) {
      const path = uriToPath(folder);
      if (path) visit(path);
    }
    for (const uri of found) this.workspaceFiles.add(uri);
    return found;
  }

  private bump(uri: string): void {
    this.revisions.set(uri, ++this.revisionCounter);
  }

  revision(uri: string): number {
    return this.revisions.get(uri) ?? 0;
  }

  // ------------------------------------------------------------------------------------------
  // Reading

  private inFolders(uri: string): boolean {
    return this.folders.some((folder) => uri.startsWith(folder));
  }

  /**
   * Open documents and the `.sla` files of the workspace folders: their diagnostics are shown, and
   * each is checked as the root of a program of its own.
   */
  inWorkspace(uri: string): boolean {
    return this.documents.has(uri) || this.workspaceFiles.has(uri);
  }

  roots(): string[] {
    return [...new Set([...this.documents.keys(), ...this.workspaceFiles])];
  }

  readFile(uri: string): string | undefined {
    const document = this.documents.get(uri);
    if (document) {
      this.parsedOpen(document);
      return document.text;
    }
    return this.readDisk(uri);
  }

  /** A file's text on disk, read as the CLI reads it (through @sla/node), cached by modification time and size. */
  private readDisk(uri: string): string | undefined {
    const path = uriToPath(uri);
    if (path === undefined) return undefined;
    let stat: Stats | undefined;
    try {
      stat = statSync(path, { throwIfNoEntry: false });
    } catch {
      // a parent folder cannot be searched: as good as missing
    }
    if (!stat) {
      if (this.disk.delete(uri)) this.bump(uri);
      return undefined;
    }
    const cached = this.disk.get(uri);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.text;
    const entry: DiskEntry = { mtimeMs: stat.mtimeMs, size: stat.size };
    if (!/\.sla$/i.test(path)) entry.unreadable = "only .sla files can be imported";
    else if (notAFile(stat)) entry.unreadable = notAFile(stat);
    else {
      try {
        entry.text = readTextFile(path, MAX_SOURCE_BYTES);
      } catch (error) {
        if (!(error instanceof FileError) || error.missing) return undefined;
        entry.unreadable = error.reason;
      }
    }
    if (cached && (cached.text !== entry.text || cached.unreadable !== entry.unreadable)) this.bump(uri);
    this.disk.set(uri, entry);
    return entry.text;
  }

  /** The text of a document, open or on disk. */
  text(uri: string): string | undefined {
    return this.documents.get(uri)?.text ?? this.readDisk(uri);
  }

  view(uri: string): TextView | undefined {
    const document = this.documents.get(uri);
    if (document) return new TextView(uri, document.text, this.parsedOpen(document).lineStarts);
    const text = this.readDisk(uri);
    return text === undefined ? undefined : new TextView(uri, text);
  }

  /** The parse of an open document, re-using the parse of its previous text. */
  private parsedOpen(document: OpenDocument): ParsedDocument {
    if (document.parsed?.text === document.text) return document.parsed;
    const parsed = reparseDocument(document.parsed, document.uri, document.text);
    document.parsed = parsed;
    this.parseCache.set(document.uri, { ...parsed.result, text: document.text });
    return parsed;
  }

  /** The parse of any document: incremental for open ones, cached for the others. */
  parsed(uri: string): ParseResult | undefined {
    const document = this.documents.get(uri);
    if (document) return this.parsedOpen(document).result;
    const text = this.readDisk(uri);
    if (text === undefined) return undefined;
    const hit = this.parseCache.get(uri);
    if (hit && hit.text === text) return hit;
    const result = parse(text, uri);
    this.parseCache.set(uri, { ...result, text });
    return result;
  }

  // ------------------------------------------------------------------------------------------
  // Programs

  /** The checked program rooted at `uri`, re-checked when any file it read has changed since. */
  program(uri: string): CheckedProgram {
    return this.programEntry(uri).program;
  }

  programEntry(uri: string): ProgramEntry {
    const cached = this.programs.get(uri);
    if (cached && this.isFresh(cached)) return cached;
    const program = checkProgram(uri, this.host, this.parseCache);
    const revisions = new Map<string, number>();
    for (const dependency of this.dependencies(program)) revisions.set(dependency, this.revision(dependency));
    const entry = { program, revisions };
    this.programs.set(uri, entry);
    return entry;
  }

  /** The checked program of `uri` as last computed, even if a file changed since; computes it if there is none. */
  latestProgram(uri: string): CheckedProgram {
    return this.programs.get(uri)?.program ?? this.program(uri);
  }

  isFresh(entry: ProgramEntry): boolean {
    for (const [uri, revision] of entry.revisions) if (this.revision(uri) !== revision) return false;
    return true;
  }

  /** Every file a program read, and every file it looked for and did not find. */
  private dependencies(program: CheckedProgram): Set<string> {
    const result = new Set<string>([program.root]);
    for (const [uri, file] of program.files) {
      result.add(uri);
      for (const declaration of importsOf(file.parsed.file)) {
        if (declaration.path) result.add(resolveImportUri(this.host, uri, declaration.path.value));
      }
    }
    return result;
  }

  /** Roots whose program read (or looked for) `uri`, and `uri` itself when it is a root. */
  rootsDependingOn(uri: string): string[] {
    const roots = new Set<string>();
    if (this.inWorkspace(uri)) roots.add(uri);
    for (const [root, entry] of this.programs) if (entry.revisions.has(uri)) roots.add(root);
    return [...roots];
  }

  /** The fresh programs of every root that takes `uri` in: for references and renames across files. */
  programsContaining(uri: string): CheckedProgram[] {
    const result: CheckedProgram[] = [];
    for (const root of this.roots()) {
      const program = this.program(root);
      if (program.files.has(uri)) result.push(program);
    }
    if (result.length === 0 && this.text(uri) !== undefined) result.push(this.program(uri));
    return result;
  }

  forgetProgram(root: string): void {
    this.programs.delete(root);
  }
}
