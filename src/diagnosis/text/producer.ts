/**
 * Who produced the rejection text. The remote server's words decide first (a Postfix bounce quoting EOP is an
 * Exchange Online rejection); only when no remote server is named does the wrapper that wrote the report decide.
 */
import type { Producer } from '../types';
import { isBusinessCloudHost, isConsumerHost, microsoftHostsInText } from './hosts';
import { hasOnPremWrapper, hasOtherMtaWrapper } from './markers';

export interface ProducerClues {
  remoteHost?: string;
  reportingHost?: string;
  diagnostic: string;
  asTags: string[];
  sTags: string[];
}

/** What the whole message says about its wrapper (computed once per message). */
export interface WrapperClues {
  onPremWrapper: boolean;
  otherMtaWrapper: boolean;
  /** Exchange-internal words (RESOLVER., STOREDRV, "Diagnostic information for administrators"). */
  exchangeWording: boolean;
  /** Hosts from the report's own headers (Received, Message-ID), when parsing a whole e-mail. */
  headerHosts: string[];
}

export function wrapperCluesOf(lowerText: string, headerHosts: string[] = []): WrapperClues {
  return {
    onPremWrapper: hasOnPremWrapper(lowerText),
    otherMtaWrapper: hasOtherMtaWrapper(lowerText),
    exchangeWording: /resolver\.|storedrv|queue\.expired|diagnostic information for administrators/.test(
      lowerText,
    ),
    headerHosts,
  };
}

const CONSUMER_TEXT = ['postmaster.live.com', 'mail.live.com', 'sendersupport.olc.protection.outlook.com'];
const BUSINESS_TEXT = [
  'sender.office.com',
  'go.microsoft.com/fwlink',
  'resolver.adr.',
  'office 365',
  'exchange online',
];

export function decideProducer(clues: ProducerClues, wrapper: WrapperClues): Producer {
  const lowerDiagnostic = clues.diagnostic.toLowerCase();
  const quotedHosts = microsoftHostsInText(clues.diagnostic);
  const remoteHosts = clues.remoteHost ? [clues.remoteHost, ...quotedHosts] : quotedHosts;

  if (remoteHosts.some(isConsumerHost) || clues.sTags.length > 0) return 'outlook-com';
  if (CONSUMER_TEXT.some((marker) => lowerDiagnostic.includes(marker))) return 'outlook-com';
  if (remoteHosts.some(isBusinessCloudHost) || clues.asTags.length > 0) return 'exchange-online';
  if (lowerDiagnostic.includes('sender.office.com')) return 'exchange-online';
  if (clues.remoteHost) return 'other-mta';

  const wrapperHosts = clues.reportingHost ? [clues.reportingHost] : wrapper.headerHosts;
  if (wrapperHosts.some(isConsumerHost)) return 'outlook-com';
  if (wrapperHosts.some(isBusinessCloudHost)) return 'exchange-online';
  if (wrapper.onPremWrapper) return 'exchange-onprem';
  if (wrapper.otherMtaWrapper) return 'other-mta';
  if (wrapper.exchangeWording && clues.reportingHost) return 'exchange-onprem';
  if (BUSINESS_TEXT.some((marker) => lowerDiagnostic.includes(marker))) return 'exchange-online';
  return 'unknown';
}
