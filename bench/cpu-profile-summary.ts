import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  ms: number;
  share: number;
}

function place(node: ProfileNode): string {
  const url = node.callFrame.url;
  const file = url.includes('node_modules/') ? url.slice(url.lastIndexOf('node_modules/') + 13) : url.replace(/^.*\/(dist|src)\//, '');
  return `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
}

/** Where a package or area of the code starts in a frame's URL, for totals by area. */
function areaOf(node: ProfileNode): string {
  const url = node.callFrame.url;
  if (url === '') return node.callFrame.functionName.startsWith('(') ? node.callFrame.functionName : '(native)';
  const inModules = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1];
  const inDist = /\/dist\/(.+)\/[^/]+$/.exec(url) ?? /\/dist\/([^/]+)$/.exec(url);
  if (inDist) return `flowmap/${inDist[1].split('/').slice(0, 2).join('/')}`;
  if (url.startsWith('node:')) return url;
  return url;
}

/** Self time by function and by area (package or folder of Flowmap), largest first. */
export function summariseCpuProfile(file: string, top = 25): { functions: ProfileLine[]; areas: ProfileLine[]; totalMs: number } {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    totalUs += us;
    functions.set(place(node), (functions.get(place(node)) ?? 0) + us);
    areas.set(areaOf(node), (areas.get(areaOf(node)) ?? 0) + us);
  }
  const lines = (totals: Map<string, number>): ProfileLine[] =>
    [...totals].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, ms: us / 1000, share: us / totalUs }));
  return { functions: lines(functions), areas: lines(areas), totalMs: totalUs / 1000 };
}

export function formatCpuProfile(file: string, top = 25): string {
  const summary = summariseCpuProfile(file, top);
  const format = (line: ProfileLine): string => `${line.ms.toFixed(0).padStart(8)} ms ${(100 * line.share).toFixed(1).padStart(5)}%  ${line.name}`;
  return [
    `CPU profile ${file}: ${summary.totalMs.toFixed(0)} ms busy`,
    'By area (self time):',
    ...summary.areas.map(format),
    'By function (self time):',
    ...summary.functions.map(format),
  ].join('\n');
}
