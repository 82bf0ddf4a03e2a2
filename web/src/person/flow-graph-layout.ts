import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { FlowMap, Hop } from './person-flows.query';

export interface PlacedBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedParty extends PlacedBox {
  /** The id of the country box it sits in. */
  groupId: string;
  key: string;
  name: string;
  kind: string;
}

export interface PlacedGroup extends PlacedBox {
  /** The country code, or null for the parties without a country on record. */
  country: string | null;
}

export interface PlacedHop {
  id: string;
  hop: Hop;
  /** SVG path through the bend points ELK chose. */
  path: string;
  label: { x: number; y: number; text: string } | null;
}

export interface FlowGraphLayout {
  width: number;
  height: number;
  groups: PlacedGroup[];
  parties: PlacedParty[];
  hops: PlacedHop[];
}

const NODE_HEIGHT = 44;
const CHAR_WIDTH = 7.6;
const UNKNOWN = '__unknown__';

/** Long names ("Government authorities and other external institutions (unnamed)") are cut on the drawing; the full name is its tooltip. */
export const NAME_ON_GRAPH = 34;

export function shortName(name: string): string {
  return name.length > NAME_ON_GRAPH ? `${name.slice(0, NAME_ON_GRAPH - 1)}…` : name;
}

/** A party sits in the group of its first country (the one its hops are judged from first). */
function groupOf(countries: readonly string[]): string {
  return countries[0] ?? UNKNOWN;
}

/** A hop's label on the graph: its categories and mechanism (the verdict is its colour and mark). */
export function hopLabel(hop: Hop): string {
  const categories = hop.categoryKeys.length > 2 ? `${hop.categoryKeys.slice(0, 2).join(', ')} +${hop.categoryKeys.length - 2}` : hop.categoryKeys.join(', ');
  return hop.mechanism ? `${categories} · ${hop.mechanism}` : categories;
}

/** ELK is most of the console's code (about 1.4 MB): loaded, as a chunk of its own, only when a graph is drawn. */
let elk: Promise<{ layout(graph: ElkNode): Promise<ElkNode> }> | null = null;

function loadElk() {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elk;
}

/**
 * Lays the answer out left to right (ELK's layered algorithm): parties as nodes inside a box per
 * country, hops as edges between them, routed across the boxes.
 */
export async function layoutFlowGraph(map: FlowMap): Promise<FlowGraphLayout> {
  const groups = new Map<string, ElkNode>();
  for (const party of map.parties) {
    const groupId = groupOf(party.countries);
    if (!groups.has(groupId)) {
      groups.set(groupId, {
        id: `group:${groupId}`,
        layoutOptions: { 'elk.padding': '[top=30,left=12,bottom=12,right=12]', 'elk.direction': 'RIGHT' },
        children: [],
      });
    }
    groups.get(groupId)?.children?.push({
      id: `party:${party.key}`,
      width: Math.max(150, CHAR_WIDTH * Math.max(shortName(party.name).length, party.kind.length + 4) + 24),
      height: NODE_HEIGHT,
    });
  }
  const known = new Set(map.parties.map((party) => party.key));
  const edges: ElkExtendedEdge[] = map.hops.flatMap((hop, index) => {
    if (!known.has(hop.fromKey) || !known.has(hop.toKey)) return [];
    const text = hopLabel(hop);
    return [{ id: `hop:${index}`, sources: [`party:${hop.fromKey}`], targets: [`party:${hop.toKey}`], labels: [{ text, width: CHAR_WIDTH * text.length + 8, height: 16 }] }];
  });
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '24',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.edgeRouting': 'ORTHOGONAL',
      // Every coordinate of the answer in the drawing's own frame, boxes, parties and hops alike.
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
    },
    children: [...groups.values()],
    edges,
  };
  const laidOut = await (await loadElk()).layout(root);

  const placedGroups: PlacedGroup[] = [];
  const placedParties: PlacedParty[] = [];
  const partiesByKey = new Map(map.parties.map((party) => [party.key, party]));
  for (const group of laidOut.children ?? []) {
    const gx = group.x ?? 0;
    const gy = group.y ?? 0;
    const code = group.id.slice('group:'.length);
    placedGroups.push({ id: group.id, x: gx, y: gy, width: group.width ?? 0, height: group.height ?? 0, country: code === UNKNOWN ? null : code });
    for (const node of group.children ?? []) {
      const key = node.id.slice('party:'.length);
      const party = partiesByKey.get(key);
      placedParties.push({ id: node.id, groupId: group.id, key, name: party?.name ?? key, kind: party?.kind ?? '', x: node.x ?? 0, y: node.y ?? 0, width: node.width ?? 0, height: node.height ?? 0 });
    }
  }
  const placedHops: PlacedHop[] = (laidOut.edges ?? []).map((edge) => {
    const index = Number(edge.id.slice('hop:'.length));
    const points = (edge.sections ?? []).flatMap((section) => [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
    const path = points.map((point, position) => `${position === 0 ? 'M' : 'L'} ${point.x} ${point.y}`).join(' ');
    const label = edge.labels?.[0];
    return {
      id: edge.id,
      hop: map.hops[index],
      path,
      label: label ? { x: (label.x ?? 0) + (label.width ?? 0) / 2, y: (label.y ?? 0) + (label.height ?? 0) / 2, text: label.text ?? '' } : null,
    };
  });
  return { width: laidOut.width ?? 0, height: laidOut.height ?? 0, groups: placedGroups, parties: placedParties, hops: placedHops };
}
