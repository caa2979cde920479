import { MessageFactory, type TurnContext } from 'botbuilder';
import { imBackButtons } from '../src/bot/menu';
import { TextPrompt, type PromptOptions, type PromptValidatorContext } from 'botbuilder-dialogs';
import { normalizeUtterance } from '../src/bot/commands';
import { getTranslator } from '../src/bot/turnLocale';
import type { Localizer } from '../src/i18n/localizer';

/** Locale keys of a question and of its answers (shown as buttons). */
export interface ChoiceKeys {
  promptKey: string;
  retryKey?: string;
  choices: string[];
  values?: Record<string, string>;
}

export function localizedChoice(keys: ChoiceKeys): PromptOptions {
  return { validations: keys };
}

/**
 * Asks with suggested-action buttons (imBack, which Teams supports) and accepts a button's title
 * typed or clicked in either language. The step receives the chosen answer's locale key.
 */
export class LocalizedChoicePrompt extends TextPrompt {
  constructor(
    dialogId: string,
    private readonly localizer: Localizer,
  ) {
    super(dialogId, async (prompt) => this.accept(prompt));
  }

  private async accept(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const keys = prompt.options.validations as ChoiceKeys;
    const said = normalizeUtterance(prompt.recognized.value ?? '');
    const chosen = keys.choices.find((key) =>
      this.localizer.inAllLocales(key).some((title) => normalizeUtterance(title) === said),
    );
    if (chosen) prompt.recognized.value = chosen;
    return chosen !== undefined;
  }

  protected override async onPrompt(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    const keys = options.validations as ChoiceKeys;
    const t = getTranslator(context);
    const buttons = imBackButtons(t, keys.choices);
    const text = t.t(isRetry && keys.retryKey ? keys.retryKey : keys.promptKey, keys.values);
    await context.sendActivity(MessageFactory.suggestedActions(buttons, text));
  }
}
