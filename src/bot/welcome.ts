import type { TurnContext } from 'botbuilder';
import type { Translator } from '../i18n/localizer';
import { menuActivity } from './menu';
import type { BotStateSet } from './state';

/** Greets once per conversation, however many of Teams' and Web Chat's join signals arrive. */
export async function welcomeOnce(context: TurnContext, state: BotStateSet, t: Translator): Promise<void> {
  const data = await state.conversationData.get(context, {});
  if (data.welcomed) return;
  data.welcomed = true;
  await state.conversationData.set(context, data);
  await context.sendActivity(
    [t.t('common:welcome.title'), t.t('common:welcome.body'), t.t('common:welcome.privacy')].join('\n\n'),
  );
  await context.sendActivity(menuActivity(t));
}
