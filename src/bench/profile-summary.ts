import { readFileSync } from 'node:fs';

/**
 * `node dist/bench/profile-summary.js <file.cpuprofile>`: where the CPU went in a `node --cpu-prof`
 * run of the benchmark, as self time per package (node_modules/<pkg>, Netra's src/<folder>, node
 * internals, GC, idle) and per function.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function area(url: string, name: string): string {
  if (name === '(garbage collector)' || name === '(idle)' || name === '(program)') return name;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /dist\/([^/]+)\//.exec(url);
  if (own) return `netra/${own[1]}`;
  if (url.startsWith('node:') || url === '') return 'node internals / native';
  return url;
}

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const areas = new Map<string, number>();
const functions = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const { callFrame } = byId.get(id)!;
  const us = profile.timeDeltas[i] ?? 0;
  total += us;
  const a = area(callFrame.url, callFrame.functionName);
  areas.set(a, (areas.get(a) ?? 0) + us);
  const f = `${callFrame.functionName || '(anonymous)'} ${a}:${callFrame.lineNumber + 1}`;
  functions.set(f, (functions.get(f) ?? 0) + us);
});
const top = (m: Map<string, number>, count: number) =>
  [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1e6).toFixed(2).padStart(7)} s  ${k}`);
process.stdout.write(`self time by area (${(total / 1e6).toFixed(1)} s sampled)\n${top(areas, 20).join('\n')}\n\nby function\n${top(functions, 25).join('\n')}\n`);
