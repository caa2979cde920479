/* Sender Support Bot chat page: Web Chat on Direct Line (the built-in local channel, or Azure's). */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('ssb-config').textContent);
  var STORAGE_KEY = 'ssb.conversation';
  var LOCALE_KEY = 'ssb.locale';
  var status = document.getElementById('ssb-status');
  var chat = document.getElementById('webchat');
  var languageButton = document.getElementById('ssb-language');
  var locale = sessionStorage.getItem(LOCALE_KEY) || config.locale;

  function strings() {
    return config.strings[locale] || config.strings.en;
  }

  function showError() {
    status.hidden = false;
    status.textContent = strings().connectionError;
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body || {}),
    }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    });
  }

  /** A fresh conversation token: from the built-in channel, or exchanged by this server with Azure. */
  function newSession() {
    if (config.mode === 'local') {
      var userId = 'dl_' + Math.random().toString(36).slice(2) + Date.now().toString(36);
      return post('/v3/directline/tokens/generate', { user: { id: userId } }).then(function (r) {
        return { token: r.token, conversationId: r.conversationId, userId: userId };
      });
    }
    return post('/api/directline/token').then(function (r) {
      return { token: r.token, conversationId: r.conversationId, userId: r.userId };
    });
  }

  var current = null;

  function renderWebChat() {
    window.WebChat.renderWebChat(
      {
        directLine: current.directLine,
        store: current.store,
        locale: locale,
        overrideLocalizedStrings: strings().webChatStrings,
        styleOptions: config.styleOptions,
      },
      chat,
    );
  }

  function setLocale(next) {
    locale = next;
    sessionStorage.setItem(LOCALE_KEY, locale);
    applyLanguage();
    if (current) renderWebChat();
  }

  function render(session, resumed) {
    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      conversationId: resumed ? session.conversationId : undefined,
      domain: config.domain,
      conversationStartProperties: { locale: locale },
    });
    var store = window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            status.hidden = true;
            if (!resumed) {
              // Greets before the user types, in the page's language.
              api.dispatch({
                type: 'WEB_CHAT/SEND_EVENT',
                payload: { name: 'webchat/join', value: { locale: locale } },
              });
            }
          }
          if (
            action.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED' ||
            action.type === 'DIRECT_LINE/CONNECT_FULFILLED'
          ) {
            var conversationId = directLine.conversationId || session.conversationId;
            sessionStorage.setItem(
              STORAGE_KEY,
              JSON.stringify({
                token: directLine.token || session.token,
                conversationId: conversationId,
                userId: session.userId,
              }),
            );
          }
          if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
            if (resumed) {
              // The saved conversation expired (or the server restarted): start a new one.
              sessionStorage.removeItem(STORAGE_KEY);
              window.location.reload();
            } else {
              showError();
            }
          }
          var incoming = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' ? action.payload.activity : null;
          if (
            incoming &&
            incoming.type === 'event' &&
            incoming.name === 'ssb/locale' &&
            incoming.value !== locale
          ) {
            // The bot switched language (a menu button or a typed "中文"): the page follows.
            setTimeout(function () {
              setLocale(incoming.value === 'zh-TW' ? 'zh-TW' : 'en');
            }, 0);
          }
          return next(action);
        };
      };
    });
    current = { directLine: directLine, store: store };
    renderWebChat();
    window.ssbStore = store;
  }

  function applyLanguage() {
    var s = strings();
    document.documentElement.lang = locale;
    document.title = s.title;
    document.querySelector('.ssb-heading').textContent = s.heading;
    document.querySelector('.ssb-subtitle').textContent = s.subtitle;
    chat.setAttribute('aria-label', s.chatRegion);
    languageButton.textContent = s.switchLanguage;
    languageButton.setAttribute('aria-label', s.switchLanguageLabel);
  }

  languageButton.addEventListener('click', function () {
    var command = strings().switchCommand;
    locale = locale === 'zh-TW' ? 'en' : 'zh-TW';
    sessionStorage.setItem(LOCALE_KEY, locale);
    applyLanguage();
    // The bot switches too, and remembers it; Web Chat's own labels follow on the next render.
    if (window.ssbStore)
      window.ssbStore.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: command } });
  });

  applyLanguage();
  var saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
  } catch {
    saved = null;
  }
  if (saved && saved.token && saved.conversationId) {
    render(saved, true);
  } else {
    newSession().then(function (session) {
      render(session, false);
    }, showError);
  }
})();
