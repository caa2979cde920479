import { expect } from 'chai';
import { TestConversation, texts } from '../helpers/testBot';

/**
 * Transcripts of the conversation shell, in both languages: what a user types and what the bot
 * answers. Expected texts are written out here, not read from the locale files, so a changed or
 * missing translation fails the test.
 */
interface Transcript {
  welcome: string;
  menu: string[];
  otherLanguageButton: string;
  helpCommand: string;
  helpText: string;
  diagnoseButton: string;
  askForBounce: string;
  cancelCommand: string;
  cancelled: string;
  gibberish: string;
  notUnderstood: string;
  offerAgent: string;
  agentButton: string;
}

const TRANSCRIPTS: Record<'en-US' | 'zh-TW', Transcript> = {
  'en-US': {
    welcome: "Hi! I'm the Sender Support Bot.",
    menu: ['Diagnose a bounce', 'Request delisting', 'Help', '中文'],
    otherLanguageButton: '中文',
    helpCommand: 'help',
    helpText: "Here's what I can do:",
    diagnoseButton: 'Diagnose a bounce',
    askForBounce: 'Please paste the bounce message',
    cancelCommand: 'cancel',
    cancelled: "OK, let's start over.",
    gibberish: 'what is the weather like',
    notUnderstood: "Sorry, I didn't understand that.",
    offerAgent: "I still didn't get that. Would you like to talk to a person?",
    agentButton: 'Talk to a person',
  },
  'zh-TW': {
    welcome: '您好！我是寄件者支援機器人。',
    menu: ['診斷退信', '申請解除封鎖', '說明', 'English'],
    otherLanguageButton: 'English',
    helpCommand: '說明',
    helpText: '我可以幫您：',
    diagnoseButton: '診斷退信',
    askForBounce: '請貼上退信內容',
    cancelCommand: '取消',
    cancelled: '好的，我們重新開始。',
    gibberish: '今天天氣如何',
    notUnderstood: '抱歉，我不太明白您的意思。',
    offerAgent: '抱歉，我還是不太明白。您要與客服人員對話嗎？',
    agentButton: '與客服人員對話',
  },
};

for (const [locale, x] of Object.entries(TRANSCRIPTS) as ['en-US' | 'zh-TW', Transcript][]) {
  describe(`conversation shell (${locale})`, () => {
    let chat: TestConversation;
    beforeEach(() => {
      chat = TestConversation.create(locale);
    });

    it('welcomes a user who joins, once, with the menu', async () => {
      const replies = await chat.join();
      expect(replies).to.have.length(2);
      expect(replies[0].text).to.contain(x.welcome);
      expect(replies[1].suggestions).to.deep.equal(x.menu);
      expect(await chat.join(), 'a second join signal').to.deep.equal([]);
    });

    it('answers help with what it can do, then the menu', async () => {
      const replies = await chat.say(x.helpCommand);
      expect(replies[0].text).to.contain(x.helpText);
      expect(replies[1].suggestions).to.deep.equal(x.menu);
    });

    it('asks for the bounce when the user picks "diagnose" from the menu', async () => {
      const [ask] = await chat.say(x.diagnoseButton);
      expect(ask.text).to.contain(x.askForBounce);
    });

    it('shows help in the middle of a flow and asks the same question again', async () => {
      await chat.say(x.diagnoseButton);
      const replies = await chat.say(x.helpCommand);
      expect(texts(replies)[0]).to.contain(x.helpText);
      expect(texts(replies)[1]).to.contain(x.askForBounce);
    });

    it('starts over on cancel, leaving the flow', async () => {
      await chat.say(x.diagnoseButton);
      const replies = await chat.say(x.cancelCommand);
      expect(replies[0].text).to.equal(x.cancelled);
      expect(replies[1].suggestions).to.deep.equal(x.menu);
      const [next] = await chat.say(x.gibberish);
      expect(next.text, 'no flow is waiting any more').to.contain(x.notUnderstood);
    });

    it('after two misunderstandings in a row, offers a person', async () => {
      const [first] = await chat.say(x.gibberish);
      expect(first.text).to.contain(x.notUnderstood);
      expect(first.suggestions).to.deep.equal(x.menu);
      const [second] = await chat.say(x.gibberish);
      expect(second.text).to.equal(x.offerAgent);
      expect(second.suggestions).to.include(x.agentButton);
    });

    it('a understood message in between resets the count', async () => {
      await chat.say(x.gibberish);
      await chat.say(x.diagnoseButton);
      await chat.say(x.cancelCommand);
      await chat.say(x.gibberish);
      const [again] = await chat.say(x.gibberish);
      expect(again.text).to.equal(x.offerAgent);
    });
  });
}

