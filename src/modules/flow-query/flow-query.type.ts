import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../common/pagination';
import { LegalBasis } from '../../domain/legal-basis';
import { ConsentInput } from '../consent/consent.type';
import { Safeguard, TransferMechanism } from '../../domain/transfer-mechanism';
import { HopVerdict } from '../../engine/core/hop-verdict';
import { Severity } from '../../engine/core/finding';
import { VerdictEffect } from '../../engine/core/rule-descriptor';
import { CollectionRefusal } from '../../engine/core/age-limits';

registerEnumType(CollectionRefusal, {
  name: 'CollectionRefusal',
  description: "Why an activity concerning the person collects nothing from them: the age limits of the activity's own notice.",
  valuesConfig: {
    BELOW_MINIMUM_AGE: { description: 'The person is younger than the activity’s minimumAge ("adults only").' },
    NO_GUARDIAN_CONSENT: { description: 'The person is younger than the activity’s guardianConsentUnder and holds no consent of a guardian to it.' },
  },
});

registerEnumType(Severity, {
  name: 'Severity',
  description: 'How serious a finding is.',
  valuesConfig: {
    INFO: { description: 'Worth knowing; nothing to fix.' },
    LOW: { description: 'A gap in the record.' },
    MEDIUM: { description: 'A missing document or step that the law asks for.' },
    HIGH: { description: 'Processing or a transfer without what makes it lawful.' },
    CRITICAL: { description: 'An unlawful export or a broken promise to persons.' },
  },
});

registerEnumType(VerdictEffect, {
  name: 'VerdictEffect',
  description: 'What a finding of a rule means in law, apart from how urgent it is.',
  valuesConfig: {
    UNLAWFUL: { description: 'No valid mechanism, legal basis or consent: the processing or transfer is unlawful.' },
    GAP: { description: 'The mechanism or basis holds, but accountability evidence is missing (TIA, DPA, filing, notice, record).' },
    UNDETERMINED: { description: 'A fact the law needs is not on record, so no verdict can be given.' },
    ADVISORY: { description: 'Worth acting on, but neither makes nor breaks lawfulness.' },
  },
});

registerEnumType(HopVerdict, {
  name: 'HopVerdict',
  description: 'What the law says of a hop: the worst verdict effect among the findings on it (UNLAWFUL, then UNDETERMINED, then GAP; an ADVISORY finding leaves it LAWFUL).',
  valuesConfig: {
    LAWFUL: { description: 'No rule finds fault with the hop (advisory findings aside).' },
    LAWFUL_WITH_GAPS: { description: 'The mechanism and basis hold, but accountability evidence is missing (TIA, DPA, filing, notice).' },
    UNLAWFUL: { description: 'No valid mechanism, legal basis or consent.' },
    UNDETERMINED: { description: 'A fact the law needs is missing (destination country, recipient identity): the hop cannot be assessed.' },
  },
});

@ObjectType({ description: 'A compliance problem found by a rule.' })
export class Finding {
  @Field(() => String, { description: 'Stable id of the rule, e.g. `GDPR-TRANSFER-NO-MECHANISM`.' })
  ruleId!: string;

  @Field(() => Severity, { description: 'How serious it is.' })
  severity!: Severity;

  @Field(() => String, { description: 'The article of the law, e.g. `GDPR Art. 44-46`.' })
  legalReference!: string;

  @Field(() => String, { description: 'What is wrong, naming the things concerned.' })
  message!: string;

  @Field(() => [String], { description: 'Keys of the parties concerned.' })
  partyKeys!: string[];

  @Field(() => [String], { description: 'Keys of the flows concerned.' })
  flowKeys!: string[];

  @Field(() => [String], { description: 'Keys of the activities concerned.' })
  activityKeys!: string[];

  @Field(() => [String], { description: 'External ids of the persons concerned (AUDITOR and ADMIN only).' })
  personIds!: string[];

  @Field(() => Int, {
    description:
      'How many stored persons the finding concerns: 0 for a finding about the data map alone; across the whole map a finding about persons is one per rule and activity, naming them all in personIds.',
  })
  personCount!: number;
}

