import type { Middleware, TurnContext } from 'botbuilder';
import type { SupportedLocale } from '../config';
import { resolveLocale } from '../i18n/locale';
import type { Localizer, Translator } from '../i18n/localizer';
import type { BotStateSet } from './state';

const TRANSLATOR = Symbol('translator');

/** The translator for this turn; set by TurnLocaleMiddleware, replaced when the user switches language. */
export function getTranslator(context: TurnContext): Translator {
  const translator = context.turnState.get(TRANSLATOR) as Translator | undefined;
  if (!translator) throw new Error('No translator on this turn: is TurnLocaleMiddleware registered?');
  return translator;
}

export function setTranslator(context: TurnContext, translator: Translator): void {
  context.turnState.set(TRANSLATOR, translator);
  context.locale = translator.locale;
}

/** Resolves the locale once per turn (stored preference, then activity.locale, then default). */
export class TurnLocaleMiddleware implements Middleware {
  constructor(
    private readonly localizer: Localizer,
    private readonly state: BotStateSet,
    private readonly defaultLocale: SupportedLocale,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const profile = await this.state.userProfile.get(context, {});
    const locale = resolveLocale(profile.locale, context.activity.locale, this.defaultLocale);
    setTranslator(context, this.localizer.translator(locale));
    await next();
  }
}

/** Remembers an explicit choice and speaks it from this activity on. */
export async function switchLanguage(
  context: TurnContext,
  localizer: Localizer,
  state: BotStateSet,
  locale: SupportedLocale,
): Promise<Translator> {
  const profile = await state.userProfile.get(context, {});
  profile.locale = locale;
  await state.userProfile.set(context, profile);
  const translator = localizer.translator(locale);
  setTranslator(context, translator);
  return translator;
}
