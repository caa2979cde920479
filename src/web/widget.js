/*
 * Sender Support Bot widget: one <script> tag on any website opens the chat in a floating panel.
 *   <script src="https://bot.example.com/widget.js" data-locale="zh-TW" data-accent="#0f6cbd"></script>
 * The chat runs in an iframe served by the bot, so the host page's styles and scripts stay apart.
 */
(function () {
  'use strict';
  var STRINGS = __SSB_STRINGS__;
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  var locale = script.getAttribute('data-locale') === 'zh-TW' ? 'zh-TW' : 'en';
  var accent = /^#[0-9a-fA-F]{3,8}$/.test(script.getAttribute('data-accent') || '')
    ? script.getAttribute('data-accent')
    : '#0f6cbd';
  var s = STRINGS[locale];

  var button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', s.widgetOpen);
  button.setAttribute('aria-expanded', 'false');
  button.textContent = '✉';
  button.style.cssText =
    'position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:none;font-size:26px;' +
    'color:#fff;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3);z-index:2147483646;background:' +
    accent;

  var frame = null;
  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = s.widgetFrameTitle;
      frame.src =
        origin + '/?embed=1&locale=' + encodeURIComponent(locale) + '&accent=' + encodeURIComponent(accent);
      frame.style.cssText =
        'position:fixed;right:20px;bottom:88px;width:380px;max-width:calc(100vw - 40px);height:560px;' +
        'max-height:calc(100vh - 120px);border:1px solid #ccc;border-radius:8px;background:#fff;z-index:2147483647';
      document.body.appendChild(frame);
    }
    frame.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    button.setAttribute('aria-label', s.widgetClose);
    frame.focus();
  }
  function close() {
    frame.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-label', s.widgetOpen);
    button.focus();
  }
  button.addEventListener('click', function () {
    if (frame && !frame.hidden) close();
    else open();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && frame && !frame.hidden) close();
  });
  document.body.appendChild(button);
})();
