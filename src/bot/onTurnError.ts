import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { SupportedLocale } from '../config';
import { resolveLocale } from '../i18n/locale';
import type { Localizer, Translator } from '../i18n/localizer';
import type { Logger } from '../logger';
import type { BotStateSet } from './state';

interface StackEntry {
  id: string;
  state?: { dialogs?: DialogState };
}

/** Outermost first, including the stacks inside component dialogs: "mainDialog > ndrDialog > textPrompt". */
export function describeDialogStack(state: DialogState | undefined): string[] {
  const ids: string[] = [];
  let stack = (state?.dialogStack ?? []) as StackEntry[];
  while (stack.length > 0) {
    const top = stack[0];
    ids.push(top.id);
    stack = (top.state?.dialogs?.dialogStack ?? []) as StackEntry[];
  }
  return ids;
}

export interface TurnErrorDeps {
  logger: Logger;
  state: BotStateSet;
  localizer: Localizer;
  defaultLocale: SupportedLocale;
  newCorrelationId?: () => string;
}

/**
 * The one place a failed turn ends: logged with its dialog stack and a correlation id the user can
 * quote, answered with a localized apology (never a stack trace), and the conversation state cleared
 * so a broken dialog stack cannot fail the next turn too.
 */
export function createOnTurnError(
  deps: TurnErrorDeps,
): (context: TurnContext, error: Error) => Promise<void> {
  const newId = deps.newCorrelationId ?? (() => randomUUID().slice(0, 8).toUpperCase());
  return async (context, error) => {
    const correlationId = newId();
    let dialogStack: string[] = [];
    try {
      dialogStack = describeDialogStack(await deps.state.dialogState.get(context));
    } catch {
      // The state itself may be what broke; the log line matters more than the stack.
    }
    deps.logger.error(
      {
        correlationId,
        dialogStack,
        conversationId: context.activity?.conversation?.id,
        activityType: context.activity?.type,
        channelId: context.activity?.channelId,
        err: error,
      },
      'turn failed',
    );
    try {
      const t = translatorFor(context, deps);
      await context.sendActivity(t.t('common:error.apology', { correlationId }));
    } catch (sendError) {
      deps.logger.error({ correlationId, err: sendError }, 'could not send the apology');
    }
    try {
      await deps.state.conversationState.delete(context);
    } catch (deleteError) {
      deps.logger.error({ correlationId, err: deleteError }, 'could not clear conversation state');
    }
  };
}

/** context.locale holds the turn's resolved locale once TurnLocaleMiddleware ran, the channel's before. */
function translatorFor(context: TurnContext, deps: TurnErrorDeps): Translator {
  return deps.localizer.translator(
    resolveLocale(context.locale, context.activity?.locale, deps.defaultLocale),
  );
}
