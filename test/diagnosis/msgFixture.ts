/** Builds Outlook .msg files at test time with the SheetJS CFB writer (no binary fixtures in the repo). */
import CFB from 'cfb';

export interface MsgFields {
  messageClass: string;
  subject: string;
  body: string;
  transportHeaders: string;
}

function utf16(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

export function buildMsg(fields: MsgFields): Buffer {
  const container = CFB.utils.cfb_new();
  // PT_UNICODE (001F) string properties, as msgreader looks them up by stream name.
  CFB.utils.cfb_add(container, '/__substg1.0_001A001F', utf16(fields.messageClass));
  CFB.utils.cfb_add(container, '/__substg1.0_0037001F', utf16(fields.subject));
  CFB.utils.cfb_add(container, '/__substg1.0_1000001F', utf16(fields.body));
  CFB.utils.cfb_add(container, '/__substg1.0_007D001F', utf16(fields.transportHeaders));
  // Top-level property stream: a 32-byte header and no fixed-size properties.
  CFB.utils.cfb_add(container, '/__properties_version1.0', Buffer.alloc(32));
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}
