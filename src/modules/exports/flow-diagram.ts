import { HopVerdict } from '../../engine/core/hop-verdict';
import type { DataFlowMap } from '../flow-query/flow-query.type';
import { countryName } from '../../domain/countries';

/** What the diagram needs of an answer of personDataFlows or profileDataFlows. */
export type DiagramSource = Pick<DataFlowMap, 'parties' | 'hops'>;

/** The group of a party whose countries are not on record. */
const NO_COUNTRY = '';

/** How an edge is labelled and drawn for each verdict other than LAWFUL. */
const EDGE_OF_VERDICT: Readonly<Record<HopVerdict, { label: string; style: string } | null>> = {
  [HopVerdict.LAWFUL]: null,
  [HopVerdict.LAWFUL_WITH_GAPS]: { label: 'GAPS: ', style: 'stroke:#d80,stroke-width:2px,color:#d80' },
  [HopVerdict.UNLAWFUL]: { label: 'UNLAWFUL: ', style: 'stroke:#c00,stroke-width:2px,color:#c00' },
  [HopVerdict.UNDETERMINED]: { label: 'UNDETERMINED: ', style: 'stroke:#777,stroke-width:2px,stroke-dasharray:5 5,color:#777' },
};

/**
 * Text inside a quoted Mermaid label: characters Mermaid or its HTML labels would read as syntax
 * become entity codes (https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters).
 */
function escapeMermaid(text: string): string {
  return text.replace(/[#"<>|&\n\r]/g, (character) => `#${character.charCodeAt(0)};`);
}

/** Mermaid ids made of letters, digits and '_', unique, readable: a key that sanitises like another gets a number. */
class MermaidIds {
  private readonly ids = new Map<string, string>();
  private readonly used = new Set<string>();

  idOf(name: string): string {
    const known = this.ids.get(name);
    if (known) return known;
    const base = name.replace(/[^A-Za-z0-9]+/g, '_');
    let id = base;
    for (let suffix = 2; this.used.has(id); suffix += 1) id = `${base}_${suffix}`;
    this.ids.set(name, id);
    this.used.add(id);
    return id;
  }
}

function countriesOrNone(countries: readonly string[]): readonly string[] {
  return countries.length > 0 ? countries : [NO_COUNTRY];
}

/**
 * A data flow map as a Mermaid `flowchart LR` grouped by country: one subgraph per country with
 * the parties that hold the data there (a party in two countries appears in both; a party without
 * countries on record in a last group), one edge per hop and pair of countries, labelled with the
 * categories it carries. Each edge is labelled with its verdict for its destination unless LAWFUL, and drawn in its
 * colour: unlawful red, undetermined grey and dashed, lawful with gaps amber.
 */
export function flowMapMermaid(map: DiagramSource): string {
  const ids = new MermaidIds();
  const nodeId = (partyKey: string, country: string): string => ids.idOf(`p_${partyKey}_${country || 'none'}`);
  const labels = new Map(map.parties.map((party) => [party.key, `${escapeMermaid(party.name)}<br>${escapeMermaid(party.kind)}`]));

  const partiesByCountry = new Map<string, Set<string>>();
  const place = (partyKey: string, countries: readonly string[]): void => {
    for (const country of countriesOrNone(countries)) {
      partiesByCountry.set(country, (partiesByCountry.get(country) ?? new Set()).add(partyKey));
    }
  };
  for (const party of map.parties) place(party.key, party.countries);
  for (const hop of map.hops) {
    place(hop.fromKey, hop.fromCountries);
    place(hop.toKey, hop.toCountries);
  }

  const lines = ['flowchart LR'];
  const countries = [...partiesByCountry.keys()].sort((a, b) => (a === NO_COUNTRY ? 1 : b === NO_COUNTRY ? -1 : a < b ? -1 : 1));
  for (const country of countries) {
    const title = country === NO_COUNTRY ? 'Country not on record' : `${countryName(country) ?? country} (${country})`;
    lines.push(`  subgraph ${ids.idOf(`country_${country || 'none'}`)}["${escapeMermaid(title)}"]`);
    for (const partyKey of [...(partiesByCountry.get(country) ?? [])].sort()) {
      lines.push(`    ${nodeId(partyKey, country)}["${labels.get(partyKey) ?? escapeMermaid(partyKey)}"]`);
    }
    lines.push('  end');
  }

  const edges = new Map<string, HopVerdict>();
  for (const hop of map.hops) {
    for (const from of countriesOrNone(hop.fromCountries)) {
      for (const to of countriesOrNone(hop.toCountries)) {
        // Each edge is judged for its own destination: a hop's IE leg is not red because its US leg is.
        const verdict = hop.destinationVerdicts.find((destination) => destination.country === to)?.verdict ?? hop.verdict;
        const label = escapeMermaid(`${EDGE_OF_VERDICT[verdict]?.label ?? ''}${hop.categoryKeys.join(', ')}`);
        edges.set(`  ${nodeId(hop.fromKey, from)} -->|"${label}"| ${nodeId(hop.toKey, to)}`, verdict);
      }
    }
  }
  lines.push(...edges.keys());
  // linkStyle numbers edges in the order they are written.
  const verdicts = [...edges.values()];
  for (const verdict of [HopVerdict.UNLAWFUL, HopVerdict.UNDETERMINED, HopVerdict.LAWFUL_WITH_GAPS]) {
    const indices = verdicts.flatMap((edgeVerdict, index) => (edgeVerdict === verdict ? [index] : []));
    if (indices.length > 0) lines.push(`  linkStyle ${indices.join(',')} ${EDGE_OF_VERDICT[verdict]?.style ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
