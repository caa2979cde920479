import type { FailedRecipient, Reference } from './types';
import type { KbEntry } from './knowledgeBase';
import { DELIST_MAILBOX, THIRD_PARTY_LISTS } from './kb/references';

/** Shown in place of a fact the bounce does not state, so a text never prints a raw {{placeholder}}. */
export const UNKNOWN_VALUE = '?';

/** Placeholders every diagnosis fills; entries may add their `extraPlaceholders`. */
export const COMMON_PLACEHOLDERS = [
  'status',
  'replyCode',
  'address',
  'domain',
  'host',
  'ip',
  'asTags',
  'sTags',
] as const;

export function placeholdersFor(entry: KbEntry | undefined): string[] {
  return [...COMMON_PLACEHOLDERS, ...(entry?.extraPlaceholders ?? [])];
}

/** Microsoft's old consumer links that the FAQ in our references replaced; not worth showing first. */
const SUPERSEDED = ['mail.live.com/mail/troubleshooting.aspx'];

export function listNameOf(diagnostic: string): string | undefined {
  const m = /blocked using ([A-Za-z0-9][A-Za-z0-9 .-]*?)\s*(?:[.;,()[\]]\s|[;,()[\]]|\.$|\s+to\s|$)/i.exec(
    diagnostic,
  );
  return m?.[1]?.trim();
}

function delistAddressIn(diagnostic: string): string | undefined {
  return /\bdelist@[a-z0-9-]+(?:\.[a-z0-9-]+)+/i.exec(diagnostic)?.[0].toLowerCase();
}

export function buildValues(r: FailedRecipient, entry: KbEntry | undefined): Record<string, string> {
  const domain = r.address?.includes('@') ? r.address.slice(r.address.lastIndexOf('@') + 1) : undefined;
  const values: Record<string, string> = {
    status:
      r.status ??
      (r.replyCode !== undefined ? String(r.replyCode) : undefined) ??
      r.sTags[0] ??
      UNKNOWN_VALUE,
    replyCode: r.replyCode !== undefined ? String(r.replyCode) : UNKNOWN_VALUE,
    address: r.address ?? UNKNOWN_VALUE,
    domain: domain ?? UNKNOWN_VALUE,
    host: r.remoteHost ?? r.reportingHost ?? UNKNOWN_VALUE,
    ip: r.senderIp ?? UNKNOWN_VALUE,
    // Anti-spam tags have no public meaning: passed through verbatim, never interpreted.
    asTags: r.asTags.join(' '),
    sTags: r.sTags.join(' '),
  };
  for (const key of entry?.extraPlaceholders ?? []) {
    if (key === 'listName') values.listName = listNameOf(r.diagnostic) ?? UNKNOWN_VALUE;
    if (key === 'delistAddress') values.delistAddress = delistAddressIn(r.diagnostic) ?? DELIST_MAILBOX.value;
  }
  return values;
}

function normalise(ref: Reference): string {
  return `${ref.kind}:${ref.value.toLowerCase().replace(/\/+$/, '')}`;
}

/** Exchange Online's own server names are hops, not pages for the user. */
function isServerName(url: string): boolean {
  const host = /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return /\.(prod\.outlook\.com|protection\.outlook\.com|prod\.exchangelabs\.com)$/.test(host);
}

/** Links and delist addresses the bounce itself names, in the order it names them. */
export function referencesInText(diagnostic: string): Reference[] {
  const found: { at: number; ref: Reference }[] = [];
  for (const m of diagnostic.matchAll(/https?:\/\/[^\s<>"'()[\]]+/gi)) {
    const value = m[0].replace(/[.,;:]+$/, '');
    // "[host](http://host/)" is a forum's auto-link of a host name, not a link the bounce offers.
    const autoLinked = diagnostic.slice(Math.max(0, m.index - 2), m.index) === '](';
    if (!autoLinked && !isServerName(value) && !SUPERSEDED.some((s) => value.toLowerCase().includes(s))) {
      found.push({ at: m.index, ref: { kind: 'url', value } });
    }
  }
  // Only delist mailboxes: other addresses in a bounce are the recipient's or the sender's own.
  for (const m of diagnostic.matchAll(/\bdelist@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi)) {
    found.push({ at: m.index, ref: { kind: 'email', value: m[0].toLowerCase() } });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.ref);
}

/** NDR-named references first (they are what the user sees quoted), then the list's page, then ours. */
export function buildReferences(
  r: FailedRecipient,
  entry: KbEntry | undefined,
  defaults: readonly Reference[],
): Reference[] {
  const fromText = referencesInText(r.diagnostic);
  const listName = entry?.extraPlaceholders?.includes('listName') ? listNameOf(r.diagnostic) : undefined;
  // Match on a known name inside the wording: "Barracuda Reputation Block List" is Barracuda's.
  const listKey = Object.keys(THIRD_PARTY_LISTS).find((key) => listName?.toLowerCase().includes(key));
  const listRef = listKey ? THIRD_PARTY_LISTS[listKey] : undefined;
  const merged: Reference[] = [];
  const seen = new Set<string>();
  for (const ref of [...fromText, ...(listRef ? [listRef] : []), ...defaults]) {
    const key = normalise(ref);
    if (!seen.has(key)) {
      seen.add(key);
      merged.push(ref);
    }
  }
  return merged;
}
