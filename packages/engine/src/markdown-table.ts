/** A Markdown table of the service report, or nothing when it has no rows. */
export function table(head: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
  ];
}
