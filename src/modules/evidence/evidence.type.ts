import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { EvidenceKind } from '../../domain/evidence-kind';

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'A document or fact on record that the compliance rules need to see.',
  valuesConfig: {
    DATA_PROCESSING_AGREEMENT: { description: 'Party: data processing agreement (GDPR Art. 28(3)).' },
    PIPL_ENTRUSTMENT_AGREEMENT: { description: 'Party: entrusted-processing agreement (PIPL Art. 21).' },
    SAFE_HARBOUR_CERTIFICATION: { description: 'Party (US): certified under the Safe Harbour principles (Decision 2000/520/EC, invalid from 2015-10-06).' },
    PRIVACY_SHIELD_CERTIFICATION: { description: 'Party (US): certified under the EU-US Privacy Shield (Decision (EU) 2016/1250, invalid from 2020-07-16).' },
    DPF_CERTIFICATION: { description: 'Party (US): certified under the EU-US Data Privacy Framework.' },
    COMMERCIAL_ORGANISATION: { description: "Party (Canada): a commercial organisation subject to PIPEDA, as Canada's adequacy requires." },
    RECIPIENT_CONTACT: { description: "Party: contact published for the PIPL Art. 39 notice (reference holds it)." },
    TRANSFER_IMPACT_ASSESSMENT: { description: 'Flow: transfer impact assessment (CJEU C-311/18 Schrems II; EDPB Recommendations 01/2020).' },
    PIPL_STANDARD_CONTRACT_FILING: { description: 'Flow: PIPL standard contract filed with the provincial CAC.' },
    CAC_ASSESSMENT_PASSED: { description: 'Flow: CAC security assessment passed (valid 3 years).' },
    PIPL_CERTIFICATE: { description: 'Flow: personal information protection certificate.' },
    ART39_NOTICE: { description: 'Flow: the PIPL Art. 39 notice given to persons (recipient, contact, purpose, method, categories, rights).' },
    ART9_CONDITION: { description: 'Activity: the GDPR Art. 9(2) condition relied on for special-category data.' },
    PI_IMPACT_ASSESSMENT: { description: 'Activity or flow: personal information protection impact assessment (PIPL Arts. 55-56).' },
    DATA_PROTECTION_IMPACT_ASSESSMENT: { description: 'Activity: data protection impact assessment (GDPR Art. 35).' },
  },
});

@ObjectType({ description: 'A document or fact on record (a contract, a certification, an assessment, a filing).' })
export class Evidence {
  @Field(() => EvidenceKind, { description: 'What this evidence is.' })
  kind!: EvidenceKind;

  @Field(() => LocalDate, { description: 'When it was signed, filed, passed or certified.' })
  datedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When it stops being valid, if it does.' })
  expiresOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Where to find it: a contract number, a filing number, a URL.' })
  reference!: string | null;
}

@InputType({ description: 'A document or fact on record.' })
export class EvidenceInput {
  @Field(() => EvidenceKind, { description: 'What this evidence is.' })
  kind!: EvidenceKind;

  @Field(() => LocalDate, { description: 'When it was signed, filed, passed or certified.' })
  datedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When it stops being valid, if it does.' })
  expiresOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Where to find it: a contract number, a filing number, a URL.' })
  reference?: string | null;
}
