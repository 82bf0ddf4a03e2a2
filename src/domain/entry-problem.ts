/**
 * What breaks a rule between the fields of an entry, or between an entry and one it names. The
 * format of a single value (a key, a date, an enumeration) is checked where the value arrives: the
 * inventory file's JSON Schema, the GraphQL input. These rules are checked here, once, for both.
 */
export enum EntryRule {
  /** A key that names no entry of the kind it refers to. */
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  /** A reference to a party of the wrong kind (an activity's controller, a sub-processor's engager). */
  WRONG_PARTY_KIND = 'WRONG_PARTY_KIND',
  /** A well-formed code that is not an ISO 3166-1 alpha-2 country. */
  UNKNOWN_COUNTRY = 'UNKNOWN_COUNTRY',
  /** The same country twice in one list. */
  COUNTRY_LISTED_TWICE = 'COUNTRY_LISTED_TWICE',
  /** A flow from a party to itself. */
  SELF_FLOW = 'SELF_FLOW',
  /** An end (effectiveTo, expiresOn, withdrawnAt) before its start. */
  DATES_OUT_OF_ORDER = 'DATES_OUT_OF_ORDER',
  /** A SUB_PROCESSOR without the processor that engaged it. */
  MISSING_ENGAGED_BY = 'MISSING_ENGAGED_BY',
  /** engagedBy on a party that is not a SUB_PROCESSOR. */
  UNEXPECTED_ENGAGED_BY = 'UNEXPECTED_ENGAGED_BY',
  /** A flow carrying a category its activity does not process. */
  CATEGORY_NOT_COVERED = 'CATEGORY_NOT_COVERED',
  /** A flow reaching a country where its receiver is not. */
  COUNTRY_NOT_OF_RECEIVER = 'COUNTRY_NOT_OF_RECEIVER',
  /** A consent naming both an activity and a flow, or neither. */
  CONSENT_TARGET = 'CONSENT_TARGET',
  /** localisedUnlessConsented on an activity without localisedIn: an exception to no promise. */
  EXCEPTION_WITHOUT_PROMISE = 'EXCEPTION_WITHOUT_PROMISE',
}

export interface EntryProblem {
  /** The field inside the entry, as a GraphQL input path would name it: 'engagedBy', 'countryHistory[1].country'; '' for the entry as a whole. */
  field: string;
  rule: EntryRule;
  /** What is wrong, naming the offending value but not the field. */
  message: string;
}

/**
 * What a reference to a party names, as far as the caller can tell: its kind, MISSING when no party
 * has the key, or UNCHECKED when it cannot be known here (a file that leaves the parties to the
 * registry, a party that is itself malformed).
 */
export type PartyReference = { kind: string } | 'MISSING' | 'UNCHECKED';

export class EntryProblems {
  readonly problems: EntryProblem[] = [];
  add(field: string, rule: EntryRule, message: string): void {
    this.problems.push({ field, rule, message });
  }
}

/** `field` under `parent`: 'countries' and 0 give 'countries[0]', 'evidence[0]' and 'expiresOn' give 'evidence[0].expiresOn'. */
export function fieldUnder(parent: string, child: string | number): string {
  if (typeof child === 'number') return `${parent}[${child}]`;
  return parent === '' ? child : `${parent}.${child}`;
}
