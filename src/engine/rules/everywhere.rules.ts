import { isConsentBasis } from '../../domain/legal-basis';
import type { SnapshotActivity } from '../core/inventory-snapshot';
import { Severity } from '../core/finding';
import { describeHop, type ActivityRuleContext, type HopRuleContext } from '../core/rule-context';
import { RuleScope, VerdictEffect, type Rule } from '../core/rule-descriptor';

export function hasRetention(activity: Pick<SnapshotActivity, 'retentionPeriod' | 'retentionEvent'>): boolean {
  return (activity.retentionPeriod ?? '').trim() !== '' || (activity.retentionEvent ?? '').trim() !== '';
}

/**
 * An activity that promises to keep its data in one country ("stored in mainland China", as PIPL
 * Art. 40 requires of some handlers, or as a contract or notice promises) breaks the promise with
 * every hop that takes the data to another country, at any depth of the chain. A promise that
 * yields to the person's consent ("... unless you authorise otherwise") is kept by a hop resting
 * on a consent the person holds; other hops out of the country still break it.
 */
export const localisationBroken: Rule<HopRuleContext> = {
  id: 'ANY-LOCALISATION-BROKEN',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Localisation promise broken',
  explanation: 'The activity promises to keep its data in one country, and a hop takes it to another.',
  legalReference: 'The promise on record; PIPL Art. 40 where it is a legal duty',
  scope: RuleScope.HOP,
  regime: null,
  check: (context) => {
    const promisedCountry = context.activity.localisedIn;
    if (promisedCountry === null) return null;
    if (context.activity.localisedUnlessConsented && restsOnHeldConsent(context.hop)) return null;
    const elsewhere = context.hop.toCountries.filter((country) => country !== promisedCountry);
    if (elsewhere.length === 0) return null;
    return `${describeHop(context)} takes data of activity '${context.activity.key}', promised to stay in ${promisedCountry}, to ${elsewhere.join(', ')}`;
  },
};

/**
 * Data may be kept no longer than its purpose needs (GDPR Art. 5(1)(e), PIPL Art. 19), so every
 * activity must say how long: a period or an event that ends it.
 */
export const noRetention: Rule<ActivityRuleContext> = {
  id: 'ANY-NO-RETENTION',
  severity: Severity.MEDIUM,
  verdictEffect: VerdictEffect.GAP,
  title: 'Activity without retention',
  explanation: 'The activity states neither a retention period nor an event that ends retention.',
  legalReference: 'GDPR Art. 5(1)(e); PIPL Art. 19',
  scope: RuleScope.ACTIVITY,
  regime: null,
  check: ({ activity }) =>
    hasRetention(activity) ? null : `Activity '${activity.key}' states neither a retention period nor an event that ends retention`,
};

function restsOnHeldConsent(hop: HopRuleContext['hop']): boolean {
  return (hop.consentRequired || isConsentBasis(hop.legalBasis)) && hop.consentHeld;
}

export const EVERYWHERE_HOP_RULES: readonly Rule<HopRuleContext>[] = [localisationBroken];
export const EVERYWHERE_ACTIVITY_RULES: readonly Rule<ActivityRuleContext>[] = [noRetention];
