/** The service report's Change of control section: each record's notice, window and open rights. */
import { md } from "./markdown-escape.ts";
import type { ChangeOfControlReport } from "./report-types.ts";

export function changeOfControlMarkdown(entries: ChangeOfControlReport[] | undefined): string[] {
  if (!entries?.length) return [];
  const out = [
    "## Change of control",
    "",
    "| Party | Took effect | Notice due | Notice | Right's window | Open rights |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const e of entries) {
    const window = e.windowOpens === null ? "—" : `${md(e.windowOpens)} to ${md(e.windowCloses)}`;
    out.push(
      `| ${md(e.party)} | ${md(e.atLocal)} | ${md(e.noticeDeadlineLocal)} | ${md(e.notice)} | ${window} | ${e.openRights.length ? md(e.openRights.join(", ")) : "none"} |`,
    );
  }
  out.push("");
  for (const e of entries) out.push(`- ${md(e.statement)}`);
  out.push("");
  return out;
}
