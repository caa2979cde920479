import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CORPUS_DIR, PROJECT_ROOT } from '../helpers/paths';
import { startApp, type RunningApp } from '../helpers/httpBot';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results', 'screenshots');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The chat page as a person uses it: real Web Chat in headless Chromium, talking to the bot through
 * the built-in local Direct Line channel of `npm start` with no configuration.
 */
describe('chat page in a real browser (Web Chat + local Direct Line)', function () {
  this.timeout(90_000);
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      // CI installs Chromium (.ci/install-chromium); elsewhere say so rather than fail on a missing browser.
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing: run .ci/install-chromium`);
      console.warn(`skipping the browser test: ${CHROMIUM} is not installed (see README)`);
      this.skip();
    }
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-browser-'));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startApp({ STORAGE: 'sqlite', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ locale: 'en-US' });
  });

  after(async () => {
    await browser?.close();
    await running?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const shot = (name: string) =>
    page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  /** A message bubble's text (Web Chat also repeats it in screen-reader labels). */
  const said = (text: string) =>
    page.locator('.webchat__basic-transcript p').filter({ hasText: text }).first();

  it('serves the page and greets before the user types', async () => {
    const response = await page.goto(running.baseUrl);
    expect(response?.status()).to.equal(200);
    // Web Chat renders markdown with typographic quotes, so match words without apostrophes.
    await said('I help when your mail to a Microsoft 365').waitFor();
    await shot('1-welcome');
  });

  it('switches to 中文 from the menu', async () => {
    await page.getByRole('button', { name: '中文' }).last().click();
    await said('好的，接下來我會用中文與您對話。').waitFor();
    // The page follows the conversation's language: heading and Web Chat's own labels.
    await page.getByRole('heading', { name: '寄件者支援機器人' }).waitFor();
    expect(await page.locator('[data-id="webchat-sendbox-input"]').getAttribute('placeholder')).to.equal(
      '貼上退信內容，或輸入您的問題',
    );
  });

  it('diagnoses a pasted bounce from the corpus with a card in Traditional Chinese', async () => {
    const bounce = fs.readFileSync(path.join(CORPUS_DIR, 'quoted', 'q03-5.7.606-ms365docs-5911.txt'), 'utf8');
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(bounce);
    await input.press('Enter');
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: '診斷結果' }).last();
    await card.waitFor();
    const text = await card.innerText();
    expect(text).to.contain('5.7.606');
    expect(text).to.contain('67.23.235.203');
    expect(text).to.contain('https://sender.office.com');
    await shot('2-diagnosis-zh-TW');
  });

  it('still shows the conversation after a reload', async () => {
    await page.reload();
    await page.locator('.ac-adaptiveCard').filter({ hasText: '診斷結果' }).first().waitFor();
    await said('好的，接下來我會用中文與您對話。').waitFor();
    await shot('3-after-reload');
  });

  it('diagnoses an uploaded .eml file', async () => {
    const before = await page.locator('.ac-adaptiveCard').filter({ hasText: '診斷結果' }).count();
    await page
      .locator('input[type="file"]')
      .setInputFiles(path.join(CORPUS_DIR, 'sisimai', 'rhost-microsoft-04.eml'));
    // Web Chat 4.18 stages the file in the send box; sending is the user's explicit step.
    await page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
    await page.waitForFunction(
      `document.querySelectorAll('.ac-adaptiveCard').length > ${before}`,
      undefined,
      {
        timeout: 30_000,
      },
    );
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: '診斷結果' }).last();
    expect(await card.innerText()).to.contain('5.7.509');
    await shot('4-upload');
  });

  it('starts a new conversation when the saved one is no longer valid', async () => {
    const fresh = await browser.newPage({ locale: 'en-US' });
    try {
      await fresh.goto(running.baseUrl);
      await fresh.evaluate(
        `sessionStorage.setItem('ssb.conversation', JSON.stringify({ token: 'expired', conversationId: 'gone' }))`,
      );
      await fresh.reload();
      await fresh
        .locator('.webchat__basic-transcript p')
        .filter({ hasText: 'I help when your mail to a Microsoft 365' })
        .first()
        .waitFor();
    } finally {
      await fresh.close();
    }
  });
});
