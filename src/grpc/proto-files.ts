import { join } from 'node:path';
import type { Options } from '@grpc/proto-loader';

/** Where the API lives: `proto/` at the repository root (next to `src/` and `dist/`). */
export const PROTO_ROOT = join(__dirname, '..', '..', 'proto');
export const CASE_WORKFLOW_PROTO = join(PROTO_ROOT, 'netra', 'v1', 'case_workflow.proto');
export const GRPC_PACKAGE = 'netra.v1';
export const CASE_WORKFLOW_SERVICE = 'netra.v1.CaseWorkflow';

/**
 * How messages look in JavaScript, on the server and in the tests' client: camelCase fields (the
 * GraphQL names), enums by name, 64-bit numbers as strings, unset fields absent.
 */
export const LOADER_OPTIONS: Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: false,
  arrays: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
};
