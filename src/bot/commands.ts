import type { Localizer } from '../i18n/localizer';

/** Global commands, honoured at any point of any flow, typed in either language. */
export type Command = 'help' | 'cancel' | 'agent' | 'language' | 'english' | 'chinese';
/** Main-menu entries that start a flow. */
export type MenuChoice = 'diagnose' | 'delist' | 'recipientMessage' | 'followupOk' | 'followupFailing';

const COMMANDS: readonly Command[] = ['help', 'cancel', 'agent', 'language', 'english', 'chinese'];
const MENU_TITLE_OF_COMMAND: Partial<Record<Command, string>> = {
  help: 'common:menu.help',
  agent: 'common:menu.agent',
  english: 'common:menu.english',
  chinese: 'common:menu.chinese',
};
/** Button titles (any language) and typed synonyms that pick a main-menu entry. */
const MENU_CHOICES: Record<MenuChoice, { titles: string[]; words?: string }> = {
  diagnose: { titles: ['common:menu.diagnose', 'ndr:next.another'] },
  delist: { titles: ['common:menu.delist'], words: 'common:commands.delist' },
  recipientMessage: { titles: ['ndr:next.recipientMessage'] },
  followupOk: { titles: ['delist:followup.ok'] },
  followupFailing: { titles: ['delist:followup.failing'] },
};

/** Lower-case, trimmed, without trailing punctuation and Teams' stray non-breaking spaces. */
export function normalizeUtterance(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/[\s.!?。！？]+$/u, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Matches whole utterances only: "help" is a command, "I need help with 5.7.606" is not. */
export class CommandRecognizer {
  private readonly commands = new Map<string, Command>();
  private readonly menu = new Map<string, MenuChoice>();

  constructor(localizer: Localizer) {
    for (const command of COMMANDS) {
      const words = localizer.listInAllLocales(`common:commands.${command}`);
      const title = MENU_TITLE_OF_COMMAND[command];
      if (title) words.push(...localizer.inAllLocales(title));
      for (const word of words) this.commands.set(normalizeUtterance(word), command);
    }
    for (const [choice, { titles, words }] of Object.entries(MENU_CHOICES) as [
      MenuChoice,
      { titles: string[]; words?: string },
    ][]) {
      const phrases = titles.flatMap((key) => localizer.inAllLocales(key));
      if (words) phrases.push(...localizer.listInAllLocales(words));
      for (const phrase of phrases) this.menu.set(normalizeUtterance(phrase), choice);
    }
  }

  command(text: string | undefined): Command | undefined {
    if (!text || text.length > 64) return undefined;
    return this.commands.get(normalizeUtterance(text));
  }

  menuChoice(text: string | undefined): MenuChoice | undefined {
    if (!text || text.length > 64) return undefined;
    return this.menu.get(normalizeUtterance(text));
  }
}
