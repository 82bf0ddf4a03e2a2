import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import type { Finding } from '../flow-query/flow-query.type';
import { Severity } from '../../engine/core/finding';
import { RULES } from '../../engine/rules/rule-catalogue';
import { applyBaseline, parseBaseline } from './baseline';
import { entryLocator } from './entry-locations';
import { findingsSarif, githubAnnotations } from './sarif';

// The schema's own patterns are not valid with the u flag; formats are not checked (no format plug-in for draft 4).
const validateSarif = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(sarifSchema);

const MAP = `flowmap: 1
parties:
  - { key: acme, name: Acme, kind: CONTROLLER, countries: [DE] }
  - key: cloud
    name: Cloud Inc.
    kind: PROCESSOR
    countries: [US]
subjectCategories:
  - { key: customer, name: Customer }
dataCategories:
  - { key: contact.email, name: Email }
activities:
  - key: accounts
    name: Accounts
    controller: acme
    purpose: Run the account
    legalBasis: CONTRACT
    subjectCategories: [customer]
    dataCategories: [{ category: contact.email, required: true }]
    retention: { event: account closed }
    effectiveFrom: 2024-01-01
flows:
  - key: to-cloud
    activity: accounts
    from: acme
    to: cloud
    dataCategories: [contact.email]
    effectiveFrom: 2024-01-01
`;

function makeFinding(overrides: Partial<Finding>): Finding {
  return { ruleId: 'GDPR-TRANSFER-NO-MECHANISM', severity: Severity.CRITICAL, legalReference: 'GDPR Art. 44-46', message: 'no mechanism', partyKeys: ['acme', 'cloud'], flowKeys: ['to-cloud'], activityKeys: ['accounts'], personIds: [], personCount: 0, ...overrides };
}

describe('entryLocator', () => {
  it('points a finding at its flow, else its activity, else its party', () => {
    const locate = entryLocator(MAP, 'yaml');
    expect(locate(makeFinding({}))).toEqual({ line: 23, column: 5 });
    expect(locate(makeFinding({ flowKeys: [] }))).toEqual({ line: 13, column: 5 });
    expect(locate(makeFinding({ flowKeys: [], activityKeys: [], partyKeys: ['cloud'] }))).toEqual({ line: 4, column: 5 });
    expect(locate(makeFinding({ flowKeys: ['unknown'], activityKeys: [], partyKeys: [] }))).toBeNull();
  });

  it('refuses a file the import would refuse', () => {
    expect(() => entryLocator('flowmap: 1\nparties: [{ key: x }]\n', 'yaml')).toThrow(/not valid .* first at 2:/);
  });
});

describe('findingsSarif', () => {
  const open = makeFinding({});
  const accepted = makeFinding({ ruleId: 'GDPR-PROCESSOR-NO-DPA', severity: Severity.MEDIUM, flowKeys: [], activityKeys: [], partyKeys: ['cloud'] });
  const baseline = applyBaseline(
    [open, accepted],
    parseBaseline('accepted:\n  - { rule: GDPR-PROCESSOR-NO-DPA, subject: party:cloud, justification: DPA in signature, acceptedBy: dpo, until: 2030-01-01 }\n', 'b.yaml'),
    '2026-12-02',
  );
  const log = findingsSarif([open, accepted], { rules: RULES, file: 'map.yaml', locate: entryLocator(MAP, 'yaml'), baseline, version: '0.1.0' });

  it('is a valid SARIF 2.1.0 log', () => {
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.runs[0].tool.driver.rules!.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
  });

  it('places each result at its entry, levelled by severity, with accepted ones suppressed', () => {
    const [first, second] = log.runs[0].results!;
    expect(first).toMatchObject({ ruleId: 'GDPR-TRANSFER-NO-MECHANISM', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'map.yaml' }, region: { startLine: 23, startColumn: 5 } } }] });
    expect(first.suppressions).toBeUndefined();
    expect(RULES[first.ruleIndex!].id).toBe('GDPR-TRANSFER-NO-MECHANISM');
    expect(second).toMatchObject({ level: 'warning', suppressions: [{ kind: 'external', status: 'accepted', justification: 'DPA in signature (accepted by dpo until 2030-01-01)' }] });
    expect(second.locations![0].physicalLocation!.region).toEqual({ startLine: 4, startColumn: 5 });
  });
});

describe('githubAnnotations', () => {
  it('writes one workflow command per finding, escaping what the syntax reserves', () => {
    const text = githubAnnotations([makeFinding({ message: '50% of it,\nnowhere: lost' }), makeFinding({ severity: Severity.LOW, flowKeys: [], activityKeys: [], partyKeys: [] })], 'maps/map.yaml', entryLocator(MAP, 'yaml'));
    expect(text).toBe(
      '::error file=maps/map.yaml,line=23,col=5,title=CRITICAL GDPR-TRANSFER-NO-MECHANISM::50%25 of it,%0Anowhere: lost [GDPR Art. 44-46]\n' +
        '::notice file=maps/map.yaml,title=LOW GDPR-TRANSFER-NO-MECHANISM::no mechanism [GDPR Art. 44-46]\n',
    );
  });
});
