import { describe, expect, it } from 'vitest';
import { ConsentKind } from '../../domain/consent-kind';
import { EvidenceKind } from '../../domain/evidence-kind';
import { PartyKind } from '../../domain/party-kind';
import type { InventoryDocument } from '../../domain/inventory-document';
import { InventoryFileErrorCode as Code, type InventoryFileError } from './inventory-file-error';
import { EXAMPLE_NAMES, makeInventory, readExample } from './inventory.fixtures';
import { parseInventoryFile, type ParsedInventoryFile } from './parse-inventory-file';
import { validateInventory } from './validate-inventory';

function errorsOf(result: ParsedInventoryFile): InventoryFileError[] {
  if ('document' in result) throw new Error('expected errors, got a document');
  return result.errors;
}

/** The problems of a valid document after `change`, as [path, code] pairs. */
function problemsAfter(change: (document: InventoryDocument) => void): [string, Code][] {
  const document = makeInventory();
  change(document);
  return validateInventory(document).map(({ path, code }) => [path, code]);
}

describe('parseInventoryFile', () => {
  it('reads a valid YAML document', () => {
    const result = parseInventoryFile('flowmap: 1\nparties:\n  - { key: acme, name: Acme, kind: CONTROLLER, countries: [NO] }\n');
    expect(result).toEqual({ document: { flowmap: 1, parties: [{ key: 'acme', name: 'Acme', kind: 'CONTROLLER', countries: ['NO'] }] } });
  });

  it('reads the same document written as JSON', () => {
    const text = JSON.stringify(makeInventory(), null, '\t');
    expect(parseInventoryFile(text, 'json')).toEqual({ document: makeInventory() });
  });

  it('reports YAML syntax errors with their line and column, and nothing else', () => {
    const text = ['flowmap: 1', 'parties:', '  - key: acme', '    key: other', '    countries: [CN', 'flows: 3'].join('\n');
    const errors = errorsOf(parseInventoryFile(text));
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((error) => error.code === Code.SYNTAX_ERROR && error.path === '')).toBe(true);
    expect(errors[0]).toMatchObject({ line: 4, column: 5, message: expect.stringMatching(/unique/) });
  });

  it('refuses bare words in JSON', () => {
    const errors = errorsOf(parseInventoryFile('{\n  "flowmap": 1,\n  "parties": nope\n}', 'json'));
    expect(errors).toEqual([expect.objectContaining({ code: Code.SYNTAX_ERROR, line: 3, column: 14 })]);
  });

  it('reports every schema violation at once, each at the offending node', () => {
    const text = [
      'flowmap: 1', //                                                       1
      'parties:', //                                                         2
      '  - key: Acme', //                                                    3
      '    name: Acme', //                                                   4
      '    kind: CONTROLER', //                                              5
      '    countries: [CN, CN]', //                                          6
      '    colour: blue', //                                                 7
      '  - name: No key', //                                                 8
      '    kind: PROCESSOR', //                                              9
      '    countries: []', //                                               10
      'activities:', //                                                     11
      '  - key: a', //                                                      12
      '    name: A', //                                                     13
      '    purpose: p', //                                                  14
      '    controller: acme', //                                            15
      '    legalBasis: CONTRACT', //                                        16
      '    subjectCategories: []', //                                       17
      '    dataCategories: []', //                                          18
      '    retention: { period: thirty days }', //                          19
      '    effectiveFrom: 2022-02-30', //                                   20
    ].join('\n');
    const errors = errorsOf(parseInventoryFile(text));
    expect(errors.map(({ path, line, column, code }) => ({ path, line, column, code }))).toEqual([
      { path: '/parties/0/key', line: 3, column: 10, code: Code.SCHEMA_VIOLATION },
      { path: '/parties/0/kind', line: 5, column: 11, code: Code.SCHEMA_VIOLATION },
      { path: '/parties/0/countries/1', line: 6, column: 21, code: Code.SCHEMA_VIOLATION },
      { path: '/parties/0/colour', line: 7, column: 13, code: Code.SCHEMA_VIOLATION },
      { path: '/parties/1/key', line: 8, column: 5, code: Code.SCHEMA_VIOLATION },
      { path: '/activities/0/retention/period', line: 19, column: 26, code: Code.SCHEMA_VIOLATION },
      { path: '/activities/0/effectiveFrom', line: 20, column: 20, code: Code.SCHEMA_VIOLATION },
    ]);
    expect(errors.map(({ message }) => message)).toEqual([
      "key: 'Acme' is not valid: Stable key: lowercase letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters.",
      "kind: 'CONTROLER' is not one of CONTROLLER, AFFILIATE, PROCESSOR, SUB_PROCESSOR, SDK_PROVIDER, THIRD_PARTY, JOINT_CONTROLLER, PUBLIC_AUTHORITY",
      "countries[1]: 'CN' is listed twice",
      'colour: is not a field of this entry',
      'key: is required',
      "period: 'thirty days' is not an ISO 8601 duration such as 'P30D'",
      "effectiveFrom: '2022-02-30' is not a date (YYYY-MM-DD)",
    ]);
  });

  it('reports schema and semantic errors together, checking only the entries that pass the schema', () => {
    const text = [
      'flowmap: 1',
      'parties:',
      '  - { key: acme, name: Acme, kind: CONTROLLER, countries: [XX] }',
      '  - { key: cloud, name: Cloud, kind: PROCESSR, countries: [IE] }',
      'activities: []',
      'flows:',
      '  - { key: f, activity: nothing, from: acme, to: cloud, dataCategories: [], effectiveFrom: 2022-01-01 }',
    ].join('\n');
    const errors = errorsOf(parseInventoryFile(text));
    // 'cloud' breaks the schema, so it is not checked further, but it is still a known party for the flow.
    expect(errors.map(({ path, line, column, code }) => ({ path, line, column, code }))).toEqual([
      { path: '/parties/0/countries/0', line: 3, column: 60, code: Code.UNKNOWN_COUNTRY },
      { path: '/parties/1/kind', line: 4, column: 38, code: Code.SCHEMA_VIOLATION },
      { path: '/flows/0/activity', line: 7, column: 25, code: Code.UNKNOWN_REFERENCE },
    ]);
    expect(errors[2].message).toBe("activity: no activity 'nothing'");
  });

  it('refuses an exception to a localisation promise that is not there', () => {
    const text = [
      'flowmap: 1',
      'parties:',
      '  - { key: acme, name: Acme, kind: CONTROLLER, countries: [CN] }',
      'subjectCategories:',
      '  - { key: user, name: User }',
      'activities:',
      '  - key: accounts',
      '    name: Accounts',
      '    purpose: Run the account',
      '    controller: acme',
      '    legalBasis: CONTRACT',
      '    subjectCategories: [user]',
      '    dataCategories: []',
      '    localisedUnlessConsented: true',
      '    effectiveFrom: 2022-01-01',
    ].join('\n');
    expect(errorsOf(parseInventoryFile(text))).toEqual([
      {
        path: '/activities/0/localisedUnlessConsented',
        line: 14,
        column: 31,
        code: Code.EXCEPTION_WITHOUT_PROMISE,
        message: 'localisedUnlessConsented: needs localisedIn, the promise it is an exception to',
      },
    ]);
  });

  it('places a field without a value at its key', () => {
    const errors = errorsOf(parseInventoryFile('flowmap: 1\norganisation:\n  name:\n'));
    expect(errors).toEqual([
      { path: '/organisation/name', line: 3, column: 3, code: Code.SCHEMA_VIOLATION, message: 'name: null must be string' },
    ]);
  });

  it('reports an empty file as a missing document', () => {
    expect(errorsOf(parseInventoryFile(''))).toEqual([
      { path: '', line: null, column: null, code: Code.SCHEMA_VIOLATION, message: 'document: null must be object' },
    ]);
  });

  it('reports a wrong format version', () => {
    expect(errorsOf(parseInventoryFile('flowmap: 2\n'))).toEqual([
      { path: '/flowmap', line: 1, column: 10, code: Code.SCHEMA_VIOLATION, message: 'flowmap: 2 must be 1' },
    ]);
  });

  it.each(EXAMPLE_NAMES)('reads the example %s without errors', (name) => {
    expect(parseInventoryFile(readExample(name))).toHaveProperty('document');
  });
});

