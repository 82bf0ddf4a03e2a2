import decisionData from './adequacy-decisions.json';
import { countryName, isCountryCode } from './countries';
import { findRegime } from './regimes';

export type AdequacyScope = 'FULL' | 'DPF_CERTIFIED_ONLY' | 'COMMERCIAL_ORGANISATIONS_ONLY';

/** A finding that a country ensures an adequate level of protection (GDPR Art. 45, UK GDPR Art. 45 and DPA 2018 s. 17A). */
export interface AdequacyDecision {
  regime: string;
  country: string;
  /** YYYY-MM-DD */
  decidedOn: string;
  renewedOn: string | null;
  /** Last day in force; null while the decision has no sunset. */
  expiresOn: string | null;
  scope: AdequacyScope;
  instrument: string;
  source: string;
}

/** What the registry knows of a recipient, for decisions that cover only some recipients. */
export interface RecipientStanding {
  dpfCertified: boolean;
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
  scope: string;
  instrument: string;
  source: string;
}

const SCOPES: readonly AdequacyScope[] = ['FULL', 'DPF_CERTIFIED_ONLY', 'COMMERCIAL_ORGANISATIONS_ONLY'];

const DECISIONS: readonly AdequacyDecision[] = decisionData.decisions
  .map(toDecision)
  .sort((a, b) => (keyOf(a.regime, a.country) < keyOf(b.regime, b.country) ? -1 : 1));

const DECISION_BY_KEY: ReadonlyMap<string, AdequacyDecision> = new Map(
  DECISIONS.map((decision) => [keyOf(decision.regime, decision.country), decision]),
);
if (DECISION_BY_KEY.size !== DECISIONS.length) {
  throw new Error('adequacy-decisions.json: more than one decision for the same regime and country');
}

/** All decisions, or those of one regime, sorted by regime and country. */
export function listAdequacyDecisions(regime?: string): AdequacyDecision[] {
  return DECISIONS.filter((decision) => regime === undefined || decision.regime === regime);
}

/** The decision in force on that day (YYYY-MM-DD), if any. */
export function adequacyDecisionFor(regime: string, country: string, on: string): AdequacyDecision | null {
  assertDate(on);
  const decision = DECISION_BY_KEY.get(keyOf(regime, country));
  return decision !== undefined && isInForce(decision, on) ? decision : null;
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
  const decision = DECISION_BY_KEY.get(keyOf(regime, country));
  if (decision === undefined) {
    return { adequate: false, decision: null, reason: `${name} has no adequacy decision under ${regime}` };
  }
  if (on < decision.decidedOn) {
    return { adequate: false, decision: null, reason: `${name}: no adequacy decision for ${regime} before ${decision.decidedOn}` };
  }
  if (!isInForce(decision, on)) {
    return { adequate: false, decision: null, reason: `${name}: the adequacy decision for ${regime} expired on ${decision.expiresOn}` };
  }
  const exclusion = scopeExclusion(decision.scope, recipient);
  if (exclusion !== null) {
    return { adequate: false, decision, reason: `${name}: ${exclusion}` };
  }
  return { adequate: true, decision, reason: `${name} is adequate for ${regime} since ${decision.decidedOn} (${decision.instrument})` };
}

function scopeExclusion(scope: AdequacyScope, recipient: RecipientStanding): string | null {
  switch (scope) {
    case 'FULL':
      return null;
    case 'DPF_CERTIFIED_ONLY':
      return recipient.dpfCertified ? null : 'adequacy covers only recipients certified under the Data Privacy Framework';
    case 'COMMERCIAL_ORGANISATIONS_ONLY':
      return recipient.commercialOrganisation ? null : 'adequacy covers only commercial organisations';
  }
}

function isInForce(decision: AdequacyDecision, on: string): boolean {
  return decision.decidedOn <= on && (decision.expiresOn === null || on <= decision.expiresOn);
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
  const dates = [record.decidedOn, record.renewedOn, record.expiresOn].filter((date) => date !== undefined);
  if (!dates.every(isDate) || dates.some((date) => date < record.decidedOn)) {
    throw problem('dates must be YYYY-MM-DD, none before decidedOn');
  }
  const scope = SCOPES.find((known) => known === record.scope);
  if (scope === undefined) {
    throw problem(`unknown scope ${record.scope}`);
  }
  return Object.freeze({
    regime: record.regime,
    country: record.country,
    decidedOn: record.decidedOn,
    renewedOn: record.renewedOn ?? null,
    expiresOn: record.expiresOn ?? null,
    scope,
    instrument: record.instrument,
    source: record.source,
  });
}
