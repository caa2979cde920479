/** HTML NDR bodies (Outlook on the web, Exchange Online's styled NDR, pasted rich text). */
import { parseNdrText } from './parseText';
import { htmlToText } from './text/htmlToText';
import type { DocumentHints } from './text/document';
import type { ParsedMessage } from './types';

export function parseNdrHtml(html: string, hints?: DocumentHints): ParsedMessage {
  try {
    return parseNdrText(htmlToText(html), hints);
  } catch {
    return { kind: 'not-an-ndr', recipients: [] };
  }
}