describe('validateInventory', () => {
  it('finds nothing wrong with a valid document', () => {
    expect(validateInventory(makeInventory())).toEqual([]);
  });

  it('reports a key used twice in a section, and a category listed twice in an activity', () => {
    const document = makeInventory();
    document.parties!.push({ key: 'cloud', name: 'Other cloud', kind: PartyKind.PROCESSOR, countries: ['IE'] });
    document.activities![0].dataCategories.push({ category: 'contact', required: false });
    document.persons!.push({ ...document.persons![0] });
    expect(validateInventory(document)).toEqual([
      { path: '/parties/3/key', code: Code.DUPLICATE_KEY, message: "key: 'cloud' is already used at /parties/1/key" },
      { path: '/persons/1/externalId', code: Code.DUPLICATE_KEY, message: "externalId: 'user-1' is already used at /persons/0/externalId" },
      { path: '/activities/0/dataCategories/2/category', code: Code.DUPLICATE_KEY, message: "category: 'contact' is already used at /activities/0/dataCategories/1/category" },
    ]);
  });

  it('reports every unknown reference', () => {
    const problems = problemsAfter((document) => {
      document.dataCategories![1].parent = 'contacts';
      document.activities![0].controller = 'acme-gmbh';
      document.activities![0].subjectCategories = ['app-user', 'kid'];
      document.activities![0].dataCategories[0].category = 'location.exact';
      document.flows![0] = { ...document.flows![0], activity: 'signup', from: 'acm', to: 'clod', dataCategories: ['contact.phone'] };
      document.persons![0].subjectCategories = ['customer'];
      document.persons![0].consents = [{ flow: 'to-clod', kind: ConsentKind.ORDINARY, givenAt: '2024-01-01T00:00:00Z' }];
      document.parties![2].engagedBy = 'clouds';
    });
    expect(problems).toEqual([
      ['/dataCategories/1/parent', Code.UNKNOWN_REFERENCE],
      ['/parties/2/engagedBy', Code.UNKNOWN_REFERENCE],
      ['/activities/0/controller', Code.UNKNOWN_REFERENCE],
      ['/activities/0/subjectCategories/1', Code.UNKNOWN_REFERENCE],
      ['/activities/0/dataCategories/0/category', Code.UNKNOWN_REFERENCE],
      ['/flows/0/activity', Code.UNKNOWN_REFERENCE],
      ['/flows/0/from', Code.UNKNOWN_REFERENCE],
      ['/flows/0/to', Code.UNKNOWN_REFERENCE],
      ['/flows/0/dataCategories/0', Code.UNKNOWN_REFERENCE],
      ['/persons/0/subjectCategories/0', Code.UNKNOWN_REFERENCE],
      ['/persons/0/consents/0/flow', Code.UNKNOWN_REFERENCE],
    ]);
  });

  it('leaves references into a section the document leaves out to the registry', () => {
    const { flows, persons } = makeInventory();
    expect(validateInventory({ flowmap: 1, flows, persons })).toEqual([]);
    expect(validateInventory({ flowmap: 1, flows, persons, parties: [] }).map(({ path }) => path)).toEqual(['/flows/0/from', '/flows/0/to']);
  });

  it('names the field and the value in each message', () => {
    const document = makeInventory();
    document.flows![0].to = 'clod';
    expect(validateInventory(document)).toEqual([{ path: '/flows/0/to', code: Code.UNKNOWN_REFERENCE, message: "to: no party 'clod'" }]);
  });

  it('reports codes that are not countries', () => {
    const problems = problemsAfter((document) => {
      document.parties![0].countries = ['CN', 'QQ', 'EU'];
      document.activities![0].localisedIn = 'UK';
      document.persons![0].countryOfResidence = 'ZZ';
      document.organisation = { name: 'Acme', representatives: [{ contact: 'rep@acme.example', country: 'DE' }, { contact: 'rep@acme.example', country: 'XX' }] };
    });
    expect(problems).toEqual([
      ['/parties/0/countries/1', Code.UNKNOWN_COUNTRY],
      ['/parties/0/countries/2', Code.UNKNOWN_COUNTRY],
      ['/activities/0/localisedIn', Code.UNKNOWN_COUNTRY],
      ['/persons/0/countryOfResidence', Code.UNKNOWN_COUNTRY],
      ['/organisation/representatives/1/country', Code.UNKNOWN_COUNTRY],
    ]);
  });

  it('reports each category on a cycle of parents', () => {
    const document = makeInventory();
    document.dataCategories![0].parent = 'contact.email';
    document.dataCategories![2].parent = 'location';
    expect(validateInventory(document)).toEqual([
      { path: '/dataCategories/0/parent', code: Code.CATEGORY_CYCLE, message: "parent: 'contact.email' puts 'contact' under itself (contact → contact.email → contact)" },
      { path: '/dataCategories/1/parent', code: Code.CATEGORY_CYCLE, message: "parent: 'contact' puts 'contact.email' under itself (contact.email → contact → contact.email)" },
      { path: '/dataCategories/2/parent', code: Code.CATEGORY_CYCLE, message: "parent: 'location' puts 'location' under itself (location → location)" },
    ]);
  });

  it('reports a flow from a party to itself', () => {
    expect(problemsAfter((document) => (document.flows![0].to = 'acme'))).toEqual([
      ['/flows/0/to', Code.SELF_FLOW],
      ['/flows/0/countries/0', Code.COUNTRY_NOT_OF_RECEIVER],
    ]);
  });

  it('reports ends before starts', () => {
    const problems = problemsAfter((document) => {
      document.activities![0].effectiveTo = '2022-07-31';
      document.flows![0].effectiveTo = '2022-08-01'; // a single day is fine
      document.flows![0].evidence = [{ kind: EvidenceKind.ART39_NOTICE, datedOn: '2023-01-02', expiresOn: '2023-01-01' }];
      document.persons![0].consents![0].withdrawnAt = '2023-12-31T23:59:59Z'; // before 2024-01-01T08:00+08:00
    });
    expect(problems).toEqual([
      ['/activities/0/effectiveTo', Code.DATES_OUT_OF_ORDER],
      ['/flows/0/evidence/0/expiresOn', Code.DATES_OUT_OF_ORDER],
      ['/persons/0/consents/0/withdrawnAt', Code.DATES_OUT_OF_ORDER],
    ]);
  });

  it('compares timestamps as instants, whatever their offsets', () => {
    expect(problemsAfter((document) => (document.persons![0].consents![0].withdrawnAt = '2024-01-01T00:00:00Z'))).toEqual([]);
  });

  it('requires engagedBy on a sub-processor only, naming a processor', () => {
    expect(problemsAfter((document) => (document.parties![2].engagedBy = null))).toEqual([['/parties/2/engagedBy', Code.MISSING_ENGAGED_BY]]);
    expect(problemsAfter((document) => (document.parties![1].engagedBy = 'acme'))).toEqual([['/parties/1/engagedBy', Code.UNEXPECTED_ENGAGED_BY]]);
    expect(problemsAfter((document) => (document.parties![2].engagedBy = 'acme'))).toEqual([['/parties/2/engagedBy', Code.WRONG_PARTY_KIND]]);
  });

  it('requires an activity controller from our group or a joint controller', () => {
    const document = makeInventory();
    document.activities![0].controller = 'cloud';
    expect(validateInventory(document)).toEqual([
      {
        path: '/activities/0/controller',
        code: Code.WRONG_PARTY_KIND,
        message: "controller: party 'cloud' is a PROCESSOR, not one of CONTROLLER, AFFILIATE, JOINT_CONTROLLER",
      },
    ]);
  });

  it('lets a flow carry a category of its activity or one under it, nothing else', () => {
    expect(problemsAfter((document) => (document.flows![0].dataCategories = ['contact', 'contact.email', 'location.precise']))).toEqual([]);
    expect(problemsAfter((document) => (document.flows![0].dataCategories = ['location']))).toEqual([
      ['/flows/0/dataCategories/0', Code.CATEGORY_NOT_COVERED],
    ]);
  });

  it("lets a flow reach only its receiver's countries", () => {
    const document = makeInventory();
    document.flows![0].countries = ['IE', 'CN'];
    expect(validateInventory(document)).toEqual([
      { path: '/flows/0/countries/1', code: Code.COUNTRY_NOT_OF_RECEIVER, message: "countries[1]: 'CN' is not a country of receiver 'cloud' (US, IE)" },
    ]);
  });

  it('requires a consent to name exactly one of activity and flow', () => {
    expect(problemsAfter((document) => (document.persons![0].consents![0].activity = 'registration'))).toEqual([
      ['/persons/0/consents/0', Code.CONSENT_TARGET],
    ]);
    expect(problemsAfter((document) => (document.persons![0].consents![0].flow = null))).toEqual([['/persons/0/consents/0', Code.CONSENT_TARGET]]);
  });
});
