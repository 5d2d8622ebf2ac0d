/**
 * The `.sla` grammar as a Chevrotain CST parser. One instance is built at module load and reused
 * for every parse (Chevrotain's guidance: building a parser is costly, parsing is not). Error
 * recovery is on, so a syntax error inside one property or declaration leaves the rest parsed.
 *
 * Every property has its own rule, named `<kind>Property`, so that the AST builder, completion and
 * hover can map a CST node to a property without guessing.
 */
import { CstParser } from "chevrotain";
import {
  Always,
  allTokens,
  Comma,
  DateLiteral,
  DurationLiteral,
  keywordTokens as K,
  LCurly,
  MoneyLiteral,
  Name,
  NumberLiteral,
  PercentageLiteral,
  RCurly,
  StringLiteral,
  TextBlock,
  TimeLiteral,
} from "./lexer.ts";
import { SKIP_GRAMMAR_VALIDATION } from "./build-mode.ts";
import { slaErrorMessages } from "./messages.ts";

class SlaGrammar extends CstParser {
  constructor() {
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: 4,
      errorMessageProvider: slaErrorMessages,
      nodeLocationTracking: "onlyOffset",
      skipValidations: SKIP_GRAMMAR_VALIDATION,
    });
    this.performSelfAnalysis();
  }

  file = this.RULE("file", () => {
    this.MANY(() => this.SUBRULE(this.topLevel));
  });

  topLevel = this.RULE("topLevel", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.importDeclaration) },
      { ALT: () => this.SUBRULE(this.agreementDeclaration) },
      { ALT: () => this.SUBRULE(this.partyDeclaration) },
      { ALT: () => this.SUBRULE(this.calendarDeclaration) },
      { ALT: () => this.SUBRULE(this.serviceDeclaration) },
      { ALT: () => this.SUBRULE(this.metricDeclaration) },
      { ALT: () => this.SUBRULE(this.objectiveDeclaration) },
      { ALT: () => this.SUBRULE(this.remedyDeclaration) },
      { ALT: () => this.SUBRULE(this.incentiveDeclaration) },
      { ALT: () => this.SUBRULE(this.reportingDeclaration) },
      { ALT: () => this.SUBRULE(this.clauseDeclaration) },
    ]);
  });

  importDeclaration = this.RULE("importDeclaration", () => {
    this.CONSUME(K.import);
    this.CONSUME(StringLiteral);
  });

  private header() {
    this.CONSUME(Name);
    this.OPTION(() => this.CONSUME(StringLiteral));
  }

  agreementDeclaration = this.RULE("agreementDeclaration", () => {
    this.CONSUME(K.agreement);
    this.header();
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.versionProperty) },
        { ALT: () => this.SUBRULE(this.effectiveProperty) },
        { ALT: () => this.SUBRULE(this.termProperty) },
        { ALT: () => this.SUBRULE(this.renewalProperty) },
        { ALT: () => this.SUBRULE(this.timezoneProperty) },
        { ALT: () => this.SUBRULE(this.currencyProperty) },
        { ALT: () => this.SUBRULE(this.governingLawProperty) },
        { ALT: () => this.SUBRULE(this.businessCalendarProperty) },
      ]),
    );
    this.CONSUME(RCurly);
  });

  versionProperty = this.RULE("versionProperty", () => {
    this.CONSUME(K.version);
    this.CONSUME(StringLiteral);
  });
  effectiveProperty = this.RULE("effectiveProperty", () => {
    this.CONSUME(K.effective);
    this.CONSUME(DateLiteral);
  });
  termProperty = this.RULE("termProperty", () => {
    this.CONSUME(K.term);
    this.CONSUME(DurationLiteral);
  });
  renewalProperty = this.RULE("renewalProperty", () => {
    this.CONSUME(K.renewal);
    this.OPTION(() => this.CONSUME(K.automatic));
    this.CONSUME(DurationLiteral);
    this.OPTION2(() => {
      this.CONSUME(Comma);
      this.CONSUME(K.notice);
      this.CONSUME2(DurationLiteral);
    });
  });
  timezoneProperty = this.RULE("timezoneProperty", () => {
    this.CONSUME(K.timezone);
    this.CONSUME(StringLiteral);
  });
  currencyProperty = this.RULE("currencyProperty", () => {
    this.CONSUME(K.currency);
    this.CONSUME(Name);
  });
  governingLawProperty = this.RULE("governingLawProperty", () => {
    this.CONSUME(K.governing);
    this.CONSUME(K.law);
    this.CONSUME(StringLiteral);
  });
  businessCalendarProperty = this.RULE("businessCalendarProperty", () => {
    this.CONSUME(K.business);
    this.CONSUME(K.calendar);
    this.CONSUME(Name);
  });

  partyDeclaration = this.RULE("partyDeclaration", () => {
    this.CONSUME(K.party);
    this.header();
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.roleProperty) },
        { ALT: () => this.SUBRULE(this.addressProperty) },
        { ALT: () => this.SUBRULE(this.contactProperty) },
      ]),
    );
    this.CONSUME(RCurly);
  });
  roleProperty = this.RULE("roleProperty", () => {
    this.CONSUME(K.role);
    this.OR([{ ALT: () => this.CONSUME(K.provider) }, { ALT: () => this.CONSUME(K.customer) }]);
  });
  addressProperty = this.RULE("addressProperty", () => {
    this.CONSUME(K.address);
    this.CONSUME(StringLiteral);
  });
  contactProperty = this.RULE("contactProperty", () => {
    this.CONSUME(K.contact);
    this.CONSUME(StringLiteral);
  });

  calendarDeclaration = this.RULE("calendarDeclaration", () => {
    this.CONSUME(K.calendar);
    this.header();
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.workingHoursProperty) },
        { ALT: () => this.SUBRULE(this.holidaysProperty) },
        { ALT: () => this.SUBRULE(this.timezoneProperty) },
      ]),
    );
    this.CONSUME(RCurly);
  });
  workingHoursProperty = this.RULE("workingHoursProperty", () => {
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.daySpan) });
    this.CONSUME(TimeLiteral);
    this.CONSUME(K.to);
    this.CONSUME2(TimeLiteral);
  });
  daySpan = this.RULE("daySpan", () => {
    this.SUBRULE(this.weekday);
    this.OPTION(() => {
      this.CONSUME(K.to);
      this.SUBRULE2(this.weekday);
    });
  });
  weekday = this.RULE("weekday", () => {
    this.OR([
      { ALT: () => this.CONSUME(K.monday) },
      { ALT: () => this.CONSUME(K.tuesday) },
      { ALT: () => this.CONSUME(K.wednesday) },
      { ALT: () => this.CONSUME(K.thursday) },
      { ALT: () => this.CONSUME(K.friday) },
      { ALT: () => this.CONSUME(K.saturday) },
      { ALT: () => this.CONSUME(K.sunday) },
    ]);
  });
  holidaysProperty = this.RULE("holidaysProperty", () => {
    this.CONSUME(K.holidays);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(DateLiteral) });
  });

  serviceDeclaration = this.RULE("serviceDeclaration", () => {
    this.CONSUME(K.service);
    this.header();
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.providerProperty) },
        { ALT: () => this.SUBRULE(this.customerProperty) },
        { ALT: () => this.SUBRULE(this.feeProperty) },
        { ALT: () => this.SUBRULE(this.hoursProperty) },
        { ALT: () => this.SUBRULE(this.excludeProperty) },
      ]),
    );
    this.CONSUME(RCurly);
  });
  providerProperty = this.RULE("providerProperty", () => {
    this.CONSUME(K.provider);
    this.CONSUME(Name);
  });
  customerProperty = this.RULE("customerProperty", () => {
    this.CONSUME(K.customer);
    this.CONSUME(Name);
  });
  feeProperty = this.RULE("feeProperty", () => {
    this.CONSUME(K.fee);
    this.CONSUME(MoneyLiteral);
    this.CONSUME(K.per);
    this.OR([
      { ALT: () => this.CONSUME(K.month) },
      { ALT: () => this.CONSUME(K.quarter) },
      { ALT: () => this.CONSUME(K.year) },
    ]);
  });
  hoursProperty = this.RULE("hoursProperty", () => {
    this.CONSUME(K.hours);
    this.SUBRULE(this.hoursSpec);
  });
  hoursSpec = this.RULE("hoursSpec", () => {
    this.OR([{ ALT: () => this.CONSUME(Always) }, { ALT: () => this.CONSUME(Name) }]);
  });
  excludeProperty = this.RULE("excludeProperty", () => {
    this.CONSUME(K.exclude);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.maintenance);
          this.OPTION(() => {
            this.CONSUME(LCurly);
            this.MANY(() =>
              this.OR2([
                { ALT: () => this.SUBRULE(this.noticeProperty) },
                { ALT: () => this.SUBRULE(this.allowanceProperty) },
              ]),
            );
            this.CONSUME(RCurly);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.customer);
          this.CONSUME(K.caused);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.force);
          this.CONSUME(K.majeure);
        },
      },
    ]);
  });
  noticeProperty = this.RULE("noticeProperty", () => {
    this.CONSUME(K.notice);
    this.CONSUME(DurationLiteral);
  });
  allowanceProperty = this.RULE("allowanceProperty", () => {
    this.CONSUME(K.at);
    this.CONSUME(K.most);
    this.CONSUME(DurationLiteral);
    this.SUBRULE(this.window);
  });

  metricDeclaration = this.RULE("metricDeclaration", () => {
    this.CONSUME(K.metric);
    this.header();
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.serviceProperty) },
        { ALT: () => this.SUBRULE(this.typeProperty) },
        { ALT: () => this.SUBRULE(this.measuredByProperty) },
        { ALT: () => this.SUBRULE(this.downtimeProperty) },
      ]),
    );
    this.CONSUME(RCurly);
  });
  serviceProperty = this.RULE("serviceProperty", () => {
    this.CONSUME(K.service);
    this.CONSUME(Name);
  });
  typeProperty = this.RULE("typeProperty", () => {
    this.CONSUME(K.type);
    this.OR([
      { ALT: () => this.CONSUME(K.availability) },
      {
        ALT: () => {
          this.CONSUME(K.latency);
          this.OPTION(() => {
            this.CONSUME(K.percentile);
            this.CONSUME(NumberLiteral);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.error);
          this.CONSUME(K.rate);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.response);
          this.CONSUME(K.time);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.resolution);
          this.CONSUME2(K.time);
        },
      },
    ]);
  });
  measuredByProperty = this.RULE("measuredByProperty", () => {
    this.CONSUME(K.measured);
    this.CONSUME(K.by);
    this.CONSUME(StringLiteral);
  });
  downtimeProperty = this.RULE("downtimeProperty", () => {
    this.CONSUME(K.downtime);
    this.CONSUME(StringLiteral);
  });

  objectiveDeclaration = this.RULE("objectiveDeclaration", () => {
    this.CONSUME(K.objective);
    this.header();
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.metricProperty) },
        { ALT: () => this.SUBRULE(this.serviceProperty) },
        { ALT: () => this.SUBRULE(this.targetProperty) },
        { ALT: () => this.SUBRULE(this.maxOutageProperty) },
        { ALT: () => this.SUBRULE(this.severityProperty) },
        { ALT: () => this.SUBRULE(this.responseProperty) },
        { ALT: () => this.SUBRULE(this.resolutionProperty) },
        { ALT: () => this.SUBRULE(this.ticketsProperty) },
        { ALT: () => this.SUBRULE(this.excludeProperty) },
      ]),
    );
    this.CONSUME(RCurly);
  });
  metricProperty = this.RULE("metricProperty", () => {
    this.CONSUME(K.metric);
    this.CONSUME(Name);
  });
  targetProperty = this.RULE("targetProperty", () => {
    this.CONSUME(K.target);
    this.SUBRULE(this.comparator);
    this.SUBRULE(this.quantity);
    this.SUBRULE(this.window);
  });
  maxOutageProperty = this.RULE("maxOutageProperty", () => {
    this.CONSUME(K.max);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.outage);
          this.CONSUME(K.per);
          this.CONSUME(K.incident);
          this.CONSUME(DurationLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.total);
          this.CONSUME2(K.outage);
          this.CONSUME2(DurationLiteral);
          this.SUBRULE(this.window);
        },
      },
    ]);
  });
  severityProperty = this.RULE("severityProperty", () => {
    this.CONSUME(K.severity);
    this.CONSUME(NumberLiteral);
    this.OPTION(() => this.CONSUME(StringLiteral));
  });
  responseProperty = this.RULE("responseProperty", () => {
    this.CONSUME(K.response);
    this.CONSUME(K.within);
    this.CONSUME(DurationLiteral);
    this.OPTION(() => {
      this.CONSUME(K.during);
      this.SUBRULE(this.hoursSpec);
    });
  });
  resolutionProperty = this.RULE("resolutionProperty", () => {
    this.CONSUME(K.resolution);
    this.CONSUME(K.within);
    this.CONSUME(DurationLiteral);
    this.OPTION(() => {
      this.CONSUME(K.during);
      this.SUBRULE(this.hoursSpec);
    });
  });
  ticketsProperty = this.RULE("ticketsProperty", () => {
    this.SUBRULE(this.comparator);
    this.CONSUME(PercentageLiteral);
    this.CONSUME(K.of);
    this.CONSUME(K.tickets);
    this.SUBRULE(this.window);
  });

  remedyDeclaration = this.RULE("remedyDeclaration", () => {
    this.CONSUME(K.remedy);
    this.header();
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.forProperty) },
        { ALT: () => this.SUBRULE(this.creditProperty) },
        { ALT: () => this.SUBRULE(this.capProperty) },
        { ALT: () => this.SUBRULE(this.claimProperty) },
        { ALT: () => this.SUBRULE(this.soleRemedyProperty) },
        { ALT: () => this.SUBRULE(this.actionProperty) },
        { ALT: () => this.SUBRULE(this.terminateProperty) },
        { ALT: () => this.SUBRULE(this.noticeProperty) },
      ]),
    );
    this.CONSUME(RCurly);
  });
  forProperty = this.RULE("forProperty", () => {
    this.CONSUME(K.for);
    this.CONSUME(Name);
  });
  creditProperty = this.RULE("creditProperty", () => {
    this.CONSUME(K.credit);
    this.CONSUME(PercentageLiteral);
    this.CONSUME(K.of);
    this.SUBRULE(this.feeBasis);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.when);
          this.SUBRULE(this.comparator);
          this.SUBRULE(this.quantity);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.for);
          this.CONSUME(K.each);
          this.CONSUME(K.breach);
        },
      },
    ]);
  });
  capProperty = this.RULE("capProperty", () => {
    this.CONSUME(K.cap);
    this.CONSUME(PercentageLiteral);
    this.CONSUME(K.of);
    this.SUBRULE(this.feeBasis);
    this.OPTION(() => this.SUBRULE(this.window));
  });
  claimProperty = this.RULE("claimProperty", () => {
    this.CONSUME(K.claim);
    this.CONSUME(K.within);
    this.CONSUME(DurationLiteral);
  });
  soleRemedyProperty = this.RULE("soleRemedyProperty", () => {
    this.CONSUME(K.sole);
    this.CONSUME(K.remedy);
  });
  actionProperty = this.RULE("actionProperty", () => {
    this.CONSUME(K.action);
    this.CONSUME(StringLiteral);
    this.OPTION(() => {
      this.CONSUME(K.within);
      this.CONSUME(DurationLiteral);
    });
  });
  terminateProperty = this.RULE("terminateProperty", () => {
    this.CONSUME(K.terminate);
    this.CONSUME(K.when);
    this.CONSUME(K.breached);
    this.CONSUME(NumberLiteral);
    this.CONSUME(K.times);
    this.CONSUME(K.within);
    this.CONSUME(DurationLiteral);
  });

  incentiveDeclaration = this.RULE("incentiveDeclaration", () => {
    this.CONSUME(K.incentive);
    this.header();
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.forProperty) },
        { ALT: () => this.SUBRULE(this.bonusProperty) },
        { ALT: () => this.SUBRULE(this.capProperty) },
      ]),
    );
    this.CONSUME(RCurly);
  });
  bonusProperty = this.RULE("bonusProperty", () => {
    this.CONSUME(K.bonus);
    this.CONSUME(PercentageLiteral);
    this.CONSUME(K.of);
    this.SUBRULE(this.feeBasis);
    this.CONSUME(K.when);
    this.SUBRULE(this.comparator);
    this.SUBRULE(this.quantity);
    this.OPTION(() => {
      this.CONSUME(K.for);
      this.CONSUME(NumberLiteral);
      this.CONSUME(K.consecutive);
      this.CONSUME(K.months);
    });
  });

  reportingDeclaration = this.RULE("reportingDeclaration", () => {
    this.CONSUME(K.reporting);
    this.header();
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR([{ ALT: () => this.SUBRULE(this.reportProperty) }, { ALT: () => this.SUBRULE(this.reviewProperty) }]),
    );
    this.CONSUME(RCurly);
  });
  reportProperty = this.RULE("reportProperty", () => {
    this.CONSUME(K.report);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(Name) });
    this.SUBRULE(this.frequency);
    this.OPTION(() => {
      this.CONSUME(K.within);
      this.CONSUME(DurationLiteral);
    });
  });
  reviewProperty = this.RULE("reviewProperty", () => {
    this.CONSUME(K.review);
    this.SUBRULE(this.frequency);
  });
  frequency = this.RULE("frequency", () => {
    this.OR([
      { ALT: () => this.CONSUME(K.weekly) },
      { ALT: () => this.CONSUME(K.monthly) },
      { ALT: () => this.CONSUME(K.quarterly) },
      { ALT: () => this.CONSUME(K.annually) },
    ]);
  });

  clauseDeclaration = this.RULE("clauseDeclaration", () => {
    this.CONSUME(K.clause);
    this.header();
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.textProperty));
    this.CONSUME(RCurly);
  });
  textProperty = this.RULE("textProperty", () => {
    this.CONSUME(K.text);
    this.OR([{ ALT: () => this.CONSUME(TextBlock) }, { ALT: () => this.CONSUME(StringLiteral) }]);
  });

  // shared pieces
  comparator = this.RULE("comparator", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.at);
          this.OR2([{ ALT: () => this.CONSUME(K.least) }, { ALT: () => this.CONSUME(K.most) }]);
        },
      },
      { ALT: () => this.CONSUME(K.above) },
      { ALT: () => this.CONSUME(K.below) },
    ]);
  });
  quantity = this.RULE("quantity", () => {
    this.OR([
      { ALT: () => this.CONSUME(PercentageLiteral) },
      { ALT: () => this.CONSUME(DurationLiteral) },
      { ALT: () => this.CONSUME(NumberLiteral) },
    ]);
  });
  window = this.RULE("window", () => {
    this.CONSUME(K.per);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.calendar);
          this.OR2([
            { ALT: () => this.CONSUME(K.month) },
            { ALT: () => this.CONSUME(K.quarter) },
            { ALT: () => this.CONSUME(K.year) },
          ]);
        },
      },
      { ALT: () => this.CONSUME(K.week) },
      {
        ALT: () => {
          this.CONSUME(K.rolling);
          this.CONSUME(DurationLiteral);
        },
      },
    ]);
  });
  feeBasis = this.RULE("feeBasis", () => {
    this.OR([
      { ALT: () => this.CONSUME(K.monthly) },
      { ALT: () => this.CONSUME(K.quarterly) },
      { ALT: () => this.CONSUME(K.annual) },
    ]);
    this.CONSUME(K.fee);
  });
}

/** The single parser instance; `input` is reassigned for every parse. */
export const grammar = new SlaGrammar();
export type { SlaGrammar };
