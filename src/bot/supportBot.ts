import { ActivityHandler, TurnContext } from 'botbuilder';
import { runDialog, type Dialog } from 'botbuilder-dialogs';
import { normalizeLocale } from '../i18n/locale';
import type { Localizer } from '../i18n/localizer';
import type { BotStateSet } from './state';
import { getTranslator, setTranslator } from './turnLocale';
import { welcomeOnce } from './welcome';

export const WEBCHAT_JOIN_EVENT = 'webchat/join';

interface JoinEventValue {
  locale?: unknown;
  language?: unknown;
}

/** Thin: welcomes, hands messages to the dialogs, saves state. Flows live in dialogs/. */
export class SupportBot extends ActivityHandler {
  constructor(
    private readonly state: BotStateSet,
    private readonly localizer: Localizer,
    private readonly mainDialog: Dialog,
  ) {
    super();

    this.onMessage(async (context, next) => {
      // In Teams channels and group chats the text starts with "<at>Bot</at>".
      TurnContext.removeRecipientMention(context.activity);
      await runDialog(this.mainDialog, context, this.state.dialogState);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      const userJoined = added.some((m) => m.id !== botId);
      // Teams' personal install adds only the bot: that is the user's first contact too.
      const botJoinedPersonalChat =
        added.some((m) => m.id === botId) && context.activity.conversation?.conversationType === 'personal';
      if (userJoined || botJoinedPersonalChat) await welcomeOnce(context, this.state, getTranslator(context));
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await welcomeOnce(context, this.state, getTranslator(context));
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === WEBCHAT_JOIN_EVENT) {
        const value = (context.activity.value ?? {}) as JoinEventValue;
        const pageLocale = normalizeLocale(String(value.locale ?? value.language ?? ''));
        const profile = await this.state.userProfile.get(context, {});
        // The page's language counts only until the user picks one explicitly.
        if (pageLocale && !profile.locale) setTranslator(context, this.localizer.translator(pageLocale));
        await welcomeOnce(context, this.state, getTranslator(context));
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.state.conversationState.saveChanges(context, false);
    await this.state.userState.saveChanges(context, false);
  }
}
