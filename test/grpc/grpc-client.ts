import { credentials, loadPackageDefinition, Metadata, type Client, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { signDevToken } from '../../src/auth/dev-token';
import type { Agency } from '../../src/case/case-vocabulary';
import { CASE_WORKFLOW_PROTO, LOADER_OPTIONS } from '../../src/grpc/proto-files';
import { TEST_SECRET } from '../support/netra-app';

/** A real @grpc/grpc-js client built from proto/netra/v1/case_workflow.proto, as an agency system would build it. */

type Message = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Unary = (request: Message, metadata: Metadata, callback: (error: ServiceError | null, response: Message) => void) => void;

const definition = loadSync(CASE_WORKFLOW_PROTO, LOADER_OPTIONS);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const netra = (loadPackageDefinition(definition) as any).netra.v1;

export interface Caller {
  agency: Agency;
  region?: string | null;
}

export class CaseWorkflowClient {
  readonly raw: Client & Record<string, Unary>;

  constructor(address: string) {
    this.raw = new netra.CaseWorkflow(address, credentials.createInsecure());
  }

  /** Calls a unary RPC; `caller` null sends no token. */
  async call(method: string, request: Message, caller: Caller | null): Promise<Message> {
    const metadata = await metadataFor(caller);
    return new Promise((resolve, reject) => {
      this.raw[method](request, metadata, (error, response) => (error ? reject(error) : resolve(response)));
    });
  }

  async watch(request: Message, caller: Caller | null): Promise<ClientReadableStream<Message>> {
    const metadata = await metadataFor(caller);
    return (this.raw as unknown as { WatchEvents(r: Message, m: Metadata): ClientReadableStream<Message> }).WatchEvents(request, metadata);
  }

  close(): void {
    this.raw.close();
  }
}

export async function metadataFor(caller: Caller | null): Promise<Metadata> {
  const metadata = new Metadata();
  if (caller) {
    const region = caller.region ?? null;
    const token = await signDevToken(TEST_SECRET, { sub: `${caller.agency}-${region ?? 'national'}`, agency: caller.agency, region });
    metadata.set('authorization', `Bearer ${token}`);
  }
  return metadata;
}

/** The gRPC status of a refused call (`0` when it succeeded) and its message. */
export async function refusal(call: Promise<unknown>): Promise<{ code: number; details: string; netraCode?: string; field?: string }> {
  try {
    await call;
    return { code: 0, details: '' };
  } catch (error) {
    const e = error as ServiceError;
    const netraCode = e.metadata?.get('netra-error-code')[0] as string | undefined;
    const field = e.metadata?.get('netra-error-field')[0] as string | undefined;
    return { code: e.code, details: e.details, netraCode, field };
  }
}

export const BAWASLU_LUBUK_LINGGAU: Caller = { agency: 'BAWASLU', region: '16.73' };
export const BKN: Caller = { agency: 'BKN' };
export const PPK_LUBUK_LINGGAU: Caller = { agency: 'PPK', region: '16.73' };
export const PPK_MUSI_RAWAS: Caller = { agency: 'PPK', region: '16.05' };
export const OVERSIGHT: Caller = { agency: 'OVERSIGHT' };

/** A laporan in Lubuk Linggau (16.73) naming a camat and a staff member, in proto form. */
export function aLaporan(overrides: Message = {}): Message {
  return {
    source: 'CASE_SOURCE_REPORT',
    election: { kind: 'ELECTION_KIND_PILKADA', year: 2024, regionCode: '16.73' },
    handlingUnit: '16.73',
    occurredAt: '2024-09-25T08:00:00+07:00',
    knownAt: '2024-09-25T12:00:00+07:00',
    receivedAt: '2024-09-26T09:00:00+07:00',
    summary: 'A camat wore a candidate’s T-shirt at a sub-district event.',
    violations: ['VIOLATION_CODE_PARTISAN_ACTIVITY'],
    respondents: [
      { name: 'Ahmad Fauzi', nip: '198203152008011002', employment: 'EMPLOYMENT_PNS', position: 'Camat', institution: 'Kecamatan Lubuk Linggau Barat I', institutionRegionCode: '16.73' },
      { name: 'Dewi Anggraini', nip: '199001202015032001', employment: 'EMPLOYMENT_PNS', position: 'Staf', institution: 'Kecamatan Lubuk Linggau Barat I', institutionRegionCode: '16.73' },
    ],
    reporter: { name: 'Rina Marlina', phone: '+62 812 0000 1111', email: 'rina@example.org' },
    evidence: ['Foto kegiatan'],
    ...overrides,
  };
}
