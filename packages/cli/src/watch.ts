/**
 * Watching files through their folders, for `build --watch`: a file that is deleted and created
 * again (as many editors save), or an import that does not exist yet, is still seen. A folder that
 * is itself missing is watched through the nearest folder above it that exists.
 */
import { existsSync, type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";

/** In a folder watched for a missing subfolder, any change may be the one that matters. */
const ANY = "";

export class FolderWatch {
  private readonly watchers = new Map<string, { watcher: FSWatcher; names: Set<string> }>();

  constructor(private readonly onChange: () => void) {}

  /** Watches exactly these files from now on; folders watched already stay watched, so no change falls in a gap. */
  watchFiles(files: string[]): void {
    const wanted = new Map<string, Set<string>>();
    for (const file of files) {
      let folder = dirname(file);
      let name = basename(file);
      while (!existsSync(folder) && dirname(folder) !== folder) {
        name = ANY;
        folder = dirname(folder);
      }
      const names = wanted.get(folder) ?? new Set<string>();
      names.add(name);
      wanted.set(folder, names);
    }
    for (const [folder, entry] of this.watchers) {
      if (!wanted.has(folder)) {
        entry.watcher.close();
        this.watchers.delete(folder);
      }
    }
    for (const [folder, names] of wanted) {
      const current = this.watchers.get(folder);
      if (current) {
        current.names = names;
        continue;
      }
      try {
        const entry = { watcher: watch(folder), names };
        entry.watcher.on("change", (_event, filename) => {
          const name = filename?.toString();
          if (name === undefined || entry.names.has(ANY) || entry.names.has(name) || !existsSync(folder))
            this.onChange();
        });
        // the folder went away: what is watched is worked out again
        entry.watcher.on("error", () => {
          entry.watcher.close();
          this.watchers.delete(folder);
          this.onChange();
        });
        this.watchers.set(folder, entry);
      } catch {
        // it vanished between the check and the watch; the next change of its parent brings it back
      }
    }
  }

  close(): void {
    for (const entry of this.watchers.values()) entry.watcher.close();
    this.watchers.clear();
  }
}
