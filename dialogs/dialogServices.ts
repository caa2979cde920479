import type { CommandRecognizer } from '../src/bot/commands';
import type { BotStateSet } from '../src/bot/state';
import type { Localizer } from '../src/i18n/localizer';

/** What every dialog may use; built once in createApp and injected. */
export interface DialogServices {
  localizer: Localizer;
  state: BotStateSet;
  commands: CommandRecognizer;
  /** Email address or URL where a person can be reached; empty when none is configured. */
  supportContact: string;
}
