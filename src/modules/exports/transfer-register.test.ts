import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { Safeguard, TransferMechanism } from '../../domain/transfer-mechanism';
import { HopVerdict } from '../../engine/core/hop-verdict';
import type { DataHop } from '../flow-query/flow-query.type';
import { transferRegisterCsv } from './transfer-register';

const HOP: DataHop = {
  flowKey: 'to-cloud',
  activityKey: 'accounts',
  fromKey: 'acme',
  toKey: 'cloud',
  depth: 1,
  categoryKeys: ['contact.email', 'contact.phone'],
  legalBasis: LegalBasis.CONTRACT,
  consentRequired: false,
  consentHeld: true,
  fromCountries: ['CN'],
  toCountries: ['IE', 'US'],
  crossesBorder: true,
  regimes: ['PIPL'],
  transferRegimes: ['PIPL'],
  mechanisms: [TransferMechanism.PIPL_STANDARD_CONTRACT],
  mechanism: TransferMechanism.PIPL_STANDARD_CONTRACT,
  reliedOnMechanisms: [],
  mechanismTrials: [],
  safeguards: [Safeguard.ENCRYPTION],
  verdict: HopVerdict.LAWFUL_WITH_GAPS,
  destinationVerdicts: [],
  lawful: true,
  findings: [],
  reasons: ['no filing on record', 'no "notice", yet'],
};

describe('transferRegisterCsv', () => {
  it('writes one row per transfer after the header, parties by key and name', () => {
    const csv = transferRegisterCsv([HOP, { ...HOP, flowKey: 'to-auditor', toKey: 'auditor', mechanism: null, safeguards: [], verdict: HopVerdict.LAWFUL, reasons: [] }], new Map([['acme', 'Acme, Ltd'], ['cloud', 'Cloud']]));
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFflow,activity,exporter,exporter name,importer,importer name,from countries,to countries,categories,mechanism,safeguards,regimes,transfer regimes,verdict,lawful,reasons',
      'to-cloud,accounts,acme,"Acme, Ltd",cloud,Cloud,CN,IE; US,contact.email; contact.phone,PIPL_STANDARD_CONTRACT,ENCRYPTION,PIPL,PIPL,LAWFUL_WITH_GAPS,yes,"no filing on record; no ""notice"", yet"',
      'to-auditor,accounts,acme,"Acme, Ltd",auditor,,CN,IE; US,contact.email; contact.phone,,,PIPL,PIPL,LAWFUL,yes,',
      '',
    ]);
  });

  it('is a header alone when nothing crosses a border', () => {
    expect(transferRegisterCsv([], new Map()).split('\r\n')).toHaveLength(2);
  });
});