export const FindingConnection = connectionType(Finding, 'Finding', 'most severe first, then by rule id, then in the order the map is walked (activities by key, hops breadth first)');

@ObjectType({ description: 'A rule Flowmap checks.' })
export class Rule {
  @Field(() => String, { description: 'Stable id.' })
  id!: string;

  @Field(() => Severity, { description: 'Severity of its findings.' })
  severity!: Severity;

  @Field(() => VerdictEffect, { description: 'What its findings mean for the verdict on what they concern.' })
  verdictEffect!: VerdictEffect;

  @Field(() => String, { description: 'What it checks, in one line.' })
  title!: string;

  @Field(() => String, { description: 'The article of the law.' })
  legalReference!: string;
}

@ObjectType({ description: 'Where a person stands: a party reached, with its kind and countries.' })
export class ReachedParty {
  @Field(() => String, { description: 'Key of the party.' })
  key!: string;

  @Field(() => String, { description: 'Name of the party.' })
  name!: string;

  @Field(() => String, { description: 'Kind of party.' })
  kind!: string;

  @Field(() => [String], { description: 'Countries where the party holds data.' })
  countries!: string[];
}

@ObjectType({ description: "The person's data collected by a controller for an activity." })
export class CollectionStep {
  @Field(() => String, { description: 'Key of the activity.' })
  activityKey!: string;

  @Field(() => String, { description: 'Key of the controller.' })
  controllerKey!: string;

  @Field(() => [String], { description: 'Keys of the data categories collected.' })
  categoryKeys!: string[];

  @Field(() => LegalBasis, { description: 'Basis of the collection.' })
  legalBasis!: LegalBasis;

  @Field(() => Boolean, { description: "The controller is in none of the person's country: data collected from abroad." })
  crossBorderCollection!: boolean;

  @Field(() => [String], { description: "The controller's countries." })
  controllerCountries!: string[];
}

@ObjectType({ description: 'The mechanism a hop relies on under one regime for which it is a transfer.' })
export class ReliedMechanism {
  @Field(() => String, { description: 'The regime (GDPR, UK_GDPR, PIPL).' })
  regime!: string;

  @Field(() => TransferMechanism, { description: 'The first of the flow\'s mechanisms that holds under it.' })
  mechanism!: TransferMechanism;

  @Field(() => Int, { description: "Its place in the flow's list, 0 for the first." })
  position!: number;
}

@ObjectType({ description: "One of a flow's mechanisms tried under one regime." })
export class MechanismTrial {
  @Field(() => String, { description: 'The regime it was tried under.' })
  regime!: string;

  @Field(() => TransferMechanism, { description: 'The mechanism tried.' })
  mechanism!: TransferMechanism;

  @Field(() => Int, { description: "Its place in the flow's list, 0 for the first." })
  position!: number;

  @Field(() => Boolean, { description: 'It holds: no finding of the regime rejects it (it may still lack evidence such as a TIA or a filing).' })
  holds!: boolean;

  @Field(() => [String], { description: 'Why it does not hold: the messages of the findings that reject it; empty when it holds.' })
  reasons!: string[];
}

@ObjectType({ description: 'An activity concerning the person that collects nothing from them, and why.' })
export class RefusedCollectionStep {
  @Field(() => String, { description: 'Key of the activity.' })
  activityKey!: string;

  @Field(() => CollectionRefusal, { description: 'Why it refuses.' })
  reason!: CollectionRefusal;

  @Field(() => String, { description: 'The refusal in a sentence, with the limit and the age.' })
  message!: string;
}

@ObjectType({ description: 'The verdict on a hop for one country it reaches, judged as if it reached that country alone.' })
export class DestinationVerdict {
  @Field(() => String, { description: 'A country the hop reaches.' })
  country!: string;

  @Field(() => HopVerdict, { description: 'The verdict for that country.' })
  verdict!: HopVerdict;
}

@ObjectType({ description: "One edge the person's data travels, with whether it is lawful and why." })
export class DataHop {
  @Field(() => String, { description: 'Key of the flow.' })
  flowKey!: string;

  @Field(() => String, { description: 'Key of the activity.' })
  activityKey!: string;

