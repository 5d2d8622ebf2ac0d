/**
 * A snippet for every declaration kind (and `import`), as data: the one source of the VS Code
 * extension's snippets (extension/snippets/sla.json is written from `vscodeSnippetFile`, a test
 * keeps it current) and of the language server's declaration completions, which propose the
 * contract's own names in the tab stops listed in `names`.
 *
 * Bodies use the snippet syntax VS Code and LSP share: `${1:Default}` tab stops, `${3|a,b|}`
 * choices, `$0` the final cursor, `${CURRENT_YEAR}`/`${CURRENT_MONTH}` variables.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${1:Name}` is snippet syntax, not a template
import type { DeclarationKind } from "../syntax/ast.ts";

/** A tab stop whose default is the name of a declaration of `kind` (a party with `role`). */
export interface SnippetName {
  readonly kind: DeclarationKind;
  readonly role?: "provider" | "customer";
}

export interface SnippetDefinition {
  /** What the user types to pick it: the keyword, then a word for another form of the same kind. */
  readonly prefix: string;
  /** The snippet's name in VS Code. */
  readonly title: string;
  readonly description: string;
  /** The text, one entry per line. */
  readonly body: readonly string[];
  readonly names?: Readonly<Record<number, SnippetName>>;
}

export type SnippetKeyword = "import" | DeclarationKind;

