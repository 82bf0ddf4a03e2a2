import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/flowmap';
import { Role } from '../src/modules/auth/role';
import { startTestServer, type TestServer } from './support/test-server';

/** A US processor whose DPF certification lapses, and an export to it under a CAC assessment passed in 2023. */
const MAP = `flowmap: 1
subjectCategories: [{ key: app-user, name: App user }]
dataCategories: [{ key: contact, name: Contact }]
parties:
  - { key: acme, name: Acme, kind: CONTROLLER, countries: [CN] }
  - key: us-cloud
    name: US Cloud Inc.
    kind: PROCESSOR
    countries: [US]
    evidence:
      - { kind: DPF_CERTIFICATION, datedOn: 2025-12-01, expiresOn: 2026-12-31 }
      - { kind: DATA_PROCESSING_AGREEMENT, datedOn: 2024-01-01, reference: DPA-7 }
activities:
  - { key: accounts, name: Accounts, purpose: Run accounts, controller: acme, legalBasis: CONTRACT, subjectCategories: [app-user], dataCategories: [{ category: contact, required: true }], effectiveFrom: 2024-01-01 }
flows:
  - key: accounts-to-us-cloud
    activity: accounts
    from: acme
    to: us-cloud
    dataCategories: [contact]
    mechanism: CAC_SECURITY_ASSESSMENT
    effectiveFrom: 2024-01-01
    evidence: [{ kind: CAC_ASSESSMENT_PASSED, datedOn: 2023-12-15, reference: CAC-2023-1 }]
`;

const QUERY = `query($within: String!, $asOf: AsOf) {
  expiringEvidence(within: $within, asOf: $asOf) { holder holderKey kind reference lapsesOn daysLeft flowKeys }
}`;

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
  const imported = await api.graphql('mutation($file: String!) { importInventory(file: $file) { applied } }', { file: MAP });
  expect(imported.errors).toBeUndefined();
});
afterAll(async () => {
  await api?.stop();
});

describe('expiringEvidence', () => {
  it('lists for a VIEWER what lapses within the window, soonest first, with the flows that rely on it', async () => {
    const viewer = await api.as(Role.VIEWER);
    const result = await viewer.graphql<{ expiringEvidence: unknown[] }>(QUERY, { within: 'P60D', asOf: '2026-12-02T09:00:00Z' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.expiringEvidence).toEqual([
      { holder: 'FLOW', holderKey: 'accounts-to-us-cloud', kind: 'CAC_ASSESSMENT_PASSED', reference: 'CAC-2023-1', lapsesOn: '2026-12-15', daysLeft: 13, flowKeys: ['accounts-to-us-cloud'] },
      { holder: 'PARTY', holderKey: 'us-cloud', kind: 'DPF_CERTIFICATION', reference: null, lapsesOn: '2026-12-31', daysLeft: 29, flowKeys: ['accounts-to-us-cloud'] },
    ]);
    const narrow = await viewer.graphql<{ expiringEvidence: { kind: string }[] }>(QUERY, { within: 'P1W', asOf: '2026-12-02T09:00:00Z' });
    expect(narrow.data!.expiringEvidence).toEqual([]);
  });

  it('refuses a window that is no ISO 8601 duration, naming the argument', async () => {
    for (const within of ['60d', 'PT12H', 'P-1D', '']) {
      const result = await api.graphql(QUERY, { within });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(/^within: '.*' is not an ISO 8601 duration/);
    }
  });
});

describe('flowmap expiring', () => {
  async function flowmap(argv: string[]) {
    const output = { stdout: '', stderr: '' };
    const code = await run(argv, {
      stdout: { write: (text: string) => (output.stdout += text) },
      stderr: { write: (text: string) => (output.stderr += text) },
      env: { DATABASE_URL: api.database.url, FLOWMAP_AUDIT_KEY: api.database.auditKeyText },
    });
    return { code, ...output };
  }

  it('prints one line per item for --within 60d, and JSON on asking', async () => {
    const text = await flowmap(['expiring', '--within', '60d', '--as-of', '2026-12-02']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')).toEqual([
      '2026-12-15  lapses in 13 day(s): CAC_ASSESSMENT_PASSED (CAC-2023-1) of flow accounts-to-us-cloud; relied on by accounts-to-us-cloud',
      '2026-12-31  lapses in 29 day(s): DPF_CERTIFICATION of party us-cloud; relied on by accounts-to-us-cloud',
      '',
    ]);
    const json = await flowmap(['expiring', '--within', 'P1Y', '--as-of', '2027-01-10', '--format', 'json']);
    expect((JSON.parse(json.stdout) as { kind: string; daysLeft: number }[]).map(({ kind, daysLeft }) => [kind, daysLeft])).toEqual([
      ['CAC_ASSESSMENT_PASSED', -26],
      ['DPF_CERTIFICATION', -10],
    ]);
  });

  it('exits 2 for a missing or bad --within', async () => {
    expect((await flowmap(['expiring'])).stderr).toContain('--within is required');
    const bad = await flowmap(['expiring', '--within', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--within: 'soon' is not an ISO 8601 duration");
  });
});
