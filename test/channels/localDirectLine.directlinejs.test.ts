import { createHash } from 'node:crypto';
import { expect } from 'chai';
import type { Activity as BotActivity } from 'botbuilder';
import { ConnectionStatus, DirectLine, type Activity } from 'botframework-directlinejs';
// directlinejs is written against rxjs 5 (hoisted by botframework-webchat); its services.ajax must return one.
import { Observable } from 'rxjs/Observable';
import type { AjaxCreationMethod, AjaxRequest, AjaxResponse } from 'rxjs/observable/dom/AjaxObservable';
import WebSocket from 'ws';
import { botSay, startHarness, type Harness } from './localDirectLineHarness';

/**
 * rxjs' ajax needs XMLHttpRequest, which Node lacks: this stand-in does the same over fetch, with the error
 * shape directlinejs inspects ({status, xhr.getResponseHeader}).
 */
function fetchAjax(request: string | AjaxRequest): Observable<AjaxResponse> {
  const req: AjaxRequest = typeof request === 'string' ? { url: request, method: 'GET' } : request;
  return new Observable<AjaxResponse>((subscriber) => {
    const controller = new AbortController();
    const headers = { ...(req.headers as Record<string, string> | undefined) };
    const isForm = req.body instanceof FormData;
    // fetch sets the multipart boundary itself.
    if (isForm) delete headers['Content-Type'];
    fetch(req.url ?? '', {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : isForm ? (req.body as FormData) : JSON.stringify(req.body),
      signal: controller.signal,
    })
      .then(async (res) => {
        const raw = req.responseType === 'arraybuffer' ? await res.arrayBuffer() : await res.text();
        const response = typeof raw === 'string' && raw ? (JSON.parse(raw) as unknown) : raw;
        if (res.status >= 400) {
          subscriber.error({
            status: res.status,
            xhr: { getResponseHeader: (n: string) => res.headers.get(n) },
          });
          return;
        }
        subscriber.next({ status: res.status, response } as unknown as AjaxResponse);
        subscriber.complete();
      })
      .catch((err: unknown) => subscriber.error({ status: 0, err }));
    return () => controller.abort();
  });
}

const ajax = Object.assign(fetchAjax, {}) as unknown as AjaxCreationMethod;
const EML = Buffer.from('Subject: Undeliverable\r\n\r\n550 5.7.1 rejected\r\n');

function waitFor(seen: Activity[], match: (a: Activity) => boolean, timeoutMs = 8000): Promise<Activity> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const found = seen.find(match);
      if (found) resolve(found);
      else if (Date.now() - started > timeoutMs) reject(new Error('activity never arrived'));
      else setTimeout(check, 20);
    };
    check();
  });
}

describe('local Direct Line channel with the real botframework-directlinejs client', () => {
  let h: Harness;
  const received = new Map<string, Buffer>();
  const globals = globalThis as { WebSocket?: unknown };
  const hadWebSocket = 'WebSocket' in globals;
  const previousWebSocket = globals.WebSocket;

  before(async () => {
    // directlinejs decides between WebSocket and polling by looking for a global WebSocket.
    globals.WebSocket = WebSocket;
    h = await startHarness({
      deliver: () => async (activity: Partial<BotActivity>) => {
        if (activity.type !== 'message') return;
        for (const a of activity.attachments ?? []) {
          received.set(a.name ?? '', Buffer.from(await (await fetch(a.contentUrl ?? '')).arrayBuffer()));
        }
        await botSay(
          activity,
          activity.attachments?.length ? `got ${activity.attachments[0].name}` : `echo: ${activity.text}`,
        );
      },
    });
  });
  after(async () => {
    if (hadWebSocket) globals.WebSocket = previousWebSocket;
    else delete globals.WebSocket;
    await h.stop();
  });

  async function generateToken(): Promise<string> {
    const res = await fetch(`${h.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' });
    return ((await res.json()) as { token: string }).token;
  }

  function connect(options: { token: string; conversationId?: string; webSocket: boolean }) {
    const dl = new DirectLine({
      ...options,
      domain: `${h.baseUrl}/v3/directline`,
      pollingInterval: 200,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      ajax,
    });
    const seen: Activity[] = [];
    const subscription = dl.activity$.subscribe((a) => seen.push(a));
    return {
      dl,
      seen,
      post: (activity: Activity) =>
        new Promise<string>((resolve, reject) => dl.postActivity(activity).subscribe(resolve, reject)),
      stop: () => {
        subscription.unsubscribe();
        dl.end();
      },
    };
  }

  for (const webSocket of [true, false]) {
    it(`chats, uploads a file and resumes after a "reload" (${webSocket ? 'WebSocket' : 'polling'})`, async () => {
      const token = await generateToken();
      const page = connect({ token, webSocket });
      let conversationId = '';
      try {
        const id = await page.post({
          type: 'message',
          from: { id: 'r_user' },
          text: 'hi',
          channelData: { clientActivityID: 'c-1' },
        } as Activity);
        expect(id).to.match(/\|0000001$/);
        const echo = await waitFor(page.seen, (a) => a.id === id);
        expect((echo.channelData as { clientActivityID?: string }).clientActivityID).to.equal('c-1');
        await waitFor(page.seen, (a) => a.type === 'message' && a.text === 'echo: hi');
        expect(page.dl.connectionStatus$.getValue()).to.equal(ConnectionStatus.Online);

        await page.post({
          type: 'message',
          from: { id: 'r_user' },
          attachments: [
            {
              contentType: 'message/rfc822',
              contentUrl: `data:message/rfc822;base64,${EML.toString('base64')}`,
              name: 'b.eml',
            },
          ],
        } as Activity);
        await waitFor(page.seen, (a) => a.type === 'message' && a.text === 'got b.eml');
        const sha = (b?: Buffer) =>
          createHash('sha256')
            .update(b ?? Buffer.alloc(0))
            .digest('hex');
        expect(sha(received.get('b.eml'))).to.equal(sha(EML));
        conversationId = String(echo.conversation?.id);
      } finally {
        page.stop();
      }

      // A reloaded page comes back with the token and conversation id it saved, and sees the history.
      const resumed = connect({ token, conversationId, webSocket });
      try {
        await waitFor(resumed.seen, (a) => a.type === 'message' && a.text === 'got b.eml');
        expect(
          resumed.seen.filter((a) => a.type === 'message').map((a) => a.type === 'message' && a.text),
        ).to.include.members(['hi', 'echo: hi']);
      } finally {
        resumed.stop();
      }
    });
  }
});
