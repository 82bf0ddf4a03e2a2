import type { Pool } from 'pg';
import { CONSENT_BASES, LegalBasis } from '../src/domain/legal-basis';
import { DEFAULT_MAX_DEPTH } from '../src/engine/answers/compute-data-flows';
import { personIdOf } from '../src/modules/person/person-id';

/**
 * What a team would write instead of adopting Flowmap: one recursive query over the flow tables
 * that honours effective dates and consents and returns the flows a person's data takes. It makes
 * no legal judgement at all (no regimes, mechanisms, evidence or findings), so it is the floor the
 * engine's judged answer is measured against.
 *
 * Where it differs from the engine, on purpose, as a hand-written query would:
 * - a minor's consent counts whoever gave it (the engine counts only a guardian's below the
 *   digital consent age);
 * - it follows a flow whatever categories it carries (the engine drops a hop when none of the
 *   categories the sender holds go along it);
 * - a cycle ends where a party repeats on the path (the engine's state also holds the categories,
 *   countries and regimes, so the same party may be expanded again from elsewhere).
 */
const PEER_SQL = `
WITH RECURSIVE
  held AS (
    SELECT activity_id, flow_id, kind FROM consent
    WHERE person_id = $1 AND given_at <= $2::timestamptz AND (withdrawn_at IS NULL OR withdrawn_at > $2::timestamptz)
  ),
  collecting AS (
    SELECT DISTINCT a.id, a.controller_id, a.legal_basis
    FROM person_subject_category psc
    JOIN activity_subject_category asc_ ON asc_.subject_category_id = psc.subject_category_id
    JOIN activity a ON a.id = asc_.activity_id
    WHERE psc.person_id = $1
      AND a.effective_from <= $3::date AND (a.effective_to IS NULL OR $3::date <= a.effective_to)
      AND (a.legal_basis <> ALL ($4::text[])
           OR EXISTS (SELECT 1 FROM held h WHERE h.activity_id = a.id AND (a.legal_basis <> $5 OR h.kind = 'SEPARATE')))
  ),
  walk (activity_id, party_id, flow_id, depth) AS (
    SELECT f.activity_id, f.to_party_id, f.id, 1
    FROM collecting a JOIN flow f ON f.activity_id = a.id AND f.from_party_id = a.controller_id
    WHERE f.effective_from <= $3::date AND (f.effective_to IS NULL OR $3::date <= f.effective_to)
      AND (NOT f.consent_required OR EXISTS (SELECT 1 FROM held h WHERE h.flow_id = f.id
           AND (COALESCE(f.legal_basis, a.legal_basis) <> $5 OR h.kind = 'SEPARATE')))
    UNION ALL
    SELECT f.activity_id, f.to_party_id, f.id, w.depth + 1
    FROM walk w
    JOIN flow f ON f.activity_id = w.activity_id AND f.from_party_id = w.party_id
    JOIN collecting a ON a.id = f.activity_id
    WHERE w.depth < $6
      AND f.effective_from <= $3::date AND (f.effective_to IS NULL OR $3::date <= f.effective_to)
      AND (NOT f.consent_required OR EXISTS (SELECT 1 FROM held h WHERE h.flow_id = f.id
           AND (COALESCE(f.legal_basis, a.legal_basis) <> $5 OR h.kind = 'SEPARATE')))
  ) CYCLE party_id SET closes_cycle USING path
SELECT DISTINCT f.key FROM walk w JOIN flow f ON f.id = w.flow_id ORDER BY f.key`;

/** The hand-written recursive query, run on a plain pg pool as a prepared statement. */
export class SqlPeer {
  constructor(private readonly pool: Pool) {}

  /** The keys of the flows the person's data takes as of the moment, sorted. */
  async flowKeys(externalId: string, asOf: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ key: string }>({
      name: 'flowmap-bench-sql-peer',
      text: PEER_SQL,
      values: [personIdOf(externalId), asOf, asOf.slice(0, 10), CONSENT_BASES, LegalBasis.SEPARATE_CONSENT, DEFAULT_MAX_DEPTH],
    });
    return rows.map((row) => row.key);
  }
}
