import type { Activity } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { CaseSummary } from '../src/bot/state';
import {
  CONSUMER_FAQ,
  CONSUMER_FORM,
  CONSUMER_SNDS,
  DELIST_MAILBOX,
  DELIST_PORTAL,
} from '../src/diagnosis/kb/references';
import type { Reference, Route } from '../src/diagnosis';
import type { Translator } from '../src/i18n/localizer';
import { utcMinute } from '../src/i18n/utcMinute';
import { recipientMessage } from './recipientMessage';

/** The removal routes this flow walks through; the other diagnosis routes have no delisting. */
export type DelistRoute = Extract<
  Route,
  | 'delist-portal'
  | 'delist-mailbox'
  | 'third-party-blocklist'
  | 'consumer-delist-form'
  | 'contact-recipient'
  | 'retry-later'
>;

const DELIST_ROUTES: readonly Route[] = [
  'delist-portal',
  'delist-mailbox',
  'third-party-blocklist',
  'consumer-delist-form',
  'contact-recipient',
  'retry-later',
];

/** Which removal route a diagnosed bounce leads to, if any: only blocks of the sending IP qualify. */
export function delistRouteFor(lastCase: CaseSummary): DelistRoute | undefined {
  if (!DELIST_ROUTES.includes(lastCase.route)) return undefined;
  // "Contact the recipient" is a delisting route only when the recipient blocked the IP itself (5.7.513, 5.7.507).
  if (lastCase.route === 'contact-recipient' && !['5-7-513', '5-7-507'].includes(lastCase.entryId))
    return undefined;
  if (lastCase.route === 'retry-later' && !lastCase.entryId.startsWith('4-7-')) return undefined;
  return lastCase.route as DelistRoute;
}

export interface Listing {
  name: string;
  removalUrl: string;
}

export interface RouteContext {
  ip: string;
  listedOn: Listing[];
  lastCase?: CaseSummary;
  checkedAt?: string;
}

function numbered(items: string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}

function links(references: Reference[]): string {
  const unique = [...new Map(references.map((r) => [r.value, r])).values()];
  return unique
    .map((r) => (r.kind === 'email' ? `- [${r.value}](mailto:${r.value})` : `- ${r.value}`))
    .join('\n');
}

/** Prefer what the bounce itself names (ndr-facts: the delist mailbox address changed over the years). */
function caseReferences(lastCase: CaseSummary | undefined, kind: Reference['kind']): Reference[] {
  return (lastCase?.references ?? []).filter((r) => r.kind === kind);
}

function summary(t: Translator, ctx: RouteContext): string {
  const body = t.t('delist:summary.body', {
    ip: ctx.ip,
    code: ctx.lastCase?.code ?? '',
    email: t.t('delist:summary.unknownEmail'),
    when: ctx.lastCase ? utcMinute(ctx.lastCase.diagnosedAt) : '',
    checked: ctx.checkedAt ? utcMinute(ctx.checkedAt) : '',
  });
  return `${t.t('delist:summary.title')}\n\n\`\`\`\n${body}\n\`\`\``;
}

/** The messages that walk the user through one route, each in the user's language. */
export function routeMessages(t: Translator, route: DelistRoute, ctx: RouteContext): Partial<Activity>[] {
  const code = ctx.lastCase?.code ?? '';
  const values = { ip: ctx.ip, code };
  const text = (parts: string[]): Partial<Activity> =>
    MessageFactory.text(parts.filter(Boolean).join('\n\n'));
  switch (route) {
    case 'delist-portal':
      return [
        text([
          t.t('delist:portal.stepsTitle'),
          numbered(t.list('delist:portal.steps', values)),
          links([DELIST_PORTAL]),
        ]),
        text([summary(t, ctx)]),
      ];
    case 'delist-mailbox': {
      const address = caseReferences(ctx.lastCase, 'email')[0] ?? DELIST_MAILBOX;
      const withAddress = { ...values, address: address.value };
      return [
        text([
          t.t('delist:mailbox.intro', withAddress),
          numbered(t.list('delist:mailbox.steps', withAddress)),
          links([address]),
        ]),
        text([summary(t, ctx)]),
      ];
    }
    case 'third-party-blocklist': {
      const pages = [
        ...caseReferences(ctx.lastCase, 'url'),
        ...ctx.listedOn.map((l): Reference => ({ kind: 'url', value: l.removalUrl })),
      ];
      return [text([numbered(t.list('delist:thirdPartyRoute.steps', values)), links(pages)])];
    }
    case 'consumer-delist-form':
      return [
        text([
          t.t('delist:consumer.intro', values),
          numbered(t.list('delist:consumer.steps', values)),
          links([CONSUMER_FORM, CONSUMER_FAQ, CONSUMER_SNDS]),
        ]),
        text([summary(t, ctx)]),
      ];
    case 'contact-recipient':
      return [text([t.t('delist:recipient.intro', values)]), recipientMessage(t, ctx.lastCase)];
    case 'retry-later':
      return [
        text([t.t('delist:temporary.intro', values), numbered(t.list('delist:temporary.steps', values))]),
      ];
  }
}

/** Said right after the checks when the IP is on third-party lists, whatever the route. */
export function listingMessage(t: Translator, ctx: RouteContext): Partial<Activity> {
  const lists = ctx.listedOn.map((l) => l.name).join(', ');
  return MessageFactory.text(
    [
      t.t('delist:thirdParty', { ip: ctx.ip, lists }),
      links(ctx.listedOn.map((l): Reference => ({ kind: 'url', value: l.removalUrl }))),
    ].join('\n\n'),
  );
}
