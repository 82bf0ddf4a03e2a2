import { describe, expect, it } from 'vitest';
import { TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';
import { diffInventories } from './diff-inventory';
import type { InventoryDocument } from '../../domain/inventory-document';
import { makeInventory } from './inventory.fixtures';
import { normaliseInventory } from './normalise-inventory';

const ENTRIES_IN_SMALL_DOCUMENT = 1 + 4 + 3 + 1 + 1 + 1;

function changed(change: (document: InventoryDocument) => void): InventoryDocument {
  const document = makeInventory();
  change(document);
  return document;
}

describe('diffInventories', () => {
  it('finds nothing to do between a document and itself, written out or not', () => {
    const noChange = { added: [], changed: [], removed: [], unchanged: ENTRIES_IN_SMALL_DOCUMENT };
    expect(diffInventories(makeInventory(), makeInventory(), { prune: false })).toEqual(noChange);
    expect(diffInventories(makeInventory(), normaliseInventory(makeInventory()), { prune: true })).toEqual(noChange);
  });

  it('lists added entries', () => {
    const incoming = changed((document) => {
      document.parties!.push({ key: 'aliyun', name: 'Alibaba Cloud', kind: PartyKind.PROCESSOR, countries: ['CN'] });
      document.subjectCategories!.push({ key: 'child', name: 'Child' });
    });
    const diff = diffInventories(makeInventory(), incoming, { prune: false });
    expect(diff.added).toEqual([
      { section: 'subjectCategories', key: 'child' },
      { section: 'parties', key: 'aliyun' },
    ]);
    expect(diff.unchanged).toBe(ENTRIES_IN_SMALL_DOCUMENT);
  });

  it('lists changed fields with their values before and after, in normalised form', () => {
    const incoming = changed((document) => {
      document.flows![0].mechanism = TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES;
      document.flows![0].countries = ['US', 'IE'];
      document.parties![1].countries = ['IE', 'US']; // reordered only: no change
      document.persons![0].dateOfBirth = '2010-05-01';
    });
    expect(diffInventories(makeInventory(), incoming, { prune: false })).toEqual({
      added: [],
      changed: [
        {
          section: 'flows',
          key: 'to-cloud',
          fields: [
            { field: 'mechanisms', before: [], after: [{ mechanism: 'STANDARD_CONTRACTUAL_CLAUSES', sccModule: null, piplExemption: null, evidence: [] }] },
            { field: 'countries', before: ['IE'], after: ['IE', 'US'] },
          ],
        },
        { section: 'persons', key: 'user-1', fields: [{ field: 'dateOfBirth', before: null, after: '2010-05-01' }] },
      ],
      removed: [],
      unchanged: ENTRIES_IN_SMALL_DOCUMENT - 2,
    });
  });

  it('removes entries the incoming document no longer names only when pruning', () => {
    const incoming = changed((document) => {
      document.parties = document.parties!.filter(({ key }) => key !== 'backup');
    });
    expect(diffInventories(makeInventory(), incoming, { prune: false }).removed).toEqual([]);
    expect(diffInventories(makeInventory(), incoming, { prune: true }).removed).toEqual([{ section: 'parties', key: 'backup' }]);
  });

  it('leaves a section the incoming document leaves out alone, unless pruning', () => {
    const incoming = changed((document) => {
      delete document.persons;
      delete document.flows;
    });
    const kept = diffInventories(makeInventory(), incoming, { prune: false });
    expect(kept).toEqual({ added: [], changed: [], removed: [], unchanged: ENTRIES_IN_SMALL_DOCUMENT - 2 });
    expect(diffInventories(makeInventory(), incoming, { prune: true }).removed).toEqual([
      { section: 'flows', key: 'to-cloud' },
      { section: 'persons', key: 'user-1' },
    ]);
  });

  it('treats an empty section as naming nothing, so pruning it removes every entry', () => {
    const incoming = changed((document) => (document.subjectCategories = []));
    expect(diffInventories(makeInventory(), incoming, { prune: false }).removed).toEqual([]);
    expect(diffInventories(makeInventory(), incoming, { prune: true }).removed).toEqual([{ section: 'subjectCategories', key: 'app-user' }]);
  });

  it('adds everything into an empty registry', () => {
    const diff = diffInventories({ flowmap: 1 }, makeInventory(), { prune: true });
    expect(diff.added).toHaveLength(ENTRIES_IN_SMALL_DOCUMENT);
    expect(diff.added[0]).toEqual({ section: 'subjectCategories', key: 'app-user' });
  });
});