/** Per keyword, its main snippet first and then its other common forms. */
export const SNIPPETS: Readonly<Record<SnippetKeyword, readonly [SnippetDefinition, ...SnippetDefinition[]]>> = {
  import: [
    {
      prefix: "import",
      title: "Import",
      description: "import: make the declarations of another file visible",
      body: ['import "${1:common/parties.sla}"$0'],
    },
  ],
  agreement: [
    {
      prefix: "agreement",
      title: "Agreement",
      description: "agreement: the contract itself (at most one per program)",
      body: [
        'agreement ${1:Name} "${2:Service Level Agreement}" {',
        '  version "${3:1.0}"',
        "  effective ${4:${CURRENT_YEAR}-${CURRENT_MONTH}-01}",
        "  term ${5:12 months}",
        "  renewal automatic ${6:12 months}, notice ${7:90 days}",
        '  timezone "${8:Europe/London}"',
        "  currency ${9:GBP}",
        '  governing law "${10:England and Wales}"',
        "}$0",
      ],
    },
  ],
  party: [
    {
      prefix: "party",
      title: "Party",
      description: "party: a provider or customer",
      body: [
        'party ${1:Name} "${2:Legal name}" {',
        "  role ${3|provider,customer|}",
        '  address "${4:Address}"',
        '  contact "${5:sla@example.com}"',
        "}$0",
      ],
    },
  ],
  calendar: [
    {
      prefix: "calendar",
      title: "Calendar",
      description: "calendar: business hours and holidays",
      body: [
        'calendar ${1:BusinessHours} "${2:Business hours}" {',
        "  ${3:monday} to ${4:friday} ${5:08:00} to ${6:18:00}",
        "  holidays ${7:${CURRENT_YEAR}-12-25}",
        "}$0",
      ],
    },
  ],
  service: [
    {
      prefix: "service",
      title: "Service",
      description: "service: what is provided, by whom, to whom, and when",
      body: [
        'service ${1:Name} "${2:Description}" {',
        "  provider ${3:Provider}",
        "  customer ${4:Customer}",
        "  fee ${5:GBP} ${6:1,000.00} per month",
        "  hours ${7:24x7}",
        "  exclude maintenance {",
        "    notice ${8:5 days}",
        "    at most ${9:4 hours} per calendar month",
        "  }",
        "  exclude customer caused",
        "  exclude force majeure",
        "}$0",
      ],
      names: { 3: { kind: "party", role: "provider" }, 4: { kind: "party", role: "customer" } },
    },
  ],
  metric: [
    {
      prefix: "metric",
      title: "Metric",
      description: "metric: what is measured, and how",
      body: [
        'metric ${1:Availability} "${2:Monthly Uptime Percentage}" {',
        "  service ${3:Service}",
        "  type ${4|availability,latency percentile 95,error rate,response time,resolution time|}",
        '  measured by "${5:How it is measured}"',
        "}$0",
      ],
      names: { 3: { kind: "service" } },
    },
  ],
  objective: [
    {
      prefix: "objective",
      title: "Objective",
      description: "objective: a target for a metric",
      body: [
        'objective ${1:Uptime} "${2:Service availability}" {',
        "  metric ${3:Availability}",
        "  target ${4|at least,at most,above,below|} ${5:99.9%} per ${6|calendar month,calendar quarter,calendar year,week,rolling 30 days|}",
        "}$0",
      ],
      names: { 3: { kind: "metric" } },
    },
    {
      prefix: "objective outage",
      title: "Objective (outage limits)",
      description: "objective: limits on single and total outages",
      body: [
        'objective ${1:OutageLimits} "${2:Outage limits}" {',
        "  service ${3:Service}",
        "  max outage per incident ${4:30 minutes}",
        "  max total outage ${5:40 minutes} per calendar month",
        "}$0",
      ],
      names: { 3: { kind: "service" } },
    },
    {
      prefix: "objective support",
      title: "Objective (support)",
      description: "objective: response and resolution times for a ticket severity",
      body: [
        'objective ${1:Sev1Support} "${2:Severity 1 support}" {',
        "  service ${3:Service}",
        '  severity ${4:1} "${5:Service unavailable or unusable}"',
        "  response within ${6:15 minutes} during ${7:24x7}",
        "  resolution within ${8:4 hours} during ${7:24x7}",
        "  at least ${9:95%} of tickets per calendar month",
        "}$0",
      ],
      names: { 3: { kind: "service" } },
    },
  ],
  remedy: [
    {
      prefix: "remedy",
      title: "Remedy",
      description: "remedy: service credits when an objective is missed",
      body: [
        'remedy ${1:UptimeCredits} "${2:Service credits}" {',
        "  for ${3:Uptime}",
        "  credit ${4:10%} of monthly fee when below ${5:99.9%}",
        "  credit ${6:25%} of monthly fee when below ${7:99.0%}",
        "  cap ${8:100%} of monthly fee per calendar month",
        "  claim within ${9:30 days}",
        "}$0",
      ],
      names: { 3: { kind: "objective" } },
    },
    {
      prefix: "remedy action",
      title: "Remedy (actions)",
      description: "remedy: actions the provider must take after a breach",
      body: [
        'remedy ${1:IncidentReview} "${2:Corrective action}" {',
        "  for ${3:Objective}",
        '  action "${4:Root cause analysis report}" within ${5:5 business days}',
        "}$0",
      ],
      names: { 3: { kind: "objective" } },
    },
    {
      prefix: "remedy terminate",
      title: "Remedy (termination)",
      description: "remedy: a right to terminate after repeated breaches",
      body: [
        'remedy ${1:ChronicFailure} "${2:Right to terminate}" {',
        "  for ${3:Objective}",
        "  terminate when breached ${4:3} times within ${5:6 months}",
        "  notice ${6:30 days}",
        "}$0",
      ],
      names: { 3: { kind: "objective" } },
    },
  ],
  incentive: [
    {
      prefix: "incentive",
      title: "Incentive",
      description: "incentive: a bonus for sustained over-performance",
      body: [
        'incentive ${1:UptimeBonus} "${2:Performance bonus}" {',
        "  for ${3:Uptime}",
        "  bonus ${4:5%} of monthly fee when above ${5:99.99%} for ${6:3} consecutive months",
        "}$0",
      ],
      names: { 3: { kind: "objective" } },
    },
  ],
  reporting: [
    {
      prefix: "reporting",
      title: "Reporting",
      description: "reporting: which objectives are reported, and when",
      body: [
        'reporting ${1:MonthlyReport} "${2:Service reporting}" {',
        "  report ${3:Uptime} ${4|monthly,quarterly,weekly,annually|} within ${5:5 business days}",
        "  review ${6|quarterly,monthly,annually|}",
        "}$0",
      ],
      names: { 3: { kind: "objective" } },
    },
  ],
  clause: [
    {
      prefix: "clause",
      title: "Clause",
      description: "clause: contract prose",
      body: ['clause ${1:Name} "${2:Title}" {', '  text """', "    ${3:Clause text.}", '  """', "}$0"],
    },
  ],
};

/** Every snippet with the keyword it starts with, main forms first within each keyword. */
export function allSnippets(): { keyword: SnippetKeyword; snippet: SnippetDefinition }[] {
  return Object.entries(SNIPPETS).flatMap(([keyword, forms]) =>
    forms.map((snippet) => ({ keyword: keyword as SnippetKeyword, snippet })),
  );
}

/** The contents of a VS Code snippet file (extension/snippets/sla.json). */
export function vscodeSnippetFile(): Record<string, { prefix: string; description: string; body: string[] }> {
  return Object.fromEntries(
    allSnippets().map(({ snippet }) => [
      snippet.title,
      { prefix: snippet.prefix, description: snippet.description, body: [...snippet.body] },
    ]),
  );
}
