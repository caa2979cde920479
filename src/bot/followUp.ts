import { MessageFactory, TurnContext, type CloudAdapter } from 'botbuilder';
import type { Reminder, ReminderStore } from '../followup';
import type { Localizer } from '../i18n/localizer';
import { imBackButtons } from './menu';
import { getTranslator } from './turnLocale';

export interface FollowUpTopic {
  ip: string;
  route: string;
  code?: string;
}

/** Stores a follow-up for this conversation; any instance sharing the storage may deliver it. */
export async function scheduleFollowUp(
  store: ReminderStore,
  context: TurnContext,
  topic: FollowUpTopic,
  now: Date,
  delayMs: number,
): Promise<Date> {
  const reminder = await store.schedule({
    conversationReference: TurnContext.getConversationReference(context.activity),
    locale: getTranslator(context).locale,
    topic: { kind: 'delist', ...topic },
    now,
    delayMs,
  });
  return new Date(reminder.dueAt);
}

/**
 * Delivers a follow-up through the Bot Connector with the stored conversation reference, in the
 * language the user spoke when it was scheduled. Rejecting tells the scheduler to retry later.
 */
export function createFollowUpSender(
  adapter: CloudAdapter,
  appId: string,
  localizer: Localizer,
): (reminder: Reminder) => Promise<void> {
  return async (reminder) => {
    const hours = Math.max(
      1,
      Math.round((Date.parse(reminder.dueAt) - Date.parse(reminder.createdAt)) / 3_600_000),
    );
    await adapter.continueConversationAsync(appId, reminder.conversationReference, async (context) => {
      const t = localizer.translator(reminder.locale);
      await context.sendActivity(
        MessageFactory.suggestedActions(
          imBackButtons(t, ['delist:followup.ok', 'delist:followup.failing']),
          t.t('delist:followup.question', { hours, ip: reminder.topic.ip ?? '' }),
        ),
      );
    });
  };
}
