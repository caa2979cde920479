import { expect } from 'chai';
import pino from 'pino';
import {
  ActivityTypes,
  ConversationState,
  MemoryStorage,
  TestAdapter,
  UserState,
  type TurnContext,
} from 'botbuilder';
import { createOnTurnError, describeDialogStack } from '../../src/bot/onTurnError';
import { createStateSet } from '../../src/bot/state';
import { createLocalizer } from '../../src/i18n/localizer';
import { TestConversation } from '../helpers/testBot';

function capturingLogger(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('onTurnError', () => {
  const localizer = createLocalizer();

  async function failTurn(
    locale: string,
  ): Promise<{ replies: string[]; lines: Record<string, unknown>[]; stateAfter: unknown }> {
    const storage = new MemoryStorage();
    const state = createStateSet(new ConversationState(storage), new UserState(storage));
    const { logger, lines } = capturingLogger();
    const adapter = new TestAdapter(async (context: TurnContext) => {
      await state.dialogState.set(context, {
        dialogStack: [
          { id: 'mainDialog', state: { dialogs: { dialogStack: [{ id: 'ndrDialog', state: {} }] } } },
        ],
      });
      await state.conversationState.saveChanges(context);
      throw new Error('boom at /srv/secret/path.ts:42');
    });
    adapter.onTurnError = createOnTurnError({
      logger,
      state,
      localizer,
      defaultLocale: 'en',
      newCorrelationId: () => 'ABCD1234',
    });
    await adapter.processActivity({ type: ActivityTypes.Message, text: 'hi', locale });
    const replies = adapter.activeQueue.splice(0).map((a) => a.text ?? '');
    const stored = await storage.read(['test/conversations/Convo1/']);
    return { replies, lines, stateAfter: Object.values(stored)[0] };
  }

  it('apologises in English with the correlation id and no stack trace', async () => {
    const { replies } = await failTurn('en-US');
    expect(replies).to.deep.equal([
      'Sorry, something went wrong on my side and I had to start over. If it happens again, please mention this reference: ABCD1234.',
    ]);
  });

  it('apologises in Traditional Chinese for a zh-TW user', async () => {
    const { replies } = await failTurn('zh-TW');
    expect(replies[0]).to.equal(
      '抱歉，系統發生問題，我們必須重新開始。如果問題再次發生，請提供這個參考編號：ABCD1234。',
    );
  });

  it('logs the error with the dialog stack and the same correlation id', async () => {
    const { lines } = await failTurn('en-US');
    const entry = lines.find((l) => l.msg === 'turn failed');
    expect(entry).to.include({ correlationId: 'ABCD1234' });
    expect(entry?.dialogStack).to.deep.equal(['mainDialog', 'ndrDialog']);
    expect(JSON.stringify(entry?.err)).to.contain('boom');
  });

  it('clears the conversation state so the next turn starts clean', async () => {
    const { stateAfter } = await failTurn('en-US');
    expect(stateAfter).to.equal(undefined);
  });

  it('describes nested dialog stacks outermost first', () => {
    expect(describeDialogStack(undefined)).to.deep.equal([]);
    expect(
      describeDialogStack({
        dialogStack: [{ id: 'a', state: { dialogs: { dialogStack: [{ id: 'b', state: {} }] } } }],
      }),
    ).to.deep.equal(['a', 'b']);
  });

  it('is the error boundary of the real bot: a broken storage read still gets an apology', async () => {
    const failing = new MemoryStorage();
    failing.read = async () => {
      throw new Error('disk on fire');
    };
    const chat = TestConversation.create(
      'en-US',
      {},
      {
        storage: { storage: failing, ping: async () => undefined, close: async () => undefined },
      },
    );
    const replies = await chat.say('help');
    expect(replies).to.have.length(1);
    expect(replies[0].text).to.match(/^Sorry, something went wrong on my side.*reference: [0-9A-F]{8}\.$/);
  });
});
