import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { EvidenceKind } from '../../domain/evidence-kind';

/** What kind of entry holds a piece of evidence. */
export enum EvidenceHolder {
  PARTY = 'party',
  ACTIVITY = 'activity',
  FLOW = 'flow',
}

registerEnumType(EvidenceHolder, {
  name: 'EvidenceHolder',
  description: 'What kind of entry holds a piece of evidence.',
  valuesConfig: {
    PARTY: { description: 'A party: its processing agreements and certifications.' },
    ACTIVITY: { description: 'A processing activity: its Art. 9(2) condition and impact assessments.' },
    FLOW: { description: 'A flow: its transfer impact assessment, filings, assessments and notices.' },
  },
});

@ObjectType({ description: 'A piece of evidence that lapses within the window asked about, or has lapsed and was not renewed.' })
export class ExpiringEvidence {
  @Field(() => EvidenceHolder, { description: 'What kind of entry holds it.' })
  holder!: EvidenceHolder;

  @Field(() => String, { description: 'The key of the party, activity or flow that holds it.' })
  holderKey!: string;

  @Field(() => String, { description: "The holder's name (a flow's description, or its key)." })
  holderName!: string;

  @Field(() => EvidenceKind, { description: 'What the evidence is.' })
  kind!: EvidenceKind;

  @Field(() => LocalDate, { description: 'When it was signed, filed, passed or certified.' })
  datedOn!: string;

  @Field(() => String, { nullable: true, description: 'Where to find it.' })
  reference!: string | null;

  @Field(() => LocalDate, { description: 'Its last valid day: the expiry on record, and for a CAC security assessment at most 3 years from its result.' })
  lapsesOn!: string;

  @Field(() => Int, { description: 'Days from the day asked about to lapsesOn; negative once lapsed.' })
  daysLeft!: number;

  @Field(() => [String], { description: 'Keys of the flows in force that rely on it: those to the party, the flow itself, or the flows of the activity.' })
  flowKeys!: string[];
}
