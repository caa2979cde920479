import { MessageFactory, type Activity } from 'botbuilder';
import type { CaseSummary } from '../src/bot/state';
import type { Translator } from '../src/i18n/localizer';

/** A ready-to-send note for the recipient's IT admin, filled from the latest diagnosis. */
export function recipientMessage(t: Translator, lastCase: CaseSummary | undefined): Partial<Activity> {
  if (!lastCase) return MessageFactory.text(t.t('ndr:recipientMessage.none'));
  const unknown = t.t('ndr:recipientMessage.unknown');
  const body = t.t('ndr:recipientMessage.body', {
    recipient: lastCase.recipient ?? unknown,
    // The reply text usually starts with its own code; don't say it twice.
    error:
      lastCase.code && !lastCase.diagnostic.includes(lastCase.code.split(' ').pop() ?? '')
        ? `${lastCase.code} ${lastCase.diagnostic}`
        : lastCase.diagnostic,
    ip: lastCase.senderIp ?? unknown,
    date: lastCase.diagnosedAt.slice(0, 10),
  });
  return MessageFactory.text(`${t.t('ndr:recipientMessage.intro')}\n\n${body}`);
}
