/**
 * A real DNS server on 127.0.0.1 for tests (dns2), so the checks go through node's actual resolver (c-ares):
 * wire format, rcodes, timeouts and retries behave as they will in production, not as a mock imagines.
 *
 * UDP on a random free port, plus TCP on the same port when that port happens to be free for TCP too (c-ares
 * only switches to TCP for truncated answers, which this server's small answers never are).
 */
import dns2 from 'dns2';
import type { AddressInfo } from 'node:net';

export type Behaviour = 'nxdomain' | 'refused' | 'servfail' | 'slow';

export interface ZoneEntry {
  A?: string[];
  AAAA?: string[];
  PTR?: string[];
  /** Each record is one string, or its character-strings (chunks) as the wire carries them. */
  TXT?: (string | string[])[];
  MX?: { exchange: string; priority: number }[];
  /** Overrides the records. 'slow' never answers unless delayMs is set. */
  behaviour?: Behaviour;
  delayMs?: number;
}

/** Names are matched case-insensitively without the trailing dot; '*' applies to every name not listed. */
export type Zone = Record<string, ZoneEntry | Behaviour>;

export interface TestDnsServer {
  /** '127.0.0.1:PORT', ready for createResolver({ servers: [address] }). */
  address: string;
  /** Every question received, as 'TYPE name', for asserting what was (not) asked. */
  queries: string[];
  stop(): Promise<void>;
}

const { Packet } = dns2;
const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;
const TYPE_NAMES = new Map<number, string>(Object.entries(Packet.TYPE).map(([name, code]) => [code, name]));

function recordsFor(entry: ZoneEntry, type: number, name: string): Partial<dns2.Packet.Resource>[] {
  const base = { name, type, class: Packet.CLASS.IN, ttl: 0 };
  switch (type) {
    case Packet.TYPE.A:
      return (entry.A ?? []).map((address) => ({ ...base, address }));
    case Packet.TYPE.AAAA:
      return (entry.AAAA ?? []).map((address) => ({ ...base, address }));
    case Packet.TYPE.PTR:
      return (entry.PTR ?? []).map((domain) => ({ ...base, domain }));
    case Packet.TYPE.TXT:
      return (entry.TXT ?? []).map((data) => ({ ...base, data }));
    case Packet.TYPE.MX:
      return (entry.MX ?? []).map((mx) => ({ ...base, ...mx }));
    default:
      return [];
  }
}

export async function startTestDnsServer(zone: Zone): Promise<TestDnsServer> {
  const table = new Map<string, ZoneEntry>();
  for (const [name, entry] of Object.entries(zone)) {
    table.set(
      name.toLowerCase().replace(/\.$/, ''),
      typeof entry === 'string' ? { behaviour: entry } : entry,
    );
  }
  const queries: string[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const handle: dns2.DnsHandler = (request, send) => {
    const response = Packet.createResponseFromRequest(request);
    response.header.aa = 1;
    response.header.ra = 1;
    const [question] = request.questions;
    if (!question) return void send(response);
    const name = question.name.toLowerCase().replace(/\.$/, '');
    queries.push(`${TYPE_NAMES.get(question.type) ?? question.type} ${name}`);
    const entry = table.get(name) ?? table.get('*');

    // Called at once, or after delayMs for a 'slow' entry, which then answers with its records.
    const reply = (): void => {
      if (!entry || entry.behaviour === 'nxdomain') response.header.rcode = RCODE.NXDOMAIN;
      else if (entry.behaviour === 'refused') response.header.rcode = RCODE.REFUSED;
      else if (entry.behaviour === 'servfail') response.header.rcode = RCODE.SERVFAIL;
      else {
        for (const record of recordsFor(entry, question.type, question.name)) {
          response.answers.push(Packet.createResourceFromQuestion(question, record));
        }
      }
      send(response).catch(() => undefined); // the client may have gone away; nothing to report
    };

    if (entry?.behaviour !== 'slow') return reply();
    if (entry.delayMs === undefined) return; // never answers
    const timer = setTimeout(() => {
      timers.delete(timer);
      reply();
    }, entry.delayMs);
    timers.add(timer);
  };

  const udp = dns2.createUDPServer(handle);
  await udp.listen(0, '127.0.0.1');
  const { port } = udp.address();
  const tcp = dns2.createTCPServer(handle);
  const tcpListening = await new Promise<boolean>((resolve) => {
    tcp.once('error', () => resolve(false));
    tcp.listen(port, '127.0.0.1', () => resolve(true));
  });

  return {
    address: `127.0.0.1:${port}`,
    queries,
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      if (tcpListening) await new Promise<void>((resolve) => tcp.close(() => resolve()));
    },
  };
}

/** A loopback UDP port with nothing listening: queries to it fail at once (ICMP port unreachable). */
export async function closedDnsAddress(): Promise<string> {
  const probe = dns2.createUDPServer(() => undefined);
  await probe.listen(0, '127.0.0.1');
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `127.0.0.1:${port}`;
}
