import { ActivityTypes, type TurnContext } from 'botbuilder';
import {
  WaterfallDialog,
  type Dialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { looksLikeNdr } from '../src/diagnosis';
import { fileAttachments } from '../src/bot/attachments';
import { agentOfferActivity, menuActivity } from '../src/bot/menu';
import { getTranslator } from '../src/bot/turnLocale';
import type { DialogServices } from './dialogServices';
import { SupportDialog } from './supportDialog';

export const MAIN_DIALOG = 'mainDialog';
const ROUTE_WATERFALL = 'mainRoute';

import type { NdrDialogOptions, NdrDialogResult } from './ndrDialog';
import type { DelistDialogOptions } from './delistDialog';
import { recipientMessage } from './recipientMessage';

/**
 * Begun afresh for each message that arrives outside a flow: decides which flow the message
 * starts, and shows the menu when that flow ends. It keeps no waiting state of its own.
 */
export class MainDialog extends SupportDialog {
  constructor(
    services: DialogServices,
    private readonly diagnosis: Dialog,
    private readonly delisting: Dialog,
  ) {
    super(MAIN_DIALOG, services);
    this.addDialog(diagnosis);
    this.addDialog(delisting);
    this.addDialog(
      new WaterfallDialog(ROUTE_WATERFALL, [this.routeStep.bind(this), this.afterFlowStep.bind(this)]),
    );
    this.initialDialogId = ROUTE_WATERFALL;
  }

  /** A bounce pasted (or attached) in the middle of another flow starts its diagnosis at once. */
  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    if (inner.activeDialog?.id !== this.diagnosis.id && carriesBounce(inner.context)) {
      await inner.cancelAllDialogs();
      return inner.beginDialog(ROUTE_WATERFALL);
    }
    return super.onContinueDialog(inner);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = this.services.commands.menuChoice(step.context.activity.text);
    const t = getTranslator(step.context);
    if (choice === 'diagnose') return this.startFlow(step, this.diagnosis.id, {} satisfies NdrDialogOptions);
    if (carriesBounce(step.context)) {
      return this.startFlow(step, this.diagnosis.id, { inputInThisTurn: true } satisfies NdrDialogOptions);
    }
    if (choice === 'delist') {
      return this.startFlow(step, this.delisting.id, { fromLastCase: true } satisfies DelistDialogOptions);
    }
    if (choice === 'recipientMessage') {
      await this.setMisunderstandings(step, 0);
      const data = await this.services.state.conversationData.get(step.context, {});
      await step.context.sendActivity(recipientMessage(t, data.lastCase));
      return step.next();
    }
    if (choice === 'followupOk' || choice === 'followupFailing') {
      await this.setMisunderstandings(step, 0);
      await step.context.sendActivity(
        t.t(choice === 'followupOk' ? 'delist:followup.great' : 'delist:followup.stillFailing'),
      );
      return step.next();
    }
    return this.notUnderstood(step);
  }

  private async startFlow(
    step: WaterfallStepContext,
    dialogId: string,
    options: NdrDialogOptions | DelistDialogOptions,
  ): Promise<DialogTurnResult> {
    await this.setMisunderstandings(step, 0);
    return step.beginDialog(dialogId, options);
  }

  private async notUnderstood(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = getTranslator(step.context);
    const data = await this.services.state.conversationData.get(step.context, {});
    const count = (data.misunderstandings ?? 0) + 1;
    if (count >= 2) {
      await step.context.sendActivity(agentOfferActivity(t));
      await this.setMisunderstandings(step, 0);
    } else {
      await step.context.sendActivity(menuActivity(t, 'common:fallback.notUnderstood'));
      await this.setMisunderstandings(step, count);
    }
    return step.endDialog();
  }

  private async afterFlowStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as NdrDialogResult | undefined)?.nextStepsShown) return step.endDialog();
    await step.context.sendActivity(menuActivity(getTranslator(step.context), 'common:menu.again'));
    return step.endDialog();
  }

  private async setMisunderstandings(step: WaterfallStepContext, count: number): Promise<void> {
    const data = await this.services.state.conversationData.get(step.context, {});
    data.misunderstandings = count;
    await this.services.state.conversationData.set(step.context, data);
  }
}

function carriesBounce(context: TurnContext): boolean {
  const { activity } = context;
  if (activity.type !== ActivityTypes.Message) return false;
  return fileAttachments(activity).length > 0 || looksLikeNdr(activity.text ?? '');
}
