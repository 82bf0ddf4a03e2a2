import { useEffect, useState } from 'react';
import { VERDICT_LOOK } from '../verdict/verdict';
import { layoutFlowGraph, shortName, type FlowGraphLayout } from './flow-graph-layout';
import type { FlowMap, Hop } from './person-flows.query';

function describeHop(hop: Hop): string {
  return `${hop.fromKey} to ${hop.toKey} (${hop.flowKey}): ${hop.categoryKeys.join(', ')}; ${hop.mechanism ?? 'no mechanism'}; ${VERDICT_LOOK[hop.verdict].label}`;
}

/** The answer as a graph: parties grouped by country, hops as edges coloured and marked by their verdict. */
export function FlowGraph(props: { map: FlowMap; countryNames: ReadonlyMap<string, string> }) {
  const [layout, setLayout] = useState<{ of: FlowMap; layout: FlowGraphLayout } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    layoutFlowGraph(props.map).then(
      (result) => current && setLayout({ of: props.map, layout: result }),
      (error: unknown) => current && setFailure(String(error)),
    );
    return () => {
      current = false;
    };
  }, [props.map]);

  if (failure) return <p className="problem">The graph could not be laid out: {failure}</p>;
  if (!layout || layout.of !== props.map) return <p className="loading">Laying the graph out…</p>;
  const { width, height, groups, parties, hops } = layout.layout;
  if (parties.length === 0) return <p>No party receives this data as of this date.</p>;
  return (
    <div className="flow-graph-scroll">
      <svg className="flow-graph" viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, minWidth: Math.min(width, 1000) }} role="group" aria-label="Graph of where the data goes">
        <defs>
          {(['UNLAWFUL', 'UNDETERMINED', 'LAWFUL_WITH_GAPS', 'LAWFUL'] as const).map((verdict) => (
            <marker key={verdict} id={`graph-arrow-${verdict}`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto">
              <path d="M 0 0 L 10 5 L 0 10 z" className={`arrow arrow-${verdict.toLowerCase()}`} />
            </marker>
          ))}
        </defs>
        {groups.map((group) => (
          <g key={group.id} className="country-group" data-country-group={group.country ?? 'unknown'}>
            <rect x={group.x} y={group.y} width={group.width} height={group.height} rx="8" />
            <text x={group.x + 10} y={group.y + 19} className="country-group-label">
              {group.country ? `${props.countryNames.get(group.country) ?? group.country} (${group.country})` : 'Country unknown'}
            </text>
            {parties.filter((party) => party.groupId === group.id).map((party) => (
              <g key={party.id} className="graph-party" data-party={party.key}>
                <title>{`${party.name} (${party.key}, ${party.kind})`}</title>
                <rect x={party.x} y={party.y} width={party.width} height={party.height} rx="6" />
                <text x={party.x + 10} y={party.y + 18} className="graph-party-name">
                  {shortName(party.name)}
                </text>
                <text x={party.x + 10} y={party.y + 34} className="graph-party-kind">
                  {party.kind}
                </text>
              </g>
            ))}
          </g>
        ))}
        {hops.map(({ id, hop, path, label }) => (
          <g key={id} className={`graph-hop route-${hop.verdict.toLowerCase()}`} data-hop={hop.flowKey} data-verdict={hop.verdict} role="img" aria-label={describeHop(hop)}>
            <title>{describeHop(hop)}</title>
            <path d={path} className="arc" markerEnd={`url(#graph-arrow-${hop.verdict})`} />
            {label && (
              <text x={label.x} y={label.y + 4} textAnchor="middle" className="graph-hop-label">
                <tspan className="arc-mark-text" aria-hidden="true">
                  {VERDICT_LOOK[hop.verdict].mark}{' '}
                </tspan>
                {label.text}
              </text>
            )}
          </g>
        ))}
      </svg>
    </div>
  );
}
