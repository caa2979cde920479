import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../helpers/paths';

const ENTRY = path.join(PROJECT_ROOT, 'build', 'src', 'index.js');

/** Resolves with the URL the process prints once it listens, or rejects with its output. */
function waitForUrl(child: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output.push(chunk.toString());
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output.join(''));
      if (match) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output.join('')}`)));
  });
}

describe('start-up as `npm start` runs it (compiled entry point, no .env)', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-start-'));
  });
  afterEach(() => {
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  // Only PATH and PORT=0 are passed: the defaults must be enough.
  const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, PORT: '0' });

  it('serves /healthz on loopback with a SQLite file under ./data, and stops cleanly on SIGTERM', async () => {
    const output: string[] = [];
    const child = spawn(process.execPath, [ENTRY], { cwd, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await waitForUrl(child, output);
      expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/healthz`)).status).to.equal(200);
      const page = await fetch(`${url}/`);
      expect(page.status, 'the chat page').to.equal(200);
      expect(await page.text()).to.contain('/webchat/webchat.js');
      expect(output.join('')).to.contain('local mode, channel authentication is OFF');
      expect(fs.existsSync(path.join(cwd, 'data', 'bot.sqlite'))).to.equal(true);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).to.equal(0);
    }
  });

  it('refuses to start on a bad setting, naming it', async () => {
    const child = spawn(process.execPath, [ENTRY], {
      cwd,
      env: { ...env(), STORAGE: 'floppy' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).to.equal(1);
    expect(stderr).to.contain('STORAGE="floppy" must be one of: sqlite, memory.');
  });
});
