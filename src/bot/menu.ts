import { ActionTypes, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import type { Translator } from '../i18n/localizer';

/**
 * Suggested actions are imBack: Teams only supports imBack there, and the echoed title is recognised
 * in both languages by CommandRecognizer.
 */
function imBack(title: string): CardAction {
  return { type: ActionTypes.ImBack, title, value: title };
}

export function menuActivity(t: Translator, textKey = 'common:menu.prompt'): Partial<Activity> {
  const other = t.locale === 'en' ? 'common:menu.chinese' : 'common:menu.english';
  return MessageFactory.suggestedActions(
    [
      imBack(t.t('common:menu.diagnose')),
      imBack(t.t('common:menu.delist')),
      imBack(t.t('common:menu.help')),
      imBack(t.t(other)),
    ],
    t.t(textKey),
  );
}

export function languageChoiceActivity(t: Translator, textKey = 'common:language.ask'): Partial<Activity> {
  return MessageFactory.suggestedActions(
    [imBack(t.t('common:menu.english')), imBack(t.t('common:menu.chinese'))],
    t.t(textKey),
  );
}

/** Buttons for answers given as locale keys; the titles are recognised in either language. */
export function imBackButtons(t: Translator, keys: string[]): CardAction[] {
  return keys.map((key) => imBack(t.t(key)));
}

export function agentOfferActivity(t: Translator): Partial<Activity> {
  return MessageFactory.suggestedActions(
    [imBack(t.t('common:menu.agent')), imBack(t.t('common:menu.diagnose'))],
    t.t('common:fallback.offerAgent'),
  );
}