  @Field(() => String, { description: 'Key of the sending party.' })
  fromKey!: string;

  @Field(() => String, { description: 'Key of the receiving party.' })
  toKey!: string;

  @Field(() => Int, { description: '1 for a flow out of the controller, 2 for its onward flows, ...' })
  depth!: number;

  @Field(() => [String], { description: 'Keys of the data categories carried on this hop.' })
  categoryKeys!: string[];

  @Field(() => LegalBasis, { description: 'Legal basis of the hop.' })
  legalBasis!: LegalBasis;

  @Field(() => Boolean, { description: "The hop needs the person's consent." })
  consentRequired!: boolean;

  @Field(() => Boolean, { description: 'The person holds the consent it needs (true when none is needed).' })
  consentHeld!: boolean;

  @Field(() => [String], { description: 'Countries the data leaves from.' })
  fromCountries!: string[];

  @Field(() => [String], { description: 'Countries the data reaches.' })
  toCountries!: string[];

  @Field(() => Boolean, { description: 'Whether the data reaches a country it was not in.' })
  crossesBorder!: boolean;

  @Field(() => [String], { description: "Regimes whose transfer rules govern the hop: the exporter's and those that follow the data." })
  regimes!: string[];

  @Field(() => [String], {
    description:
      "Of `regimes`, those under which the hop is a restricted transfer: it reaches a country outside the regime's territory (the EEA under GDPR; the UK under UK GDPR; mainland China under PIPL, so Hong Kong, Macao and Taiwan are outside). Empty: no transfer, even when a border is crossed (IE -> BE).",
  })
  transferRegimes!: string[];

  @Field(() => [TransferMechanism], { description: "The flow's transfer mechanisms, in the order it relies on them." })
  mechanisms!: TransferMechanism[];

  @Field(() => TransferMechanism, {
    nullable: true,
    description: 'The mechanism relied on: the first that holds under the first of `transferRegimes` for which one holds (see `reliedOnMechanisms`); else the first the flow names; null when it names none.',
  })
  mechanism!: TransferMechanism | null;

  @Field(() => [ReliedMechanism], { description: 'Per regime for which the hop is a transfer, the first of its mechanisms that holds; a regime under which none holds is missing.' })
  reliedOnMechanisms!: ReliedMechanism[];

  @Field(() => [MechanismTrial], { description: 'The mechanisms tried per transfer regime, in the flow\'s order up to the first that holds, each with why it failed.' })
  mechanismTrials!: MechanismTrial[];

  @Field(() => [Safeguard], { description: 'Safeguards applied.' })
  safeguards!: Safeguard[];

  @Field(() => HopVerdict, { description: 'What the law says of the hop, from the findings on it: the worst of its destination verdicts.' })
  verdict!: HopVerdict;

  @Field(() => [DestinationVerdict], { description: 'The verdict for each country the hop reaches: its IE leg is not unlawful because its US leg is.' })
  destinationVerdicts!: DestinationVerdict[];

  @Field(() => Boolean, { description: 'Derived from the verdict: LAWFUL or LAWFUL_WITH_GAPS (the transfer stands, whatever evidence it lacks).' })
  lawful!: boolean;

  @Field(() => [Finding], { description: 'The findings on the hop that produced its verdict.' })
  findings!: Finding[];

  @Field(() => [String], { description: 'The messages of those findings.' })
  reasons!: string[];
}

export const DataHopConnection = connectionType(DataHop, 'DataHop', 'in the order the data map is walked: activities by key, hops breadth first');

@ObjectType({ description: 'A recipient of the data and what it receives.' })
export class RecipientReach {
  @Field(() => String, { description: 'Key of the party.' })
  partyKey!: string;

  @Field(() => String, { description: 'Kind of party.' })
  kind!: string;

  @Field(() => [String], { description: 'Countries where it receives the data.' })
  countries!: string[];

  @Field(() => [String], { description: 'Keys of the categories it receives.' })
  categoryKeys!: string[];
}

@ObjectType({ description: 'The short answer.' })
export class DataFlowSummaryResult {
  @Field(() => [String], { description: 'Every country the data reaches, controllers included.' })
  countriesReached!: string[];

