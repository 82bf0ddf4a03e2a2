import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { ageWhereTheyLive } from '../src/common/dates';
import { clampDepth, computeDataFlows } from '../src/engine/answers/compute-data-flows';
import type { DataFlowAnswer } from '../src/engine/core/data-flow-answer';
import type { ConsentRecord, SubjectProfile } from '../src/engine/core/inventory-snapshot';
import { indexSnapshot, type SnapshotIndex } from '../src/engine/core/snapshot-index';
import { loadInventorySnapshot } from '../src/modules/flow-query/load-inventory-snapshot';
import { personIdOf } from '../src/modules/person/person-id';

/** The fields the bench's GraphQL query asks for, in the same shape, so that both paths can be compared. */
export interface AnswerFields {
  hops: { flowKey: string; lawful: boolean }[];
  summary: { countriesReached: string[] };
  findings: { ruleId: string }[];
}

/**
 * What readStoredProfiles (src/modules/person/person.service.ts) reads of the person, their
 * subject categories and consents, in one round trip (without the inventory revision: this path
 * never sees a change). Kept in step with it by hand; the bench compares both paths' answers, so
 * a drift shows.
 */
const PROFILE_SQL = `SELECT p.id, p.external_id, p.country_of_residence, p.date_of_birth,
  ARRAY(SELECT subject_category_id FROM person_subject_category WHERE person_id = p.id) AS subject_category_ids,
  COALESCE((SELECT json_agg(json_build_object('activityId', c.activity_id, 'flowId', c.flow_id, 'kind', c.kind,
    'givenByGuardian', c.given_by_guardian, 'givenAt', c.given_at, 'withdrawnAt', c.withdrawn_at))
    FROM consent c WHERE c.person_id = p.id), '[]') AS consents
  FROM person p WHERE p.id = $1`;

interface ProfileRow {
  external_id: string;
  country_of_residence: string;
  date_of_birth: string | null;
  subject_category_ids: string[];
  consents: (Omit<ConsentRecord, 'givenAt' | 'withdrawnAt'> & { givenAt: string; withdrawnAt: string | null })[];
}

export interface TimedDirectAnswer {
  fields: AnswerFields;
  answer: DataFlowAnswer;
  sqlMs: number;
  computeMs: number;
}

/**
 * The fastest path to a person's answer this codebase allows: one prepared SQL statement on a
 * plain pg pool, then computeDataFlows on an index built once. What the GraphQL path adds on top
 * (HTTP, authentication, Apollo, TypeORM, the revision check) is the difference between the two.
 */
export class DirectAnswerer {
  private constructor(
    private readonly pool: Pool,
    readonly index: SnapshotIndex,
    readonly buildMs: number,
  ) {}

  static async create(pool: Pool, dataSource: DataSource): Promise<DirectAnswerer> {
    const started = process.hrtime.bigint();
    const snapshot = await dataSource.transaction('REPEATABLE READ', (manager) => loadInventorySnapshot(manager));
    const index = indexSnapshot(snapshot);
    return new DirectAnswerer(pool, index, Number(process.hrtime.bigint() - started) / 1e6);
  }

  async readProfile(externalId: string): Promise<ProfileRow | null> {
    const { rows } = await this.pool.query<ProfileRow>({ name: 'flowmap-bench-profile', text: PROFILE_SQL, values: [personIdOf(externalId)] });
    return rows[0] ?? null;
  }

  compute(row: ProfileRow, asOf: string): DataFlowAnswer {
    const profile: SubjectProfile = {
      countryOfResidence: row.country_of_residence,
      subjectCategoryIds: row.subject_category_ids,
      ageInYears: row.date_of_birth ? ageWhereTheyLive(row.date_of_birth, asOf, row.country_of_residence) : null,
      consents: row.consents.map((consent) => ({
        ...consent,
        givenAt: new Date(consent.givenAt).toISOString(),
        withdrawnAt: consent.withdrawnAt ? new Date(consent.withdrawnAt).toISOString() : null,
      })),
    };
    return computeDataFlows(this.index, profile, { asOf, maxDepth: clampDepth(undefined), personId: row.external_id });
  }

  fieldsOf(answer: DataFlowAnswer): AnswerFields {
    const flows = this.index.snapshot.flows;
    return {
      hops: answer.hops.map((hop) => ({ flowKey: flows.get(hop.flowId)?.key ?? hop.flowId, lawful: hop.lawful })),
      summary: { countriesReached: answer.summary.countriesReached },
      findings: answer.findings.map((finding) => ({ ruleId: finding.ruleId })),
    };
  }

  async answer(externalId: string, asOf: string): Promise<TimedDirectAnswer | null> {
    const started = process.hrtime.bigint();
    const row = await this.readProfile(externalId);
    const read = process.hrtime.bigint();
    if (!row) return null;
    const answer = this.compute(row, asOf);
    const fields = this.fieldsOf(answer);
    const done = process.hrtime.bigint();
    return { fields, answer, sqlMs: Number(read - started) / 1e6, computeMs: Number(done - read) / 1e6 };
  }
}
