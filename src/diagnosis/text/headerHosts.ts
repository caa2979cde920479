/** Hosts named in a report's own headers, used to tell who generated the report when its body does not say. */
import { cleanHost } from './hosts';

const MAX_HOSTS = 12;

/** "from X" / "by X" of Received lines and the domain of Message-ID. */
export function hostsFromHeaders(received: string[], messageId: string | undefined): string[] {
  const hosts: string[] = [];
  // The last Received lines are the hops nearest to where the report was written.
  for (const line of received.slice(-3)) {
    for (const match of line
      .slice(0, 2000)
      .matchAll(/\b(?:from|by)\s{1,5}([A-Za-z0-9][A-Za-z0-9.-]{2,252})/gi)) {
      const host = cleanHost(match[1]);
      if (host && hosts.length < MAX_HOSTS) hosts.push(host);
    }
  }
  const idDomain = messageId ? /@([A-Za-z0-9.-]{3,253})>?\s*$/.exec(messageId.slice(0, 1000)) : null;
  const idHost = idDomain ? cleanHost(idDomain[1]) : undefined;
  if (idHost) hosts.push(idHost);
  return hosts;
}
