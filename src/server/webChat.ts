import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { isLocalMode, type AppConfig, type SupportedLocale } from '../config';
import { normalizeLocale, SUPPORTED_LOCALES } from '../i18n/locale';
import { DEFAULT_LOCALES_DIR, readLocaleResources } from '../i18n/localizer';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const WEB_DIR = path.join(PROJECT_ROOT, 'src', 'web');
// The official bundle from node_modules (a direct dependency, so at the top level): no CDN at run time,
// and the version is pinned by the lock file. Its package "exports" hide the dist folder from require.resolve.
const WEBCHAT_BUNDLE = path.join(PROJECT_ROOT, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');

type WebStrings = Record<string, unknown> & { webChatStrings: Record<string, string> };

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
/** JSON inside <script type="application/json">: "<" must not close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

function pageLocale(req: Request, fallback: SupportedLocale): SupportedLocale {
  const query = new URL(req.url ?? '/', 'http://x').searchParams.get('locale');
  const header = String(req.headers['accept-language'] ?? '')
    .split(',')[0]
    ?.split(';')[0];
  return normalizeLocale(query) ?? normalizeLocale(header) ?? fallback;
}

function send(res: Response, type: string, body: string | Buffer, cache = 'no-cache'): void {
  res.writeHead(200, { 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff' });
  res.end(body);
}

/**
 * The ready chat page (GET /), its script and styles, the Web Chat bundle, and the one-tag embed
 * script (GET /widget.js) for any website. Every visible word comes from locales/<lng>/web.json.
 */
export function registerWebChat(server: Server, config: AppConfig): void {
  const resources = readLocaleResources(DEFAULT_LOCALES_DIR);
  const strings = Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, resources[l].web as WebStrings]));
  const template = fs.readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8');
  const chatJs = fs.readFileSync(path.join(WEB_DIR, 'chat.js'));
  const chatCss = fs.readFileSync(path.join(WEB_DIR, 'chat.css'));
  const bundle = fs.readFileSync(WEBCHAT_BUNDLE);
  const widgetJs = fs
    .readFileSync(path.join(WEB_DIR, 'widget.js'), 'utf8')
    .replace('__SSB_STRINGS__', scriptJson(strings));
  const mode = config.directLineSecret ? 'azure' : isLocalMode(config) ? 'local' : 'none';

  server.get('/', async (req: Request, res: Response) => {
    const locale = pageLocale(req, config.defaultLocale);
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    const accent = /^#[0-9a-fA-F]{3,8}$/.test(params.get('accent') ?? '')
      ? String(params.get('accent'))
      : '#0f6cbd';
    const domain =
      mode === 'azure'
        ? `${config.directLineEndpoint}/v3/directline`
        : `http://${req.headers.host ?? `127.0.0.1:${config.port}`}/v3/directline`;
    const pageConfig = {
      mode,
      locale,
      domain,
      strings,
      styleOptions: {
        accent,
        bubbleFromUserBackground: '#e8f1fb',
        hideUploadButton: false,
        botAvatarInitials: 'SSB',
      },
    };
    const s = strings[locale] as Record<string, string>;
    const values: Record<string, string> = {
      htmlLang: locale,
      bodyClass: params.get('embed') === '1' ? 'ssb-embed' : '',
      title: s.title,
      heading: s.heading,
      subtitle: s.subtitle,
      switchLanguage: s.switchLanguage,
      switchLanguageLabel: s.switchLanguageLabel,
      chatRegion: s.chatRegion,
      connecting: s.connecting,
      noscript: s.noscript,
    };
    // The configuration goes into a JSON script element (data, not code), with "<" escaped.
    const html = template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) =>
      key === 'configJson' ? scriptJson(pageConfig) : escapeHtml(values[key] ?? ''),
    );
    send(res, 'text/html; charset=utf-8', html);
  });
  server.get('/favicon.ico', async (_req: Request, res: Response) => {
    res.writeHead(204);
    res.end();
  });
  server.get('/webchat/chat.js', async (_req: Request, res: Response) =>
    send(res, 'text/javascript; charset=utf-8', chatJs),
  );
  server.get('/webchat/chat.css', async (_req: Request, res: Response) =>
    send(res, 'text/css; charset=utf-8', chatCss),
  );
  server.get('/webchat/webchat.js', async (_req: Request, res: Response) =>
    send(res, 'text/javascript; charset=utf-8', bundle, 'public, max-age=86400'),
  );
  server.get('/widget.js', async (_req: Request, res: Response) => {
    res.setHeader('access-control-allow-origin', '*');
    send(res, 'text/javascript; charset=utf-8', widgetJs);
  });
}
