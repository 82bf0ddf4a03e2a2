import decisionData from './adequacy-decisions.json';
import { countryName, isCountryCode } from './countries';
import { findRegime } from './regimes';

export type AdequacyScope =
  | 'FULL'
  | 'SAFE_HARBOUR_CERTIFIED_ONLY'
  | 'PRIVACY_SHIELD_CERTIFIED_ONLY'
  | 'DPF_CERTIFIED_ONLY'
  | 'COMMERCIAL_ORGANISATIONS_ONLY';

/** The US self-certification schemes that the successive US decisions each covered. */
export type CertificationScheme = 'SAFE_HARBOUR' | 'PRIVACY_SHIELD' | 'DATA_PRIVACY_FRAMEWORK';

/**
 * A finding that a country ensures an adequate level of protection (GDPR Art. 45, UK GDPR Art. 45
 * and DPA 2018 s. 17A). Decisions taken under Directive 95/46/EC Art. 25(6) before 2018-05-25
 * are listed under GDPR: Art. 45(9) keeps them in force until amended, replaced or repealed.
 */
export interface AdequacyDecision {
  regime: string;
  country: string;
  /** YYYY-MM-DD */
  decidedOn: string;
  renewedOn: string | null;
  /** Last day in force; null while the decision has no sunset. */
  expiresOn: string | null;
  /** First day no longer in force because a court declared the decision invalid; null while valid. */
  invalidatedOn: string | null;
  /** The judgment that did. */
  invalidatedBy: string | null;
  scope: AdequacyScope;
  instrument: string;
  source: string;
}

/** A recipient's certification under one scheme on a day. */
export interface CertificationStanding {
  certified: boolean;
  /** When not certified: the last day of the latest certification that lapsed by then, if any. */
  expiredOn: string | null;
}

/** What the registry knows of a recipient, for decisions that cover only some recipients. */
export interface RecipientStanding {
  certifications: Readonly<Record<CertificationScheme, CertificationStanding>>;
  commercialOrganisation: boolean;
}

export interface AdequacyVerdict {
  adequate: boolean;
  decision: AdequacyDecision | null;
  reason: string;
}

interface DecisionRecord {
  regime: string;
  country: string;
  decidedOn: string;
  renewedOn?: string;
  expiresOn?: string;
  invalidatedOn?: string;
  invalidatedBy?: string;
  scope: string;
  instrument: string;
  source: string;
}

/** The scheme a partial decision requires, and its name in messages. */
const CERTIFIED_SCOPES: Readonly<Partial<Record<AdequacyScope, { scheme: CertificationScheme; name: string }>>> = {
  SAFE_HARBOUR_CERTIFIED_ONLY: { scheme: 'SAFE_HARBOUR', name: 'the Safe Harbour principles' },
  PRIVACY_SHIELD_CERTIFIED_ONLY: { scheme: 'PRIVACY_SHIELD', name: 'the EU-US Privacy Shield' },
  DPF_CERTIFIED_ONLY: { scheme: 'DATA_PRIVACY_FRAMEWORK', name: 'the Data Privacy Framework' },
};

const SCOPES: readonly AdequacyScope[] = [
  'FULL',
  'SAFE_HARBOUR_CERTIFIED_ONLY',
  'PRIVACY_SHIELD_CERTIFIED_ONLY',
  'DPF_CERTIFIED_ONLY',
  'COMMERCIAL_ORGANISATIONS_ONLY',
];

const DECISIONS: readonly AdequacyDecision[] = decisionData.decisions
  .map(toDecision)
  .sort((a, b) => compareText(keyOf(a.regime, a.country), keyOf(b.regime, b.country)) || compareText(a.decidedOn, b.decidedOn));

/** Per regime and country, its successive decisions, oldest first. */
const DECISIONS_BY_KEY: ReadonlyMap<string, readonly AdequacyDecision[]> = groupByKey(DECISIONS);

/** All decisions, or those of one regime, sorted by regime and country. */
export function listAdequacyDecisions(regime?: string): AdequacyDecision[] {
  return DECISIONS.filter((decision) => regime === undefined || decision.regime === regime);
}

/** The decision in force on that day (YYYY-MM-DD), if any. */
export function adequacyDecisionFor(regime: string, country: string, on: string): AdequacyDecision | null {
  assertDate(on);
  return (DECISIONS_BY_KEY.get(keyOf(regime, country)) ?? []).find((decision) => isInForce(decision, on)) ?? null;
}

/**
 * Whether a transfer under the regime to a recipient in the country needs no further mechanism on that day:
 * the country lies inside the regime, or an adequacy decision in force covers this recipient.
 */
