import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signDevToken } from '../../src/auth/dev-token';
import { aLaporan, REPORT_CASE } from '../e2e/fixtures';
import { TEST_SECRET } from '../support/netra-app';
import { spawnNetra, type NetraProcess } from '../support/netra-process';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  links?: Array<{ traceId: string; spanId: string }>;
}

/** An OTLP/HTTP collector: what the exporter posts to /v1/traces, as JSON. */
async function startCollector(): Promise<{ server: Server; url: string; spans: OtlpSpan[]; bodies: string[] }> {
  const spans: OtlpSpan[] = [];
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      bodies.push(body);
      const parsed = JSON.parse(body) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> };
      for (const resource of parsed.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, bodies };
}

describe('OpenTelemetry traces over OTLP/HTTP', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let netra: NetraProcess;
  beforeAll(async () => {
    collector = await startCollector();
    netra = await spawnNetra({ EVENT_STORE_URL: 'memory:', OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'netra-test' });
  });
  afterAll(async () => {
    netra?.child.kill('SIGTERM');
    await netra?.exited;
    collector.server.close();
  });

  it('follows one mutation from GraphQL through the command and the append to the projection batch that applied it', async () => {
    const token = await signDevToken(TEST_SECRET, { sub: 'officer-1', agency: 'BAWASLU', region: '16.73' });
    const input = aLaporan();
    const response = await fetch(netra.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: REPORT_CASE, variables: { input } }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();

    const find = (name: string) => collector.spans.find((span) => span.name === name);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(find('graphql mutation reportCase') && find('projection.apply'))) await new Promise((r) => setTimeout(r, 200));

    const operation = find('graphql mutation reportCase')!;
    const command = find('command ReportCase')!;
    const append = find('eventStore.append')!;
    const projection = find('projection.apply')!;
    expect(operation).toBeDefined();
    expect(command).toMatchObject({ traceId: operation.traceId, parentSpanId: operation.spanId });
    expect(append).toMatchObject({ traceId: operation.traceId, parentSpanId: command.spanId });
    // The projection runs later, in its own trace, linked to the command that appended the events.
    expect(projection.links).toEqual(expect.arrayContaining([expect.objectContaining({ traceId: command.traceId, spanId: command.spanId })]));

    const everything = collector.bodies.join('\n');
    expect(everything).toContain('netra-test');
    for (const personal of [input.reporter.name, input.respondents[0].name, input.respondents[0].nip]) expect(everything).not.toContain(personal);
  });
});
