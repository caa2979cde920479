/**
 * Plain-text NDR parsing: pasted bounces, forwarded ones ("> " quoting), MTA log lines, exception messages.
 *
 * A bounce with no code at all is reported as kind 'ndr' with recipient entries whose `status` and `replyCode`
 * are undefined and whose `diagnostic` holds the sentence that says what failed, so the dialog can ask the user
 * for the one missing piece (the "5.x.x" code) instead of starting over.
 */
import type { ParsedMessage } from './types';
import { parseDocument, type DocumentHints } from './text/document';

/** Never throws: a scanner bug on odd input degrades to "not an NDR" rather than breaking the conversation. */
export function parseNdrText(text: string, hints?: DocumentHints): ParsedMessage {
  try {
    return parseDocument(typeof text === 'string' ? text : '', hints);
  } catch {
    return { kind: 'not-an-ndr', recipients: [] };
  }
}
