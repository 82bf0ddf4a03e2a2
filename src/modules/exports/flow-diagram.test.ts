import { describe, expect, it } from 'vitest';
import { HopVerdict } from '../../engine/core/hop-verdict';
import type { DataHop } from '../flow-query/flow-query.type';
import { flowMapMermaid, type DiagramSource } from './flow-diagram';

function hop(fields: Partial<DataHop> & Pick<DataHop, 'fromKey' | 'toKey' | 'fromCountries' | 'toCountries'>): DataHop {
  return { flowKey: 'f', categoryKeys: ['contact.email'], verdict: HopVerdict.LAWFUL, destinationVerdicts: [], ...fields } as DataHop;
}

const MAP: DiagramSource = {
  parties: [
    { key: 'acme', name: 'Acme "Group" <HQ>', kind: 'CONTROLLER', countries: ['CN'] },
    { key: 'cloud.eu', name: 'Cloud', kind: 'PROCESSOR', countries: ['IE', 'US'] },
    { key: 'cloud-eu', name: 'Cloud twin', kind: 'PROCESSOR', countries: ['IE'] },
    { key: 'authority', name: 'Authority | #1', kind: 'PUBLIC_AUTHORITY', countries: [] },
  ],
  hops: [
    hop({ fromKey: 'acme', toKey: 'cloud.eu', fromCountries: ['CN'], toCountries: ['IE'], categoryKeys: ['contact.email', 'device.serial_number'] }),
    // Reached twice (two paths): drawn once.
    hop({ fromKey: 'acme', toKey: 'cloud.eu', fromCountries: ['CN'], toCountries: ['IE'], categoryKeys: ['contact.email', 'device.serial_number'] }),
    hop({ fromKey: 'acme', toKey: 'authority', fromCountries: ['CN'], toCountries: [], verdict: HopVerdict.UNLAWFUL }),
    hop({ fromKey: 'cloud-eu', toKey: 'authority', fromCountries: ['IE'], toCountries: [], verdict: HopVerdict.UNLAWFUL }),
  ],
};

describe('flowMapMermaid', () => {
  const diagram = flowMapMermaid(MAP);

  it('groups parties by country, one subgraph each, parties without a country last', () => {
    expect(diagram).toBe(
      [
        'flowchart LR',
        '  subgraph country_CN["People\'s Republic of China (CN)"]',
        '    p_acme_CN["Acme #34;Group#34; #60;HQ#62;<br>CONTROLLER"]',
        '  end',
        '  subgraph country_IE["Ireland (IE)"]',
        '    p_cloud_eu_IE["Cloud twin<br>PROCESSOR"]',
        '    p_cloud_eu_IE_2["Cloud<br>PROCESSOR"]',
        '  end',
        '  subgraph country_US["United States of America (US)"]',
        '    p_cloud_eu_US["Cloud<br>PROCESSOR"]',
        '  end',
        '  subgraph country_none["Country not on record"]',
        '    p_authority_none["Authority #124; #35;1<br>PUBLIC_AUTHORITY"]',
        '  end',
        '  p_acme_CN -->|"contact.email, device.serial_number"| p_cloud_eu_IE_2',
        '  p_acme_CN -->|"UNLAWFUL: contact.email"| p_authority_none',
        '  p_cloud_eu_IE -->|"UNLAWFUL: contact.email"| p_authority_none',
        '  linkStyle 1,2 stroke:#c00,stroke-width:2px,color:#c00',
        '',
      ].join('\n'),
    );
  });

  it('draws an edge for every pair of countries a hop joins', () => {
    const twoWays = flowMapMermaid({
      parties: MAP.parties.slice(0, 2),
      hops: [hop({ fromKey: 'acme', toKey: 'cloud.eu', fromCountries: ['CN'], toCountries: ['IE', 'US'] })],
    });
    expect(twoWays).toContain('  p_acme_CN -->|"contact.email"| p_cloud_eu_IE\n  p_acme_CN -->|"contact.email"| p_cloud_eu_US\n');
    expect(twoWays).not.toContain('linkStyle');
  });

  it('labels and colours an edge by its verdict: only UNLAWFUL is red', () => {
    const verdicts = flowMapMermaid({
      parties: MAP.parties.slice(0, 2),
      hops: [
        hop({ fromKey: 'acme', toKey: 'cloud.eu', fromCountries: ['CN'], toCountries: ['IE'], verdict: HopVerdict.LAWFUL_WITH_GAPS }),
        hop({ fromKey: 'acme', toKey: 'cloud.eu', fromCountries: ['CN'], toCountries: ['US'], verdict: HopVerdict.UNDETERMINED }),
      ],
    });
    expect(verdicts).toContain('  p_acme_CN -->|"GAPS: contact.email"| p_cloud_eu_IE\n  p_acme_CN -->|"UNDETERMINED: contact.email"| p_cloud_eu_US\n');
    expect(verdicts).toContain('  linkStyle 1 stroke:#777,stroke-width:2px,stroke-dasharray:5 5,color:#777\n  linkStyle 0 stroke:#d80');
    expect(verdicts).not.toContain('#c00');
  });

  it('judges each edge by its destination: the IE leg of a hop is not red because its US leg is', () => {
    const stripe = flowMapMermaid({
      parties: MAP.parties.slice(0, 2),
      hops: [
        hop({
          fromKey: 'acme', toKey: 'cloud.eu', fromCountries: ['CN'], toCountries: ['IE', 'US'], verdict: HopVerdict.UNLAWFUL,
          destinationVerdicts: [{ country: 'IE', verdict: HopVerdict.LAWFUL }, { country: 'US', verdict: HopVerdict.UNLAWFUL }],
        }),
      ],
    });
    expect(stripe).toContain('  p_acme_CN -->|"contact.email"| p_cloud_eu_IE\n  p_acme_CN -->|"UNLAWFUL: contact.email"| p_cloud_eu_US\n  linkStyle 1 stroke:#c00');
  });
});
