import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { EvidenceKind } from '../../domain/evidence-kind';
import { Safeguard, TransferMechanism } from '../../domain/transfer-mechanism';
import type { InventoryDocument } from '../../domain/inventory-document';
import { PartyKind } from '../../domain/party-kind';
import { buildRecordOfProcessing, recordOfProcessingCsv, recordOfProcessingMarkdown, type TransferHop } from './record-of-processing';

const DOCUMENT: InventoryDocument = {
  flowmap: 1,
  organisation: { name: 'Acme Ltd', policy: { title: 'Privacy Policy', url: 'https://acme.example/privacy' } },
  subjectCategories: [{ key: 'app-user', name: 'App user' }],
  dataCategories: [
    { key: 'contact.email', name: 'Email address' },
    { key: 'location.precise', name: 'Precise location', piplSensitive: true },
  ],
  parties: [
    { key: 'acme', name: 'Acme Ltd', kind: PartyKind.CONTROLLER, countries: ['CN'], evidence: [{ kind: EvidenceKind.RECIPIENT_CONTACT, datedOn: '2022-01-01', reference: 'privacy@acme.example' }] },
    { key: 'cloud', name: 'Cloud, Inc.', kind: PartyKind.PROCESSOR, countries: ['IE', 'US'] },
    { key: 'old-cloud', name: 'Old Cloud', kind: PartyKind.PROCESSOR, countries: ['CN'] },
  ],
  activities: [
    {
      key: 'accounts',
      name: 'Accounts | *login*',
      purpose: 'Run the "account",\nand sign in',
      controller: 'acme',
      legalBasis: LegalBasis.CONTRACT,
      subjectCategories: ['app-user'],
      dataCategories: [{ category: 'contact.email', required: true }, { category: 'location.precise', required: false }],
      retention: { period: 'P1Y', event: 'account closed' },
      securityMeasures: ['encryption at rest', 'access control'],
      effectiveFrom: '2022-01-01',
    },
    {
      key: 'cookies',
      name: 'Cookies',
      purpose: 'Analytics',
      controller: 'acme',
      legalBasis: LegalBasis.CONSENT,
      subjectCategories: ['app-user'],
      dataCategories: [{ category: 'contact.email', required: false }],
      effectiveFrom: '2022-01-01',
    },
    {
      key: 'ended',
      name: 'Ended',
      purpose: 'Gone',
      controller: 'acme',
      legalBasis: LegalBasis.CONSENT,
      subjectCategories: ['app-user'],
      dataCategories: [{ category: 'contact.email', required: false }],
      effectiveFrom: '2020-01-01',
      effectiveTo: '2021-12-31',
    },
  ],
  flows: [
    { key: 'to-cloud', activity: 'accounts', from: 'acme', to: 'cloud', dataCategories: ['contact.email'], effectiveFrom: '2022-01-01' },
    { key: 'to-old-cloud', activity: 'accounts', from: 'acme', to: 'old-cloud', dataCategories: ['contact.email'], effectiveFrom: '2020-01-01', effectiveTo: '2021-12-31' },
  ],
};

const TRANSFERS: TransferHop[] = [
  { activityKey: 'accounts', toKey: 'cloud', toCountries: ['IE', 'US'], transferRegimes: ['GDPR'], mechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES, safeguards: [Safeguard.ENCRYPTION] },
  // The same flow reached along a second path is listed once.
  { activityKey: 'accounts', toKey: 'cloud', toCountries: ['IE', 'US'], transferRegimes: ['GDPR'], mechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES, safeguards: [Safeguard.ENCRYPTION] },
];

describe('buildRecordOfProcessing (GDPR Art. 30(1))', () => {
  const records = buildRecordOfProcessing(DOCUMENT, TRANSFERS, '2024-06-01');

  it('lists the activities in force with every item, in words', () => {
    expect(records.map((record) => record.activityKey)).toEqual(['accounts', 'cookies']);
    expect(records[0]).toEqual({
      activityKey: 'accounts',
      activityName: 'Accounts | *login*',
      controller: 'Acme Ltd',
      controllerContact: 'privacy@acme.example',
      purpose: 'Run the "account",\nand sign in',
      legalBasis: 'Art. 6(1)(b) GDPR — contract; Art. 13(1)(2) PIPL — contract',
      subjectCategories: ['App user'],
      dataCategories: ['Email address (contact.email)', 'Precise location (location.precise, PIPL sensitive)'],
      recipients: ['Cloud, Inc. (PROCESSOR)'],
      // Under GDPR the third country is the US alone: IE is inside the EEA.
      transfers: ['Cloud, Inc. (US): STANDARD_CONTRACTUAL_CLAUSES; safeguards: ENCRYPTION'],
      retention: 'period: P1Y; event: account closed',
      securityMeasures: ['encryption at rest', 'access control'],
    });
  });

  it('leaves what the map lacks empty', () => {
    expect(records[1]).toMatchObject({ recipients: [], transfers: [], retention: null, securityMeasures: [] });
  });

  it('writes CSV with a header row and quoted fields', () => {
    const lines = recordOfProcessingCsv(records).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFactivity,name,controller,controller contact,purposes,legal basis,categories of data subjects,categories of personal data,recipients,third-country transfers and safeguards,retention,security measures',
    );
    expect(lines[1]).toBe(
      'accounts,Accounts | *login*,Acme Ltd,privacy@acme.example,"Run the ""account"",\nand sign in",Art. 6(1)(b) GDPR — contract; Art. 13(1)(2) PIPL — contract,App user,' +
        '"Email address (contact.email); Precise location (location.precise, PIPL sensitive)","Cloud, Inc. (PROCESSOR)",' +
        '"Cloud, Inc. (US): STANDARD_CONTRACTUAL_CLAUSES; safeguards: ENCRYPTION",period: P1Y; event: account closed,encryption at rest; access control',
    );
    expect(lines[2]).toBe('cookies,Cookies,Acme Ltd,privacy@acme.example,Analytics,Art. 6(1)(a) GDPR — consent; Art. 13(1)(1) PIPL — consent,App user,Email address (contact.email),,,,');
    expect(lines.at(-1)).toBe('');
  });

  it('writes Markdown: a section per activity, Markdown syntax escaped, gaps marked', () => {
    const markdown = recordOfProcessingMarkdown(records, { organisation: DOCUMENT.organisation ?? null, on: '2024-06-01' });
    expect(markdown).toContain('Organisation: Acme Ltd  \nPrivacy policy: Privacy Policy, https://acme.example/privacy  \nActivities in force on 2024-06-01: 2');
    expect(markdown).toContain('## Accounts \\| \\*login\\* (accounts)\n\n| Item | Entry |\n| --- | --- |\n| Controller | Acme Ltd |');
    expect(markdown).toContain('| Purposes | Run the "account",<br>and sign in |');
    expect(markdown).toContain('| Categories of personal data | Email address (contact.email)<br>Precise location (location.precise, PIPL sensitive) |');
    expect(markdown).toContain('## Cookies (cookies)');
    expect(markdown).toContain('| Retention | *not stated* |');
  });
});
