import { MessageFactory, type TurnContext } from 'botbuilder';
import { imBackButtons } from '../src/bot/menu';
import { TextPrompt, type PromptOptions, type PromptValidator } from 'botbuilder-dialogs';
import { getTranslator } from '../src/bot/turnLocale';

/** Locale keys of a question, kept in the prompt's state instead of rendered text. */
export interface PromptKeys {
  promptKey: string;
  retryKey?: string;
  /** Answers offered as buttons; any other typed text is still accepted by the validator. */
  buttons?: string[];
  values?: Record<string, string>;
}

export function localizedPrompt(keys: PromptKeys): PromptOptions {
  return { validations: keys };
}

/**
 * A text prompt that renders its question with the current turn's translator every time it asks,
 * so a question re-asked after "中文" / "English" comes in the newly chosen language.
 */
export class LocalizedTextPrompt extends TextPrompt {
  constructor(dialogId: string, validator?: PromptValidator<string>) {
    super(dialogId, validator);
  }

  protected override async onPrompt(
    context: TurnContext,
    state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    const keys = options.validations as PromptKeys | undefined;
    if (!keys) return super.onPrompt(context, state, options, isRetry);
    const t = getTranslator(context);
    const text = t.t(isRetry && keys.retryKey ? keys.retryKey : keys.promptKey, keys.values);
    const buttons = imBackButtons(t, keys.buttons ?? []);
    await context.sendActivity(buttons.length > 0 ? MessageFactory.suggestedActions(buttons, text) : text);
  }
}
