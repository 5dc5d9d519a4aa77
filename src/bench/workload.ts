/** The benchmark's workload: the command side of the synthetic history (src/demo/synthetic-commands.ts). */
export { caseScripts, caseScriptStream, type CaseScript } from '../demo/synthetic-commands';
