/** Host-name helpers: which names belong to Microsoft's business service, its consumer service, or anyone else. */
import { trimEndChars } from './lines';

/** Label by label instead of one big regex: at least two labels, alphabetic top-level label. */
function hostShaped(host: string): boolean {
  const labels = host.split('.');
  if (labels.length < 2 || labels.length > 30) return false;
  const tld = labels[labels.length - 1];
  if (!/^[A-Za-z]{2,24}$/.test(tld)) return false;
  return labels.every((label) => /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/.test(label));
}

/** Strips the decorations hosts come with in bounces: "[1.2.3.4]", trailing dots and colons, brackets. */
export function cleanHost(token: string): string | undefined {
  let host = token.trim();
  const bracket = host.indexOf('[');
  if (bracket > 0) host = host.slice(0, bracket);
  host = trimEndChars(host.replace(/^[[(<'"]+/, ''), `]).,:;'">`);
  if (host.length > 253 || host.includes('@') || host.includes('/')) return undefined;
  return hostShaped(host) ? host : undefined;
}

/** Outlook.com / Hotmail consumer inbound hosts. */
export function isConsumerHost(host: string): boolean {
  const lower = host.toLowerCase();
  return lower.endsWith('.olc.protection.outlook.com') || /(^|\.)hotmail\./.test(lower);
}

/** Exchange Online / EOP hosts (consumer hosts excluded). */
export function isBusinessCloudHost(host: string): boolean {
  const lower = host.toLowerCase();
  if (isConsumerHost(lower)) return false;
  return (
    lower.endsWith('.protection.outlook.com') ||
    lower.endsWith('.prod.outlook.com') ||
    lower.endsWith('.outlook.office365.com') ||
    lower.endsWith('.exchangelabs.com') ||
    lower.endsWith('.onmicrosoft.com')
  );
}

export function isMicrosoftHost(host: string): boolean {
  return isConsumerHost(host) || isBusinessCloudHost(host);
}

const HOST_IN_BRACKETS = /\[\[?([A-Za-z0-9][A-Za-z0-9.-]{2,252})[\] ]/g;

/** Microsoft server names that EOP appends in brackets to its replies ("[AM5EUR03FT007.eop-EUR03.prod...]"). */
export function microsoftHostsInText(text: string): string[] {
  const hosts: string[] = [];
  for (const match of text.matchAll(HOST_IN_BRACKETS)) {
    const host = cleanHost(match[1]);
    if (host && isMicrosoftHost(host) && !hosts.includes(host)) hosts.push(host);
    if (hosts.length >= 4) break;
  }
  return hosts;
}

/** Cheap test on lower-cased text: remoteHostInText can only find a host when one of these words appears. */
export function mayNameRemoteHost(lowerText: string): boolean {
  return (
    lowerText.includes('host') ||
    lowerText.includes('server at ') ||
    lowerText.includes('talking to ') ||
    lowerText.includes('said:')
  );
}

/**
 * The remote host a wrapper names just before quoting the reply:
 * "host X[ip] said:", "host X [ip]", "Server at X (ip) returned", "talking to X.:", "host=X,".
 */
export function remoteHostInText(text: string): string | undefined {
  const match =
    /(?:\bhost[ =]|Server at |talking to )\s{0,3}([A-Za-z0-9][A-Za-z0-9.-]{2,252})/i.exec(text) ??
    /(?:^|\s)([A-Za-z0-9][A-Za-z0-9.-]{2,252})\s?\[[0-9A-Fa-f:.]{2,45}\][:\s]{1,3}said:/.exec(text);
  return match ? cleanHost(match[1]) : undefined;
}

/** "msmx.au.com gave this error:" / "X rejected your message to the following" (Exchange Online NDR body). */
export function hostBlamedInText(line: string): string | undefined {
  if (!line.includes('gave this error:') && !line.includes('rejected your message')) return undefined;
  const match = /^\s{0,8}([A-Za-z0-9][A-Za-z0-9.-]{2,252}) (?:gave this error:|rejected your message)/.exec(
    line,
  );
  return match ? cleanHost(match[1]) : undefined;
}

/** A line holding nothing but a host name (Exchange puts the remote server on its own line). */
export function bareHostLine(line: string): string | undefined {
  const trimmed = line.trim();
  if (trimmed.length < 4 || trimmed.length > 253 || trimmed.includes(' ') || !trimmed.includes('.'))
    return undefined;
  return cleanHost(trimmed);
}
