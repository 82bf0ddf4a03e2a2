import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LegalBasis } from '../../domain/legal-basis';
import { ConsentKind } from '../../domain/consent-kind';
import { PartyKind } from '../../domain/party-kind';
import type { InventoryDocument } from '../../domain/inventory-document';

/** Test data for the inventory file: a small valid document and the example inventories. */

/** The five seed policies as example inventories. */
export const EXAMPLE_NAMES = ['kalos-2024', 'zhiqi-2021', 'zkbio-entrance-2022', 'zkteco-global-2019', 'zlink-2022'] as const;

export function readExample(name: (typeof EXAMPLE_NAMES)[number]): string {
  return readFileSync(join(__dirname, '../../../examples', `${name}.yaml`), 'utf8');
}

/** A valid document touching every section: a controller exporting to a processor with a sub-processor. */
export function makeInventory(): InventoryDocument {
  return {
    flowmap: 1,
    subjectCategories: [{ key: 'app-user', name: 'App user' }],
    dataCategories: [
      { key: 'contact', name: 'Contact details' },
      { key: 'contact.email', name: 'Email address', parent: 'contact' },
      { key: 'location', name: 'Location' },
      { key: 'location.precise', name: 'Precise location', parent: 'location', piplSensitive: true },
    ],
    parties: [
      { key: 'acme', name: 'Acme', kind: PartyKind.CONTROLLER, countries: ['CN'] },
      { key: 'cloud', name: 'Cloud', kind: PartyKind.PROCESSOR, countries: ['US', 'IE'] },
      { key: 'backup', name: 'Backup', kind: PartyKind.SUB_PROCESSOR, countries: ['US'], engagedBy: 'cloud' },
    ],
    activities: [
      {
        key: 'registration',
        name: 'Registration',
        purpose: 'Create the account',
        controller: 'acme',
        legalBasis: LegalBasis.CONTRACT,
        subjectCategories: ['app-user'],
        dataCategories: [
          { category: 'location.precise', required: false },
          { category: 'contact', required: true },
        ],
        retention: { period: 'P30D' },
        effectiveFrom: '2022-08-01',
      },
    ],
    flows: [
      {
        key: 'to-cloud',
        activity: 'registration',
        from: 'acme',
        to: 'cloud',
        dataCategories: ['contact.email'],
        countries: ['IE'],
        effectiveFrom: '2022-08-01',
      },
    ],
    persons: [
      {
        externalId: 'user-1',
        countryOfResidence: 'DE',
        subjectCategories: ['app-user'],
        consents: [{ flow: 'to-cloud', kind: ConsentKind.ORDINARY, givenAt: '2024-01-01T08:00:00+08:00' }],
      },
    ],
  };
}
