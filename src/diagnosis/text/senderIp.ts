/**
 * The SENDER's IP as the rejection names it. Only phrases that name the connecting client are used,
 * never "host x.mail.protection.outlook.com[104.47.x.x]", which is Microsoft's own MX.
 */
import ipaddr from 'ipaddr.js';

const IP = '([0-9A-Fa-f:.]{2,45})';
const SENDER_IP_PATTERNS: RegExp[] = [
  new RegExp(`banned sending IP \\[${IP}\\]`, 'i'),
  new RegExp(`Client host \\[${IP}\\]`, 'i'),
  new RegExp(`banned sender ?\\[${IP}\\]`, 'i'),
  new RegExp(`messages from \\[?${IP}\\]? weren.t sent`, 'i'),
  new RegExp(`The mail server \\[${IP}\\] has been`, 'i'),
  new RegExp(`try again later from \\[${IP}\\]`, 'i'),
  new RegExp(`sent over IPv6 \\[${IP}\\]`, 'i'),
  new RegExp(`client ip \\[?${IP}\\]?`, 'i'),
  new RegExp(`sending IP \\[${IP}\\]`, 'i'),
];

/** Syntax check with ipaddr.js; four-part decimal only for IPv4 so "1" or "1.2" never pass. */
export function validIp(candidate: string): string | undefined {
  const ip = candidate.replace(/\.+$/, '');
  if (ip.includes(':')) return ipaddr.IPv6.isValid(ip) ? ip : undefined;
  return ipaddr.IPv4.isValidFourPartDecimal(ip) ? ip : undefined;
}

export function findSenderIp(diagnostic: string): string | undefined {
  for (const pattern of SENDER_IP_PATTERNS) {
    const match = pattern.exec(diagnostic);
    const ip = match ? validIp(match[1]) : undefined;
    if (ip) return ip;
  }
  return undefined;
}
