import { expect } from 'chai';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type Activity,
} from 'botbuilder';
import { openStream, poll, startConversation, startHarness, type Harness } from './localDirectLineHarness';

/** A tiny bot: replies through the connector API at serviceUrl, then edits its reply (updateActivity). */
class EditingBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      if (context.activity.membersAdded?.some((m) => m.id !== context.activity.recipient.id)) {
        await context.sendActivity('welcome');
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const sent = await context.sendActivity(`echo: ${context.activity.text}`);
      const edit = MessageFactory.text(`edited: ${context.activity.text}`);
      edit.id = sent?.id;
      await context.updateActivity(edit);
      await next();
    });
  }
}

describe('local Direct Line channel with the real CloudAdapter as deliver', () => {
  let h: Harness;
  before(async () => {
    // No app id: the adapter neither validates nor signs, which is the only way it reaches this channel offline.
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const bot = new EditingBot();
    h = await startHarness({
      deliver: () => (activity) =>
        adapter.processActivityDirect('', activity as Activity, (ctx) => bot.run(ctx)),
    });
  });
  after(async () => {
    await h.stop();
  });

  it('welcomes a token-bound user, replies and edits the reply; the page sees both on stream and poll', async () => {
    const s = await startConversation(h, { id: 'dl_bob' });
    const stream = await openStream(s.streamUrl);
    try {
      await stream.waitFor((a) => a.text === 'welcome');
      const res = await fetch(`${h.baseUrl}/v3/directline/conversations/${s.conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'hi', channelData: { clientActivityID: 'c1' } }),
      });
      expect(res.status).to.equal(200);
      const { id } = (await res.json()) as { id: string };
      const reply = await stream.waitFor((a) => a.text === 'echo: hi');
      expect(reply.replyToId).to.equal(id);
      const edited = await stream.waitFor((a) => a.text === 'edited: hi');
      expect(edited.id).to.equal(reply.id);
    } finally {
      stream.close();
    }
    const texts = (await poll(h, s)).activities.map((a: Partial<Activity>) => a.text);
    expect(texts).to.deep.equal(['welcome', 'hi', 'edited: hi']);
  });
});