  @Field(() => [RecipientReach], { description: 'Recipients, with countries and categories.' })
  recipients!: RecipientReach[];

  @Field(() => Int, { description: 'Hops that cross a border.' })
  crossBorderHopCount!: number;

  @Field(() => Int, { description: 'Hops with verdict LAWFUL.' })
  lawfulHopCount!: number;

  @Field(() => Int, { description: 'Hops with verdict LAWFUL_WITH_GAPS.' })
  lawfulWithGapsHopCount!: number;

  @Field(() => Int, { description: 'Hops with verdict UNLAWFUL (no longer those with only missing evidence).' })
  unlawfulHopCount!: number;

  @Field(() => Int, { description: 'Hops with verdict UNDETERMINED.' })
  undeterminedHopCount!: number;
}

@ObjectType({ description: "Where a person's data flows as of a time: to whom, in which countries, on what basis, and what is non-compliant." })
export class DataFlowMap {
  @Field(() => String, { description: 'The time the answer holds for (ISO 8601).' })
  asOf!: string;

  @Field(() => Int, { description: 'The depth limit applied.' })
  maxDepth!: number;

  @Field(() => [CollectionStep], { description: 'Activities that collect the data.' })
  collections!: CollectionStep[];

  @Field(() => [RefusedCollectionStep], {
    description: "Activities concerning the person that collect nothing from them because of their own age limits (minimumAge, guardianConsentUnder). An unknown age counts as adult: it is never refused.",
  })
  refusedCollections!: RefusedCollectionStep[];

  @Field(() => [ReachedParty], { description: 'Parties reached, controllers included.' })
  parties!: ReachedParty[];

  @Field(() => [DataHop], { description: 'Every hop the data travels.' })
  hops!: DataHop[];

  @Field(() => DataFlowSummaryResult, { description: 'Countries, recipients, categories per recipient.' })
  summary!: DataFlowSummaryResult;

  @Field(() => [Finding], { description: 'Compliance findings on this answer.' })
  findings!: Finding[];
}

@InputType({ description: 'A kind of person that is not stored: the flow question asked hypothetically.' })
export class SubjectProfileInput {
  @Field(() => [String], { description: 'Keys of subject categories.' })
  subjectCategories!: string[];

  @Field(() => String, { description: 'Country of residence (ISO 3166-1 alpha-2).' })
  countryOfResidence!: string;

  @Field(() => Int, { nullable: true, description: 'Age in whole years; unknown means adult.' })
  age?: number | null;

  @Field(() => [ConsentInput], { nullable: true, description: 'Consents held.' })
  consents?: ConsentInput[];
}

@ObjectType({ description: 'A party that receives a data category, and where.' })
export class CategoryRecipient {
  @Field(() => String, { description: 'Key of the party.' })
  partyKey!: string;

  @Field(() => String, { description: 'Kind of party.' })
  kind!: string;

  @Field(() => [String], { description: 'Countries where it receives the category.' })
  countries!: string[];
}

@ObjectType({ description: "Stored persons whose data reaches a party or a country: how many, and a page of their external ids." })
export class PersonsReachingResult {
  @Field(() => Int, { description: 'How many persons in all.' })
  count!: number;

  @Field(() => [String], { description: 'A page of external ids, in order.' })
  externalIds!: string[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}

@InputType({ description: 'Which cross-border transfers to list.' })
export class TransferFilterInput {
  @Field(() => String, { nullable: true, description: 'Only transfers under this regime (GDPR, UK_GDPR, PIPL).' })
  regime?: string;

  @Field(() => String, { nullable: true, description: 'Only transfers reaching this country.' })
  destinationCountry?: string;

  @Field(() => TransferMechanism, { nullable: true, description: 'Only transfers under this mechanism.' })
  mechanism?: TransferMechanism;

  @Field(() => Boolean, { nullable: true, description: 'Only lawful (true: LAWFUL or LAWFUL_WITH_GAPS) or other (false) transfers.' })
  lawful?: boolean;

  @Field(() => HopVerdict, { nullable: true, description: 'Only transfers with this verdict.' })
  verdict?: HopVerdict;
}