export function isAdequate(regime: string, country: string, on: string, recipient: RecipientStanding): AdequacyVerdict {
  assertDate(on);
  const territory = findRegime(regime)?.countries;
  const name = countryName(country);
  if (territory === undefined || name === undefined) {
    throw new RangeError(`Unknown regime ${regime} or country ${country}`);
  }
  if (territory.includes(country)) {
    return { adequate: true, decision: null, reason: `${name} is inside ${regime}` };
  }
  const decisions = DECISIONS_BY_KEY.get(keyOf(regime, country));
  if (decisions === undefined) {
    return { adequate: false, decision: null, reason: `${name} has no adequacy decision under ${regime}` };
  }
  const decision = decisions.filter((taken) => taken.decidedOn <= on).at(-1);
  if (decision === undefined) {
    return { adequate: false, decision: null, reason: `${name}: no adequacy decision for ${regime} before ${decisions[0].decidedOn}` };
  }
  if (decision.invalidatedOn !== null && decision.invalidatedOn <= on) {
    const reason = `${name}: ${decision.instrument} was declared invalid on ${decision.invalidatedOn} (${decision.invalidatedBy})${nextDecisionNote(decisions, decision, regime)}`;
    return { adequate: false, decision: null, reason };
  }
  if (!isInForce(decision, on)) {
    return { adequate: false, decision: null, reason: `${name}: the adequacy decision for ${regime} expired on ${decision.expiresOn}` };
  }
  const exclusion = scopeExclusion(decision, recipient);
  if (exclusion !== null) {
    return { adequate: false, decision, reason: `${name}: ${exclusion}` };
  }
  return { adequate: true, decision, reason: `${name} is adequate for ${regime} since ${decision.decidedOn} (${decision.instrument})` };
}

function nextDecisionNote(decisions: readonly AdequacyDecision[], invalidated: AdequacyDecision, regime: string): string {
  const next = decisions.find((decision) => decision.decidedOn > invalidated.decidedOn);
  return next === undefined ? '' : `, and no adequacy decision for ${regime} followed before ${next.decidedOn}`;
}

function scopeExclusion(decision: AdequacyDecision, recipient: RecipientStanding): string | null {
  if (decision.scope === 'FULL') return null;
  if (decision.scope === 'COMMERCIAL_ORGANISATIONS_ONLY') {
    return recipient.commercialOrganisation ? null : 'adequacy covers only commercial organisations';
  }
  const certified = CERTIFIED_SCOPES[decision.scope];
  if (certified === undefined) throw new Error(`no certification scheme for scope ${decision.scope}`);
  const standing = recipient.certifications[certified.scheme];
  if (standing.certified) return null;
  const scope = `${decision.instrument} covers only recipients certified under ${certified.name}`;
  return standing.expiredOn === null
    ? `${scope}, and the recipient has no such certification on record`
    : `${scope}, and the recipient's certification expired on ${standing.expiredOn}`;
}

// A declaration of invalidity takes effect on the day of the judgment: the Court kept no decision
// in force for a transition in C-362/14 or C-311/18, so transfers from that day have no adequacy.
function isInForce(decision: AdequacyDecision, on: string): boolean {
  return (
    decision.decidedOn <= on &&
    (decision.expiresOn === null || on <= decision.expiresOn) &&
    (decision.invalidatedOn === null || on < decision.invalidatedOn)
  );
}

function endsBefore(decision: AdequacyDecision, day: string): boolean {
  if (decision.invalidatedOn !== null) return decision.invalidatedOn <= day;
  return decision.expiresOn !== null && decision.expiresOn < day;
}

function groupByKey(decisions: readonly AdequacyDecision[]): Map<string, AdequacyDecision[]> {
  const byKey = new Map<string, AdequacyDecision[]>();
  for (const decision of decisions) {
    const key = keyOf(decision.regime, decision.country);
    const earlier = byKey.get(key) ?? [];
    const previous = earlier.at(-1);
    if (previous !== undefined && !endsBefore(previous, decision.decidedOn)) {
      throw new Error(`adequacy-decisions.json, ${key}: decisions for the same regime and country overlap`);
    }
    byKey.set(key, [...earlier, decision]);
  }
  return byKey;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function keyOf(regime: string, country: string): string {
  return `${regime}:${country}`;
}

// The round trip rejects impossible days such as 2023-02-30, which Date would roll over.
function isDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

// Whole-inventory questions ask hundreds of thousands of times about the same day.
let lastCheckedDate = '';

function assertDate(value: string): void {
  if (value === lastCheckedDate) return;
  if (!isDate(value)) {
    throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  lastCheckedDate = value;
}

// A typo in the data file must fail at start-up, not quietly make a transfer look adequate or not.
function toDecision(record: DecisionRecord): AdequacyDecision {
  const problem = (message: string) => new Error(`adequacy-decisions.json, ${record.regime} ${record.country}: ${message}`);
  const territory = findRegime(record.regime)?.countries;
  if (territory === undefined) {
    throw problem('unknown regime');
  }
  if (!isCountryCode(record.country) || territory.includes(record.country)) {
    throw problem('unknown country, or one inside the regime');
  }
  const dates = [record.decidedOn, record.renewedOn, record.expiresOn, record.invalidatedOn].filter((date) => date !== undefined);
  if (!dates.every(isDate) || dates.some((date) => date < record.decidedOn)) {
    throw problem('dates must be YYYY-MM-DD, none before decidedOn');
  }
  const scope = SCOPES.find((known) => known === record.scope);
  if (scope === undefined) {
    throw problem(`unknown scope ${record.scope}`);
  }
  if ((record.invalidatedOn === undefined) !== (record.invalidatedBy === undefined)) {
    throw problem('invalidatedOn and invalidatedBy go together');
  }
  return Object.freeze({
    regime: record.regime,
    country: record.country,
    decidedOn: record.decidedOn,
    renewedOn: record.renewedOn ?? null,
    expiresOn: record.expiresOn ?? null,
    invalidatedOn: record.invalidatedOn ?? null,
    invalidatedBy: record.invalidatedBy ?? null,
    scope,
    instrument: record.instrument,
    source: record.source,
  });
}