describe('language switch', () => {
  it('switches from English to Chinese by the menu button, and remembers it', async () => {
    const chat = TestConversation.create('en-US');
    const replies = await chat.say('中文');
    expect(replies[0].text).to.equal('好的，接下來我會用中文與您對話。');
    expect(replies[1].suggestions).to.deep.equal(['診斷退信', '申請解除封鎖', '說明', 'English']);
    const [help] = await chat.say('help');
    expect(help.text, 'the channel still says en-US; the choice wins').to.contain('我可以幫您：');
  });

  it('switches from Chinese to English by typing a word in either language', async () => {
    const chat = TestConversation.create('zh-TW');
    const [switched] = await chat.say('英文');
    expect(switched.text).to.equal("OK, I'll speak English from now on.");
  });

  it('asks which language on "language" / 「語言」', async () => {
    for (const [locale, word, question] of [
      ['en-US', 'change language', 'Which language would you like?'],
      ['zh-TW', '語言', '您想使用哪一種語言？'],
    ] as const) {
      const chat = TestConversation.create(locale);
      const [ask] = await chat.say(word);
      expect(ask.text).to.equal(question);
      expect(ask.suggestions).to.deep.equal(['English', '中文']);
    }
  });

  it('switching in the middle of a flow re-asks the question in the new language', async () => {
    const chat = TestConversation.create('en-US');
    await chat.say('Diagnose a bounce');
    const replies = await chat.say('中文');
    expect(texts(replies)).to.deep.equal([
      '好的，接下來我會用中文與您對話。',
      '請貼上退信內容（完整文字，包括像「550 5.7.606」這類含有錯誤碼的那幾行），或附加 .eml 或 .msg 檔案。',
    ]);
  });
});

describe('welcome signals', () => {
  it('greets on the Web Chat join event in the page locale', async () => {
    const chat = TestConversation.create('en-US');
    const replies = await chat.activity({
      type: 'event',
      name: 'webchat/join',
      value: { locale: 'zh-Hant-TW' },
    });
    expect(replies[0].text).to.contain('您好！我是寄件者支援機器人。');
  });

  it('greets on a Teams installation', async () => {
    const chat = TestConversation.create('en-US');
    const replies = await chat.activity({ type: 'installationUpdate', action: 'add' });
    expect(replies[0].text).to.contain("Hi! I'm the Sender Support Bot.");
  });

  it('does not greet when only the bot joins a group conversation', async () => {
    const chat = TestConversation.create('en-US');
    const replies = await chat.activity({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot', name: 'Bot' }],
      conversation: { id: 'conv-1', isGroup: true, conversationType: 'groupChat', name: 'g' },
    });
    expect(replies).to.deep.equal([]);
  });

  it('strips the @mention that Teams puts in channel messages', async () => {
    const chat = TestConversation.create('en-US');
    const replies = await chat.activity({
      type: 'message',
      text: '<at>Bot</at> help',
      entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Bot' }, text: '<at>Bot</at>' }],
    });
    expect(replies[0].text).to.contain("Here's what I can do:");
  });
});
