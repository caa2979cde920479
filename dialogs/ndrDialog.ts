import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import {
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { downloadAttachment, fileAttachments } from '../src/bot/attachments';
import { imBackButtons } from '../src/bot/menu';
import type { CaseSummary } from '../src/bot/state';
import { getTranslator } from '../src/bot/turnLocale';
import { codeLabel, diagnosisCard, diagnosisSummary, groupDiagnoses } from '../src/cards/diagnosisCard';
import {
  diagnoseMessage,
  parseNdrFile,
  parseNdrPaste,
  type Diagnosis,
  type ParsedMessage,
} from '../src/diagnosis';
import type { Translator } from '../src/i18n/localizer';
import type { DialogServices } from './dialogServices';
import { LocalizedTextPrompt, localizedPrompt } from './localizedTextPrompt';
import { delistRouteFor } from './delistRoutes';
import { SupportDialog } from './supportDialog';

export const NDR_DIALOG = 'ndrDialog';
const NDR_WATERFALL = 'ndrWaterfall';
const BOUNCE_PROMPT = 'bouncePrompt';

export interface NdrDialogOptions {
  /** The message that started the flow already carries the bounce. */
  inputInThisTurn?: boolean;
  /** Locale key of the question to ask, when the previous answer needs a more precise one. */
  askKey?: string;
}

/** Ends with this so the main dialog does not show its menu on top of our next steps. */
export interface NdrDialogResult {
  nextStepsShown: boolean;
}

export interface NdrLimits {
  maxPasteChars: number;
  maxFileBytes: number;
}

/** Why an input could not be diagnosed: each has its own localized answer and the question is asked again. */
type InputProblem = { key: string; values?: Record<string, string> };
type Input = { ok: true; message: ParsedMessage } | { ok: false; problem: InputProblem };

export class NdrDialog extends SupportDialog {
  constructor(
    services: DialogServices,
    private readonly limits: NdrLimits,
  ) {
    super(NDR_DIALOG, services);
    this.addDialog(new LocalizedTextPrompt(BOUNCE_PROMPT, async (p) => this.textOrFile(p)));
    this.addDialog(
      new WaterfallDialog(NDR_WATERFALL, [this.askStep.bind(this), this.diagnoseStep.bind(this)]),
    );
    this.initialDialogId = NDR_WATERFALL;
  }

  /** A file with no text is an answer too. */
  private async textOrFile(prompt: PromptValidatorContext<string>): Promise<boolean> {
    return prompt.recognized.succeeded || fileAttachments(prompt.context.activity).length > 0;
  }

  private async askStep(step: WaterfallStepContext<NdrDialogOptions>): Promise<DialogTurnResult> {
    if (step.options.inputInThisTurn) return step.next();
    return step.prompt(
      BOUNCE_PROMPT,
      localizedPrompt({ promptKey: step.options.askKey ?? 'ndr:ask', retryKey: 'ndr:retryAsk' }),
    );
  }

  private async diagnoseStep(step: WaterfallStepContext<NdrDialogOptions>): Promise<DialogTurnResult> {
    const t = getTranslator(step.context);
    const input = await this.readInput(step.context, t);
    if (!input.ok) return this.askAgain(step, t, input.problem);

    const { message } = input;
    if (message.kind !== 'ndr' && message.kind !== 'delay') {
      const key = { 'auto-reply': 'ndr:autoReply', complaint: 'ndr:complaint', 'not-an-ndr': 'ndr:notAnNdr' }[
        message.kind
      ];
      if (message.kind === 'not-an-ndr') return this.askAgain(step, t, { key });
      await step.context.sendActivity(t.t(key));
      return step.endDialog();
    }
    if (message.kind === 'delay') await step.context.sendActivity(t.t('ndr:delayed'));

    const diagnoses = diagnoseMessage(message);
    if (diagnoses.length === 0 || diagnoses.every((d) => d.entryId === 'no-code')) {
      return step.replaceDialog(NDR_WATERFALL, { askKey: 'ndr:noCode' } satisfies NdrDialogOptions);
    }
    await this.showDiagnosis(
      step.context,
      t,
      diagnoses.filter((d) => d.entryId !== 'no-code'),
    );
    return step.endDialog({ nextStepsShown: true } satisfies NdrDialogResult);
  }

  private async askAgain(
    step: WaterfallStepContext<NdrDialogOptions>,
    t: Translator,
    problem: InputProblem,
  ): Promise<DialogTurnResult> {
    await step.context.sendActivity(t.t(problem.key, problem.values));
    return step.replaceDialog(NDR_WATERFALL, { askKey: 'ndr:retryAsk' } satisfies NdrDialogOptions);
  }

  private async readInput(context: TurnContext, t: Translator): Promise<Input> {
    const [file] = fileAttachments(context.activity);
    if (file) {
      const download = await downloadAttachment(file, this.limits.maxFileBytes);
      if (!download.ok) {
        const key = download.error === 'too-large' ? 'ndr:tooLarge' : 'ndr:downloadFailed';
        return { ok: false, problem: { key, values: { name: download.name, limit: this.fileLimit(t) } } };
      }
      const parsed = await parseNdrFile(download.name, download.bytes, {
        maxBytes: this.limits.maxFileBytes,
      });
      if (parsed.ok) return parsed;
      const key = {
        'unsupported-type': 'ndr:unsupportedFile',
        'too-large': 'ndr:tooLarge',
        unreadable: 'ndr:unreadableFile',
        empty: 'ndr:empty',
      }[parsed.error];
      return { ok: false, problem: { key, values: { name: download.name, limit: this.fileLimit(t) } } };
    }
    const parsed = parseNdrPaste(context.activity.text ?? '', { maxChars: this.limits.maxPasteChars });
    if (parsed.ok) return parsed;
    const limit = `${Math.round(this.limits.maxPasteChars / 1024)} KB`;
    return {
      ok: false,
      problem: { key: parsed.error === 'too-large' ? 'ndr:tooLarge' : 'ndr:empty', values: { limit } },
    };
  }

  private fileLimit(_t: Translator): string {
    return `${Math.round(this.limits.maxFileBytes / (1024 * 1024))} MB`;
  }

  private async showDiagnosis(context: TurnContext, t: Translator, diagnoses: Diagnosis[]): Promise<void> {
    const groups = groupDiagnoses(diagnoses);
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(diagnosisCard(groups, t)));
    activity.text = diagnosisSummary(groups, t);
    await context.sendActivity(activity);

    const first = diagnoses[0];
    const data = await this.services.state.conversationData.get(context, {});
    data.lastCase = caseSummary(first, t);
    await this.services.state.conversationData.set(context, data);

    const next = [
      ...(delistRouteFor(data.lastCase) ? ['common:menu.delist'] : []),
      ...(diagnoses.some((d) => d.actor === 'recipient-admin') ? ['ndr:next.recipientMessage'] : []),
      'ndr:next.another',
      'common:menu.agent',
    ];
    await context.sendActivity(
      MessageFactory.suggestedActions(imBackButtons(t, next), t.t('ndr:next.prompt')),
    );
  }
}

function caseSummary(d: Diagnosis, t: Translator): CaseSummary {
  return {
    diagnosedAt: new Date().toISOString(),
    recipient: d.recipient.address,
    code: d.recipient.status || d.recipient.replyCode ? codeLabel(d, t) : undefined,
    diagnostic: d.recipient.diagnostic,
    senderIp: d.recipient.senderIp,
    entryId: d.entryId,
    route: d.route,
    references: d.references,
  };
}
