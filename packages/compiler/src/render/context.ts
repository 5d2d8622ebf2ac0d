/**
 * What every section of the contract shares: the bundle, its declarations by name, and how the
 * text names them (`the Provider` when there is one, else the party's title; `the Service`; a
 * calendar by its defined term).
 */
import { customerCausedTerm, isGeneratedTerm } from "@sla/language";
import type {
  BundleCalendar,
  BundleHours,
  BundleMetric,
  BundleObjective,
  BundleParty,
  BundleService,
  RuleBundle,
} from "../bundle-types.ts";
import { type Markdown, md, raw } from "./escape.ts";
import { quoted, titleOf } from "./phrases.ts";

/**
 * A calendar's defined term: its title, or "<title> Calendar" when the title would read as one of
 * the contract's own terms ("Business Days" beside "Business Day").
 */
export function calendarTerm(c: BundleCalendar): string {
  const title = titleOf(c);
  return isGeneratedTerm(title) ? `${title} Calendar` : title;
}

/** The first declaration of each name (a bundle read from a file may repeat one). */
function byName<T extends { name: string }>(items: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.name)) map.set(item.name, item);
  return map;
}

export class RenderContext {
  readonly parties: Map<string, BundleParty>;
  readonly services: Map<string, BundleService>;
  readonly metrics: Map<string, BundleMetric>;
  readonly objectives: Map<string, BundleObjective>;
  readonly calendars: Map<string, BundleCalendar>;
  readonly providers: BundleParty[];
  readonly customers: BundleParty[];

  constructor(readonly bundle: RuleBundle) {
    this.parties = byName(bundle.parties);
    this.services = byName(bundle.services);
    this.metrics = byName(bundle.metrics);
    this.objectives = byName(bundle.objectives);
    this.calendars = byName(bundle.calendars);
    this.providers = bundle.parties.filter((p) => p.role === "provider");
    this.customers = bundle.parties.filter((p) => p.role === "customer");
  }

  /** What the contract calls itself: `Schedule` when it is a schedule to a master agreement. */
  documentTerm(): "Schedule" | "Agreement" {
    return this.bundle.agreement?.schedule ? "Schedule" : "Agreement";
  }

  singleProvider(): boolean {
    return this.providers.length === 1;
  }

  singleCustomer(): boolean {
    return this.customers.length === 1;
  }

  singleService(): boolean {
    return this.bundle.services.length === 1;
  }

  objectiveNamed(name: string | null): BundleObjective | undefined {
    return name === null ? undefined : this.objectives.get(name);
  }

  /**
   * The defined term for the one party in a role: its label as the deal names it (`called
   * "Supplier"`), else `Provider` or `Customer`.
   */
  roleTerm(role: "provider" | "customer"): string {
    const only = role === "provider" ? this.providers : this.customers;
    const fallback = role === "provider" ? "Provider" : "Customer";
    return only.length === 1 ? (only[0].label ?? fallback) : fallback;
  }

  /** `the Supplier` or `AWS` for the one party in a role that has a label, else `the Provider` or `the Customer`. */
  private theRole(role: "provider" | "customer"): Markdown {
    const only = role === "provider" ? this.providers : this.customers;
    return only.length === 1 && only[0].label
      ? byLabel(only[0].label, only[0].labelIsName)
      : md`the ${this.roleTerm(role)}`;
  }

  /** How the text names a party: its label, `the Provider`, `the Customer`, or its title. */
  party(name: string | null, role: "provider" | "customer"): Markdown {
    const p = name === null ? undefined : this.parties.get(name);
    if (p?.label) return byLabel(p.label, p.labelIsName);
    if (p?.role === "provider" && this.singleProvider()) return this.theProvider();
    if (p?.role === "customer" && this.singleCustomer()) return this.theCustomer();
    if (p) return md`${titleOf(p)}`;
    if (role === "provider" && this.singleProvider()) return this.theProvider();
    if (role === "customer" && this.singleCustomer()) return this.theCustomer();
    return raw(role === "provider" ? "the provider" : "the customer");
  }

  theProvider(): Markdown {
    return this.singleProvider() ? this.theRole("provider") : raw("the provider concerned");
  }

  theCustomer(): Markdown {
    return this.singleCustomer() ? this.theRole("customer") : raw("the customer concerned");
  }

  /** `Customer-Caused Outage`, or `Client-Caused Outage` when the customer is called the Client. */
  customerCausedTerm(): string {
    return customerCausedTerm(this.roleTerm("customer"));
  }

  /** The party that provides (or receives) the service an objective measures. */
  partyFor(objectiveName: string | null, role: "provider" | "customer"): Markdown {
    const o = this.objectiveNamed(objectiveName);
    const s = o?.service ? this.services.get(o.service) : undefined;
    if (s) return this.party(role === "provider" ? s.provider : s.customer, role);
    return role === "provider" ? this.theProvider() : this.theCustomer();
  }

  /** `the Service` when there is one, else the service's title. */
  service(name: string | null): Markdown {
    if (name === null) return raw("the service");
    if (this.singleService() && this.bundle.services[0].name === name) return raw("the Service");
    const s = this.services.get(name);
    return md`${s ? titleOf(s) : name}`;
  }

  /** `the service level "Monthly Uptime"`. */
  objective(name: string | null): Markdown {
    const o = this.objectiveNamed(name);
    return md`the service level ${quoted(o ? titleOf(o) : (name ?? "(none)"))}`;
  }

  calendar(name: string): Markdown {
    const c = this.calendars.get(name);
    return md`${c ? calendarTerm(c) : name}`;
  }

  hours(hours: BundleHours): Markdown {
    return hours.kind === "24x7" ? raw("at any time") : md`during ${this.calendar(hours.calendar)}`;
  }

  /** What an objective's thresholds compare: the metric, the ticket share, or the total Downtime. */
  measure(objective: BundleObjective | undefined): Markdown {
    if (!objective) return raw("the measured value");
    const metric = objective.metric === null ? undefined : this.metrics.get(objective.metric);
    if (metric) return md`${titleOf(metric)}`;
    if (objective.support) {
      const severity = objective.support.severity;
      return severity === null
        ? raw("the percentage of tickets meeting their targets")
        : md`the percentage of Severity ${String(severity)} tickets meeting their targets`;
    }
    if (objective.maxTotalOutage || objective.maxOutagePerIncident) return raw("total Downtime");
    return raw("the measured value");
  }

  /** The measure in running text: `the Monthly Uptime Percentage`, `total Downtime`. */
  theMeasure(objective: BundleObjective | undefined): Markdown {
    const measure = this.measure(objective);
    const metric = objective?.metric ? this.metrics.get(objective.metric) : undefined;
    return metric ? md`the ${measure}` : measure;
  }
}

/** A party by its label: `the Supplier`, or `AWS` for a name (`known as "AWS"`), which takes no article. */
function byLabel(label: string, isName: boolean | undefined): Markdown {
  return isName ? md`${label}` : md`the ${label}`;
}
