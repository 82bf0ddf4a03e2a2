import type { LegalBasis } from '../../domain/legal-basis';
import type { Safeguard, TransferMechanism } from '../../domain/transfer-mechanism';
import type { Finding } from './finding';
import type { CollectionRefusal } from './age-limits';
import type { HopVerdict } from './hop-verdict';

/** The verdict on a hop for one country it reaches, judged as if it reached that country alone. */
export interface DestinationVerdict {
  country: string;
  verdict: HopVerdict;
}

/** The mechanism a hop relies on under one regime for which it is a transfer. */
export interface ReliedMechanism {
  regime: string;
  mechanism: TransferMechanism;
  /** Its place in the flow's list (0: the first). */
  position: number;
}

/** One mechanism of the flow tried under one regime, in the flow's order, until one holds. */
export interface MechanismTrial {
  regime: string;
  mechanism: TransferMechanism;
  position: number;
  holds: boolean;
  /** Why it does not hold: the messages of the findings that rejected it. */
  reasons: string[];
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
  crossesBorder: boolean;
  /** Regimes whose transfer rules govern this hop: the exporter's and those that follow the data. */
  regimes: string[];
  /** Of `regimes`, those under which this hop is a transfer: some toCountry lies outside the regime's territory. */
  transferRegimes: string[];
  /** The flow's mechanisms in the order it relies on them. */
  mechanisms: TransferMechanism[];
  /**
   * The mechanism relied on: under the first of `transferRegimes` for which one holds; else the
   * first the flow names; null when it names none.
   */
  mechanism: TransferMechanism | null;
  /** Per regime for which the hop is a transfer, the first mechanism that holds; a regime none holds for is left out. */
  reliedOnMechanisms: ReliedMechanism[];
  /** The mechanisms tried, per transfer regime, up to the first that holds, with why the others failed. */
  mechanismTrials: MechanismTrial[];
  safeguards: Safeguard[];
  /** What the law says of the hop: the worst verdict effect among its findings. */
  verdict: HopVerdict;
  /** Per country in toCountries; `verdict` is the worst of them. */
  destinationVerdicts: DestinationVerdict[];
  /** The verdict is LAWFUL or LAWFUL_WITH_GAPS: the transfer stands, whatever evidence it lacks. */
  lawful: boolean;
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

/** An activity concerning the person that collects nothing from them, and why. */
export interface RefusedCollection {
  activityId: string;
  reason: CollectionRefusal;
  message: string;
}

export interface RecipientSummary {
  partyId: string;
  countries: string[];
  categoryIds: string[];
}

export interface DataFlowSummary {
  countriesReached: string[];
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
  /** Activities concerning the person that refuse to collect from them (their age limits). */
  refusedCollections: RefusedCollection[];
  /** Parties reached, controllers included. */
  partyIds: string[];
  hops: Hop[];
  summary: DataFlowSummary;
  findings: Finding[];
}
