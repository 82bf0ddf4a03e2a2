import type { DataSource } from 'typeorm';
import { listLoader } from '../../common/loaders';
import type { Evidence } from './evidence.type';

interface EvidenceRow {
  owner_id: string;
  kind: Evidence['kind'];
  dated_on: string;
  expires_on: string | null;
  reference: string | null;
}

function evidenceLoader(dataSource: DataSource, ownerColumn: 'party_id' | 'activity_id' | 'flow_id') {
  return listLoader<EvidenceRow, Evidence>(
    dataSource,
    `SELECT ${ownerColumn} AS owner_id, kind, dated_on, expires_on, reference FROM evidence
     WHERE ${ownerColumn} = ANY($1::uuid[]) AND mechanism_position IS NULL ORDER BY kind, dated_on`,
    (row) => ({ kind: row.kind, datedOn: row.dated_on, expiresOn: row.expires_on, reference: row.reference }),
  );
}

export function createEvidenceLoaders(dataSource: DataSource) {
  return {
    byParty: evidenceLoader(dataSource, 'party_id'),
    byActivity: evidenceLoader(dataSource, 'activity_id'),
    byFlow: evidenceLoader(dataSource, 'flow_id'),
  };
}
