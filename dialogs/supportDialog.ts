import { ActivityTypes, MessageFactory } from 'botbuilder';
import {
  ComponentDialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import type { Command } from '../src/bot/commands';
import { languageChoiceActivity, menuActivity } from '../src/bot/menu';
import { getTranslator, switchLanguage } from '../src/bot/turnLocale';
import type { DialogServices } from './dialogServices';

/**
 * Base of every flow: the interruptions a user may type at any point (help, start over, a person,
 * language) are handled here once, so every flow behaves the same. The outermost active component
 * sees the message first, so a command is handled exactly once.
 */
/** Tells a Web Chat page that the conversation's language changed. */
export const LOCALE_EVENT = 'ssb/locale';

export abstract class SupportDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly services: DialogServices,
  ) {
    super(id);
  }

  protected override async onBeginDialog(inner: DialogContext, options?: object): Promise<DialogTurnResult> {
    return (await this.interrupt(inner, false)) ?? super.onBeginDialog(inner, options);
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(inner, true)) ?? super.onContinueDialog(inner);
  }

  private async interrupt(inner: DialogContext, flowActive: boolean): Promise<DialogTurnResult | undefined> {
    const { activity } = inner.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const command = this.services.commands.command(activity.text);
    if (!command) return undefined;

    if (command === 'cancel') {
      await inner.cancelAllDialogs();
      const t = getTranslator(inner.context);
      await inner.context.sendActivity(t.t('common:cancel.done'));
      await inner.context.sendActivity(menuActivity(t));
      return { status: DialogTurnStatus.complete };
    }
    await this.answer(inner, command);
    if (flowActive && inner.activeDialog) {
      await inner.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (command !== 'language') await inner.context.sendActivity(menuActivity(getTranslator(inner.context)));
    return { status: DialogTurnStatus.complete };
  }

  private async answer(inner: DialogContext, command: Exclude<Command, 'cancel'>): Promise<void> {
    const { context } = inner;
    switch (command) {
      case 'help':
        await context.sendActivity(MessageFactory.text(getTranslator(context).t('common:help.text')));
        return;
      case 'agent': {
        const t = getTranslator(context);
        const contact = this.services.supportContact;
        await context.sendActivity(
          contact ? t.t('common:agent.contact', { contact }) : t.t('common:agent.noContact'),
        );
        return;
      }
      case 'language':
        await context.sendActivity(languageChoiceActivity(getTranslator(context)));
        return;
      case 'english':
      case 'chinese': {
        const locale = command === 'english' ? 'en' : 'zh-TW';
        const t = await switchLanguage(context, this.services.localizer, this.services.state, locale);
        await context.sendActivity(t.t('common:language.switched'));
        // Our chat page relabels itself on this event; Teams and other channels have no use for it.
        if (context.activity.channelId === 'directline' || context.activity.channelId === 'webchat') {
          await context.sendActivity({ type: 'event', name: LOCALE_EVENT, value: locale });
        }
        return;
      }
    }
  }
}
