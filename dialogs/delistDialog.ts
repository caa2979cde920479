import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import {
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { CaseSummary } from '../src/bot/state';
import { getTranslator } from '../src/bot/turnLocale';
import { checkingCard, checklistCard, checklistSummary } from '../src/cards/checklistCard';
import type { CheckReport } from '../src/checks';
import { classifyIp, parseIpInput } from '../src/ip';
import type { Translator } from '../src/i18n/localizer';
import { utcMinute } from '../src/i18n/utcMinute';
import type { DialogServices } from './dialogServices';
import { LocalizedChoicePrompt, localizedChoice } from './localizedChoicePrompt';
import { LocalizedTextPrompt, localizedPrompt } from './localizedTextPrompt';
import { SupportDialog } from './supportDialog';
import { delistRouteFor, listingMessage, routeMessages, type DelistRoute } from './delistRoutes';
import { ipProblemText } from './ipProblemText';

export const DELIST_DIALOG = 'delistDialog';
const DELIST_WATERFALL = 'delistWaterfall';
const IP_PROMPT = 'delistIpPrompt';
const DOMAIN_PROMPT = 'delistDomainPrompt';
const CHOICE_PROMPT = 'delistChoicePrompt';

const CODE_CHOICES: Record<string, DelistRoute | 'unknown'> = {
  'delist:code.portal': 'delist-portal',
  'delist:code.mailbox': 'delist-mailbox',
  'delist:code.blocklist1': 'delist-mailbox',
  'delist:code.consumer': 'consumer-delist-form',
  'delist:code.recipient': 'contact-recipient',
  'delist:code.temporary': 'retry-later',
  'delist:code.unknown': 'unknown',
};

export interface DelistDialogOptions {
  /** Start from the conversation's latest diagnosis (IP, code, route). */
  fromLastCase?: boolean;
}

/** What the delisting flow needs beyond the shared dialog services. */
export interface DelistServices {
  runChecks(input: { ip: string; domain?: string }): Promise<CheckReport>;
  /** Schedules the "does it work now?" follow-up; resolves with when it will be asked. */
  scheduleFollowUp(context: TurnContext, topic: { ip: string; route: string; code?: string }): Promise<Date>;
  followUpHours: number;
  /** The app's clock, so "checked at" agrees with the follow-up's schedule (and tests can move it). */
  clock: () => Date;
}

/** Kept in the waterfall's own state, so a restart in the middle of the flow loses nothing. */
interface DelistValues {
  ip?: string;
  domain?: string;
  route?: DelistRoute;
  lastCase?: CaseSummary;
  report?: CheckReport;
  checkedAt?: string;
}

export class DelistDialog extends SupportDialog {
  constructor(
    services: DialogServices,
    private readonly delist: DelistServices,
  ) {
    super(DELIST_DIALOG, services);
    this.addDialog(new LocalizedTextPrompt(IP_PROMPT, async (p) => this.validateIp(p)));
    this.addDialog(new LocalizedTextPrompt(DOMAIN_PROMPT, async (p) => this.validateDomain(p)));
    this.addDialog(new LocalizedChoicePrompt(CHOICE_PROMPT, services.localizer));
    this.addDialog(
      new WaterfallDialog(DELIST_WATERFALL, [
        this.ipStep.bind(this),
        this.domainStep.bind(this),
        this.checksStep.bind(this),
        this.routeStep.bind(this),
        this.confirmedStep.bind(this),
        this.reminderDoneStep.bind(this),
      ]),
    );
    this.initialDialogId = DELIST_WATERFALL;
  }

  private values(step: WaterfallStepContext): DelistValues {
    return step.values as DelistValues;
  }

  private async ipStep(step: WaterfallStepContext<DelistDialogOptions>): Promise<DialogTurnResult> {
    const t = getTranslator(step.context);
    if (step.options.fromLastCase) {
      const data = await this.services.state.conversationData.get(step.context, {});
      this.values(step).lastCase = data.lastCase;
      const fromBounce = data.lastCase?.senderIp ? parseIpInput(data.lastCase.senderIp) : undefined;
      if (fromBounce?.ok && classifyIp(fromBounce.ip).kind === 'public') {
        await step.context.sendActivity(t.t('delist:ipFromBounce', { ip: fromBounce.ip }));
        return step.next(fromBounce.ip);
      }
    }
    return step.prompt(
      IP_PROMPT,
      localizedPrompt({ promptKey: 'delist:askIp', retryKey: 'delist:askIpRetry' }),
    );
  }

  /**
   * Explains why an address can't be the public sending IP and asks again itself: a prompt skips its
   * own retry question once the validator has replied.
   */
  private async validateIp(prompt: PromptValidatorContext<string>): Promise<boolean> {
    if (!prompt.recognized.succeeded) return false;
    const t = getTranslator(prompt.context);
    const parsed = parseIpInput(prompt.recognized.value ?? '');
    let problem: string | undefined;
    if (!parsed.ok) {
      const input = (prompt.recognized.value ?? '').trim().slice(0, 60);
      problem = parsed.error === 'several' ? t.t('delist:ipSeveral') : t.t('delist:ipInvalid', { input });
    } else {
      const ipClass = classifyIp(parsed.ip);
      if (ipClass.kind !== 'public') problem = ipProblemText(t, parsed.ip, ipClass);
    }
    if (problem !== undefined || !parsed.ok) {
      await prompt.context.sendActivities([
        { type: 'message', text: problem },
        { type: 'message', text: t.t('delist:askIpRetry') },
      ]);
      return false;
    }
    prompt.recognized.value = parsed.ip;
    return true;
  }

  private async domainStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.values(step).ip = step.result as string;
    return step.prompt(
      DOMAIN_PROMPT,
      localizedPrompt({
        promptKey: 'delist:askDomain',
        retryKey: 'delist:askDomainRetry',
        buttons: ['delist:skip'],
      }),
    );
  }

  private async validateDomain(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const said = (prompt.recognized.value ?? '').trim().toLowerCase();
    if (this.services.localizer.inAllLocales('delist:skip').some((s) => s.toLowerCase() === said)) {
      prompt.recognized.value = '';
      return true;
    }
    const domain = said.replace(/^.*@/, '').replace(/\.$/, '');
    if (!isPlausibleDomain(domain)) return false;
    prompt.recognized.value = domain;
    return true;
  }

  private async checksStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const ip = values.ip ?? '';
    values.domain = (step.result as string) || undefined;
    const t = getTranslator(step.context);
    // The card says "checking…" and is then replaced by the results where the channel can update messages.
    const pending = await step.context.sendActivity(
      MessageFactory.attachment(CardFactory.adaptiveCard(checkingCard(t.t('delist:checking', { ip })))),
    );
    await step.context.sendActivity({ type: 'typing' });

    const report = await this.delist.runChecks({ ip, domain: values.domain });
    const checkedAt = this.delist.clock();
    values.checkedAt = checkedAt.toISOString();
    values.report = report;
    const card = MessageFactory.attachment(
      CardFactory.adaptiveCard(checklistCard(report, t, { ip, domain: values.domain }, checkedAt)),
    );
    card.text = checklistSummary(report, t);
    await replaceOrSend(step.context, pending?.id, card);

    if (report.provider) {
      await step.context.sendActivity(
        t.t('delist:provider', { ip, provider: report.provider.name, ptr: report.ptrNames[0] ?? ip }),
      );
      return step.endDialog();
    }
    if (report.listedOn.length > 0) {
      await step.context.sendActivity(listingMessage(t, { ip, listedOn: report.listedOn }));
    }

    const route = values.lastCase ? delistRouteFor(values.lastCase) : undefined;
    if (route) return step.next(route);
    return step.prompt(
      CHOICE_PROMPT,
      localizedChoice({ promptKey: 'delist:askCode', choices: Object.keys(CODE_CHOICES) }),
    );
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const t = getTranslator(step.context);
    const picked = step.result as string;
    const route = picked in CODE_CHOICES ? CODE_CHOICES[picked] : (picked as DelistRoute);
    if (route === 'unknown') {
      await step.context.sendActivity(t.t('delist:pasteFirst'));
      return step.endDialog();
    }
    values.route = route;
    if (route === 'delist-portal') {
      await step.context.sendActivity(portalChecklist(t, values));
      return step.prompt(
        CHOICE_PROMPT,
        localizedChoice({
          promptKey: 'delist:portal.confirm',
          choices: ['delist:portal.confirmYes', 'delist:portal.confirmNo'],
          values: { ip: values.ip ?? '' },
        }),
      );
    }
    return step.next('delist:portal.confirmYes');
  }

  private async confirmedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const t = getTranslator(step.context);
    if (step.result === 'delist:portal.confirmNo') {
      await step.context.sendActivity(t.t('delist:portal.notReady'));
      return step.endDialog();
    }
    const route = values.route ?? 'delist-portal';
    for (const message of routeMessages(t, route, {
      ip: values.ip ?? '',
      listedOn: values.report?.listedOn ?? [],
      lastCase: values.lastCase,
      checkedAt: values.checkedAt,
    })) {
      await step.context.sendActivity(message);
    }
    return step.prompt(
      CHOICE_PROMPT,
      localizedChoice({
        promptKey: 'delist:reminder.ask',
        choices: ['delist:reminder.yes', 'delist:reminder.no'],
        values: { hours: String(this.delist.followUpHours) },
      }),
    );
  }

  private async reminderDoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const t = getTranslator(step.context);
    if (step.result !== 'delist:reminder.yes') {
      await step.context.sendActivity(t.t('delist:reminder.declined'));
      return step.endDialog();
    }
    const when = await this.delist.scheduleFollowUp(step.context, {
      ip: values.ip ?? '',
      route: values.route ?? 'delist-portal',
      code: values.lastCase?.code,
    });
    await step.context.sendActivity(t.t('delist:reminder.scheduled', { when: utcMinute(when) }));
    return step.endDialog();
  }
}

/** Updates the message in place; a channel that cannot (or a reply collected in the HTTP response) gets a new one. */
async function replaceOrSend(
  context: TurnContext,
  id: string | undefined,
  activity: Partial<Activity>,
): Promise<void> {
  if (id && context.activity.deliveryMode !== 'expectReplies') {
    try {
      await context.updateActivity({ ...activity, id });
      return;
    } catch {
      // Some channels refuse updates; the new message below says the same.
    }
  }
  await context.sendActivity(activity);
}

function portalChecklist(t: Translator, values: DelistValues): string {
  const code = values.lastCase?.code ?? '5.7.606–649';
  return [
    t.t('delist:portal.intro', { ip: values.ip, code }),
    t.t('delist:portal.beforeTitle'),
    t
      .list('delist:portal.before')
      .map((item) => `- ${item}`)
      .join('\n'),
  ].join('\n\n');
}

/** Labels, at most 63 characters each, at least one dot; a light check before spending DNS lookups. */
export function isPlausibleDomain(domain: string): boolean {
  if (domain.length < 3 || domain.length > 253 || !domain.includes('.')) return false;
  return domain
    .split('.')
    .every((label) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(label) || /^xn--/.test(label));
}
