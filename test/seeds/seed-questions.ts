import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * What the seed acceptance tests share: a fresh server holding one example inventory (imported
 * through the API, as a DPO would load the company's file), and the questions a DPO asks of it.
 */

export interface Collection {
  activityKey: string;
  controllerKey: string;
  categoryKeys: string[];
  legalBasis: string;
  crossBorderCollection: boolean;
  controllerCountries: string[];
}

export interface Hop {
  flowKey: string;
  activityKey: string;
  fromKey: string;
  toKey: string;
  categoryKeys: string[];
  legalBasis: string;
  consentRequired: boolean;
  consentHeld: boolean;
  fromCountries: string[];
  toCountries: string[];
  crossesBorder: boolean;
  regimes: string[];
  mechanism: string | null;
  safeguards: string[];
  verdict: string;
  lawful: boolean;
  reasons: string[];
}

export interface Recipient {
  partyKey: string;
  kind: string;
  countries: string[];
  categoryKeys: string[];
}

export interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  partyKeys: string[];
  flowKeys: string[];
  activityKeys: string[];
  personIds: string[];
}

export interface FlowMap {
  collections: Collection[];
  parties: { key: string; kind: string; countries: string[] }[];
  refusedCollections: { activityKey: string; reason: string; message: string }[];
  hops: Hop[];
  summary: { countriesReached: string[]; recipients: Recipient[]; crossBorderHopCount: number; unlawfulHopCount: number };
  findings: Finding[];
}

const FLOW_MAP = `
  collections { activityKey controllerKey categoryKeys legalBasis crossBorderCollection controllerCountries }
  refusedCollections { activityKey reason message }
  parties { key kind countries }
  hops { flowKey activityKey fromKey toKey categoryKeys legalBasis consentRequired consentHeld fromCountries toCountries
         crossesBorder regimes mechanism safeguards verdict lawful reasons }
  summary { countriesReached recipients { partyKey kind countries categoryKeys } crossBorderHopCount unlawfulHopCount }
  findings { ruleId severity message partyKeys flowKeys activityKeys personIds }`;

export interface ConsentGiven {
  activity?: string;
  flow?: string;
  kind: 'ORDINARY' | 'SEPARATE';
  givenAt: string;
  givenByGuardian?: boolean;
  withdrawnAt?: string | null;
}

export interface Profile {
  subjectCategories: string[];
  countryOfResidence: string;
  age?: number | null;
  consents?: ConsentGiven[];
}

export interface ActivityRecord {
  key: string;
  purpose: string;
  legalBasis: string;
  localisedIn: string | null;
  minimumAge: number | null;
  guardianConsentUnder: number | null;
  dataCategories: { category: { key: string }; required: boolean }[];
}

export interface SeedApi {
  api: TestServer;
  /** Sends a query or mutation and fails the test on any GraphQL error. */
  ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Where a stored person's data flows as of a time. */
  person(externalId: string, asOf: string): Promise<FlowMap>;
  /** The same question for a kind of person that is not stored. */
  profile(profile: Profile, asOf: string): Promise<FlowMap>;
  /** An activity of the record, with its categories, each required or optional. */
  activity(key: string): Promise<ActivityRecord>;
  stop(): Promise<void>;
}

const IMPORT = 'mutation($file: String!) { importInventory(file: $file) { applied } }';

/** A fresh server on a fresh database with examples/<name>.yaml imported as the company's inventory file. */
export async function startSeed(name: string): Promise<SeedApi> {
  const api = await startTestServer();
  async function ok<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await api.graphql<T>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  }
  const file = fs.readFileSync(path.resolve(__dirname, '../../examples', `${name}.yaml`), 'utf8');
  const imported = await ok<{ importInventory: { applied: boolean } }>(IMPORT, { file });
  expect(imported.importInventory.applied).toBe(true);
  return {
    api,
    ok,
    async person(externalId, asOf) {
      const data = await ok<{ person: { dataFlows: FlowMap } | null }>(
        `query($id: String!, $asOf: AsOf) { person(externalId: $id) { dataFlows(asOf: $asOf) { ${FLOW_MAP} } } }`,
        { id: externalId, asOf },
      );
      if (data.person === null) throw new Error(`no person '${externalId}'`);
      return data.person.dataFlows;
    },
    async profile(profile, asOf) {
      const data = await ok<{ profileDataFlows: FlowMap }>(
        `query($profile: SubjectProfileInput!, $asOf: AsOf) { profileDataFlows(profile: $profile, asOf: $asOf) { ${FLOW_MAP} } }`,
        { profile, asOf },
      );
      return data.profileDataFlows;
    },
    async activity(key) {
      const data = await ok<{ activity: ActivityRecord | null }>(
        'query($key: String!) { activity(key: $key) { key purpose legalBasis localisedIn minimumAge guardianConsentUnder dataCategories { category { key } required } } }',
        { key },
      );
      if (data.activity === null) throw new Error(`no activity '${key}'`);
      return data.activity;
    },
    stop: () => api.stop(),
  };
}

/** Sorted, without repeats. */
export function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** The rule ids of the findings, sorted, once each. */
export function ruleIds(findings: readonly Finding[]): string[] {
  return sorted(findings.map((finding) => finding.ruleId));
}

/** The findings of one rule. */
export function findingsOf(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((finding) => finding.ruleId === ruleId);
}

/** Each finding as [ruleId, flow keys, activity keys], sorted: what is wrong, and with what. */
export function what(findings: readonly Finding[]): [string, string, string][] {
  return findings
    .map((finding): [string, string, string] => [finding.ruleId, finding.flowKeys.join(','), finding.activityKeys.join(',')])
    .sort((a, b) => (a.join('|') < b.join('|') ? -1 : a.join('|') > b.join('|') ? 1 : 0));
}

/** The findings that name the flow. */
export function findingsOnFlow(findings: readonly Finding[], flowKey: string): Finding[] {
  return findings.filter((finding) => finding.flowKeys.includes(flowKey));
}

/** The findings that name the activity (its own, and those of its flows). */
export function findingsOnActivity(findings: readonly Finding[], activityKey: string): Finding[] {
  return findings.filter((finding) => finding.activityKeys.includes(activityKey));
}

export function collectionKeys(map: FlowMap): string[] {
  return sorted(map.collections.map((collection) => collection.activityKey));
}

export function collection(map: FlowMap, activityKey: string): Collection | undefined {
  return map.collections.find((entry) => entry.activityKey === activityKey);
}

export function hopKeys(map: FlowMap): string[] {
  return sorted(map.hops.map((hop) => hop.flowKey));
}

export function hop(map: FlowMap, flowKey: string): Hop {
  const found = map.hops.find((entry) => entry.flowKey === flowKey);
  if (!found) throw new Error(`no hop along '${flowKey}' (hops: ${hopKeys(map).join(', ')})`);
  return found;
}

export function recipientKeys(map: FlowMap): string[] {
  return sorted(map.summary.recipients.map((recipient) => recipient.partyKey));
}

export function recipient(map: FlowMap, partyKey: string): Recipient | undefined {
  return map.summary.recipients.find((entry) => entry.partyKey === partyKey);
}

/** The categories of an activity that the person must provide, and those they may refuse. */
export function requiredAndOptional(activity: ActivityRecord): { required: string[]; optional: string[] } {
  return {
    required: sorted(activity.dataCategories.filter((entry) => entry.required).map((entry) => entry.category.key)),
    optional: sorted(activity.dataCategories.filter((entry) => !entry.required).map((entry) => entry.category.key)),
  };
}
