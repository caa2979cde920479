import type { KbEntry } from './entryTypes';
import { CONSUMER_FAQ, CONSUMER_FORM, CONSUMER_SNDS } from './references';

type Shape = Pick<KbEntry, 'category' | 'direction' | 'actor' | 'route' | 'temporary' | 'references'>;

/** Outlook.com / Hotmail consumer blocks: a separate form, never sender.office.com. */
const CONSUMER_BLOCK: Shape = {
  category: 'blocked',
  direction: 'inbound',
  actor: 'your-admin',
  route: 'consumer-delist-form',
  temporary: false,
  references: [CONSUMER_FAQ, CONSUMER_FORM, CONSUMER_SNDS],
};

const SHARED_BLOCK_TEXT = 'part of their network is on our block list';

export const OUTLOOK_COM_ENTRIES: readonly KbEntry[] = [
  {
    // Without the tag (older "(AS3140)" quotes) the shared wording is treated as the harder S3140 block.
    id: 'outlook-s3140',
    match: { when: [{ sTags: ['S3140'] }, { text: [SHARED_BLOCK_TEXT] }] },
    ...CONSUMER_BLOCK,
  },
  { id: 'outlook-s3150', match: { when: [{ sTags: ['S3150'] }] }, ...CONSUMER_BLOCK },
  {
    id: 'outlook-sc',
    match: { when: [{ sTags: ['SC-001', 'SC-002', 'SC-004'] }] },
    ...CONSUMER_BLOCK,
  },
  {
    // 4.7.650 also sits inside Exchange Online's 4.7.500-699 range; the S-tag, the reputation wording or
    // an Outlook.com producer says it is the consumer reputation deferral instead.
    id: 'outlook-4-7-650',
    match: {
      codes: ['4.7.650', '4.7.651'],
      when: [
        { sTags: ['S775', 'S3113', 'S844', 'S3114'] },
        { text: ['rate limited due to ip reputation'] },
        { producers: ['outlook-com'] },
      ],
      statuslessText: ['rate limited due to ip reputation'],
    },
    ...CONSUMER_BLOCK,
    category: 'badreputation',
    route: 'retry-later',
    temporary: true,
    references: [CONSUMER_SNDS, CONSUMER_FAQ, CONSUMER_FORM],
  },
  {
    // Hotmail's bare "554 Transaction failed" gives no reason; sisimai calls it systemerror (lhost-postfix-47).
    id: 'outlook-transaction-failed',
    match: {
      when: [
        { text: ['transaction failed'], hosts: ['.hotmail.com', '.outlook.com'] },
        { text: ['transaction failed'], producers: ['outlook-com'] },
      ],
    },
    ...CONSUMER_BLOCK,
    category: 'systemerror',
    route: 'escalate',
  },
];
