import type { IpClass } from '../src/ip';
import type { Translator } from '../src/i18n/localizer';

/** Why this address can't be the public sending IP, and how to find the right one. */
export function ipProblemText(
  t: Translator,
  ip: string,
  ipClass: Exclude<IpClass, { kind: 'public' }>,
): string {
  const values = { ip, range: ipClass.range };
  return [
    t.t('delist:notPublic', values),
    `**${t.t(`checks:ip.${ipClass.kind}.title`, values)}**`,
    t.t(`checks:ip.${ipClass.kind}.explain`, values),
    t.t(`checks:ip.${ipClass.kind}.howToFind`, values),
  ].join('\n\n');
}
