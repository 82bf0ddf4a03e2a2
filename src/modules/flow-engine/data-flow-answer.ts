import type { LegalBasis } from '../activity/legal-basis';
import type { Safeguard, TransferMechanism } from '../flow/transfer-mechanism';
import type { Finding } from '../rules/finding';
import type { HopVerdict } from './hop-verdict';

/** The verdict on a hop for one country it reaches, judged as if it reached that country alone. */
export interface DestinationVerdict {
  country: string;
  verdict: HopVerdict;
}

/** One edge the person's data actually travels, as of the time asked. */
export interface Hop {
  flowId: string;
  activityId: string;
  fromPartyId: string;
  toPartyId: string;
  /** 1 for a flow out of the activity's controller, 2 for its onward flows, ... */
  depth: number;
  /** Category ids carried: those that reached the sender and that the flow names. */
  categoryIds: string[];
  legalBasis: LegalBasis;
  consentRequired: boolean;
  /** Whether the person holds the consent this hop needs (true when none is needed). */
  consentHeld: boolean;
  /** Countries the data leaves from (where the sender holds it). */
  fromCountries: string[];
  /** Countries the data reaches. */
  toCountries: string[];
  /** The data reaches a country it was not in; null when toCountries is empty (no country on record: unknown, not "no border crossed"). */
  crossesBorder: boolean | null;
  /** Regimes whose transfer rules govern this hop: the exporter's and those that follow the data. */
  regimes: string[];
  /** Of `regimes`, those under which this hop is a transfer: some toCountry lies outside the regime's territory. */
  transferRegimes: string[];
  mechanism: TransferMechanism | null;
  safeguards: Safeguard[];
  /** What the law says of the hop: the worst verdict effect among its findings. */
  verdict: HopVerdict;
  /** Per country in toCountries; `verdict` is the worst of them. */
  destinationVerdicts: DestinationVerdict[];
  /** True for LAWFUL and LAWFUL_WITH_GAPS (the transfer stands, whatever evidence it lacks), false for UNLAWFUL, null for UNDETERMINED. */
  lawful: boolean | null;
  /** The hop rules' findings on the hop, which produced its verdict (empty when LAWFUL with no advisory). */
  findings: Finding[];
  /** Their messages. */
  reasons: string[];
  /** What the safeguards change, e.g. that anonymised data is outside the transfer rules. */
  notes: string[];
}

/** The data collection step: the controller receiving the person's data for an activity. */
export interface Collection {
  activityId: string;
  controllerPartyId: string;
  categoryIds: string[];
  legalBasis: LegalBasis;
  /** The controller is in none of the person's country: a cross-border collection. */
  crossBorderCollection: boolean;
  controllerCountries: string[];
}

export interface RecipientSummary {
  partyId: string;
  countries: string[];
  categoryIds: string[];
}

export interface DataFlowSummary {
  /** Countries known to be reached; a recipient with no country on record is in unknownDestinationPartyIds instead. */
  countriesReached: string[];
  /** Recipients reached by a hop whose destination country is not on record. */
  unknownDestinationPartyIds: string[];
  unknownDestinationHopCount: number;
  recipients: RecipientSummary[];
  crossBorderHopCount: number;
  lawfulHopCount: number;
  lawfulWithGapsHopCount: number;
  unlawfulHopCount: number;
  undeterminedHopCount: number;
}

export interface DataFlowAnswer {
  asOf: string;
  collections: Collection[];
  /** Parties reached, controllers included. */
  partyIds: string[];
  hops: Hop[];
  summary: DataFlowSummary;
  findings: Finding[];
}
