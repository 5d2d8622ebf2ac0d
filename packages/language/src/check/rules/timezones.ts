/**
 * Time-zone names, validated the way Node and browsers will later use them: the zones that
 * `Intl.supportedValuesOf('timeZone')` lists, `UTC` and the `Etc/` zones (which that list leaves
 * out), and any other name that `Intl.DateTimeFormat` accepts (aliases such as `Europe/Kyiv` that
 * an older ICU does not list). No Node import: the checker also runs in the browser.
 */
let listed: Set<string> | undefined;
const verdicts = new Map<string, boolean>();

const ETC = [
  "UTC",
  "Etc/UTC",
  "Etc/UCT",
  "Etc/GMT",
  "Etc/GMT0",
  "Etc/GMT+0",
  "Etc/GMT-0",
  "Etc/Greenwich",
  "Etc/Universal",
  "Etc/Zulu",
  ...Array.from({ length: 12 }, (_, i) => `Etc/GMT+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `Etc/GMT-${i + 1}`),
];

export function listedTimeZones(): Set<string> {
  if (!listed) {
    let supported: string[] = [];
    try {
      supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
    } catch {
      supported = [];
    }
    listed = new Set([...supported, ...ETC]);
  }
  return listed;
}

export function isTimeZone(name: string): boolean {
  if (name === "" || name.trim() !== name) return false;
  if (listedTimeZones().has(name)) return true;
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: name });
      verdict = true;
    } catch {
      verdict = false;
    }
    verdicts.set(name, verdict);
  }
  return verdict;
}
