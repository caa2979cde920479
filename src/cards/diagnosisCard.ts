import { fallbackTextKeys, type Diagnosis } from '../diagnosis';
import type { Translator } from '../i18n/localizer';

/** Adaptive Card JSON; 1.5 is the newest version Teams renders everywhere. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: object[];
  actions?: object[];
}

/** Recipients that share one diagnosis are shown as one section. */
export interface DiagnosisGroup {
  diagnosis: Diagnosis;
  recipients: string[];
}

export function groupDiagnoses(diagnoses: Diagnosis[]): DiagnosisGroup[] {
  const groups = new Map<string, DiagnosisGroup>();
  for (const d of diagnoses) {
    const key = `${d.entryId}|${d.recipient.status ?? ''}|${d.recipient.senderIp ?? ''}`;
    const group = groups.get(key) ?? { diagnosis: d, recipients: [] };
    if (d.recipient.address && !group.recipients.includes(d.recipient.address))
      group.recipients.push(d.recipient.address);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function codeLabel(d: Diagnosis, t: Translator): string {
  const { replyCode, status } = d.recipient;
  const parts = [replyCode, status].filter((p) => p !== undefined && p !== '');
  return parts.length > 0 ? parts.join(' ') : t.t('ndr:card.unknownCode');
}

/** Knowledge-base text of a diagnosis; an unknown code reads its class's text plus a hint for its subject. */
function kbText(t: Translator, d: Diagnosis, field: 'title' | 'cause' | 'who'): string {
  const [base, subject] = fallbackTextKeys(d.entryId);
  const text = t.t(`kb:${base}.${field}`, d.values);
  return field === 'cause' && subject ? `${text} ${t.t(`kb:${subject}.hint`, d.values)}` : text;
}

function kbSteps(t: Translator, d: Diagnosis): string[] {
  return t.list(`kb:${fallbackTextKeys(d.entryId)[0]}.steps`, d.values);
}

export function referenceLink(value: string, kind: 'url' | 'email'): string {
  return kind === 'email' ? `mailto:${value}` : value;
}

function section(group: DiagnosisGroup, t: Translator, separator: boolean): object {
  const d = group.diagnosis;
  const facts = [
    group.recipients.length > 0
      ? { title: t.t('ndr:card.recipients'), value: group.recipients.join(', ') }
      : undefined,
    { title: t.t('ndr:card.code'), value: codeLabel(d, t) },
    d.recipient.senderIp ? { title: t.t('ndr:card.senderIp'), value: d.recipient.senderIp } : undefined,
    d.recipient.remoteHost || d.recipient.reportingHost
      ? { title: t.t('ndr:card.reportedBy'), value: d.recipient.remoteHost ?? d.recipient.reportingHost }
      : undefined,
    { title: t.t('ndr:card.actor'), value: t.t(`kb:actor.${d.actor}`) },
    { title: t.t('ndr:card.route'), value: t.t(`kb:route.${d.route}`) },
    { title: t.t('ndr:card.nature'), value: t.t(d.temporary ? 'ndr:card.temporary' : 'ndr:card.permanent') },
  ].filter((f) => f !== undefined);

  const steps = kbSteps(t, d);
  const items: object[] = [
    {
      type: 'TextBlock',
      text: `${codeLabel(d, t)} · ${kbText(t, d, 'title')}`,
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
    { type: 'FactSet', facts },
  ];
  if (d.fallback)
    items.push({ type: 'TextBlock', text: t.t('ndr:card.fallback'), isSubtle: true, wrap: true });
  items.push(
    { type: 'TextBlock', text: t.t('ndr:card.cause'), weight: 'Bolder', wrap: true, spacing: 'Medium' },
    { type: 'TextBlock', text: kbText(t, d, 'cause'), wrap: true },
    { type: 'TextBlock', text: kbText(t, d, 'who'), wrap: true, isSubtle: true },
    { type: 'TextBlock', text: t.t('ndr:card.steps'), weight: 'Bolder', wrap: true, spacing: 'Medium' },
    // One markdown list: separate "2. …" blocks would each render as a list restarting at 1.
    {
      type: 'TextBlock',
      text: steps.map((step, n) => `${n + 1}. ${step}`).join('\n'),
      wrap: true,
      spacing: 'Small',
    },
  );
  if (d.references.length > 0) {
    items.push({
      type: 'TextBlock',
      text: t.t('ndr:card.references'),
      weight: 'Bolder',
      wrap: true,
      spacing: 'Medium',
    });
    items.push(
      ...d.references.map((r) => ({
        type: 'TextBlock',
        text: `[${r.value}](${referenceLink(r.value, r.kind)})`,
        wrap: true,
        spacing: 'Small',
      })),
    );
  }
  if (d.recipient.asTags.length > 0) {
    items.push({
      type: 'TextBlock',
      text: t.t('ndr:card.asTags', { tags: d.recipient.asTags.join(', ') }),
      wrap: true,
      isSubtle: true,
    });
  }
  return { type: 'Container', separator, spacing: separator ? 'Large' : 'Default', items };
}

export function diagnosisCard(groups: DiagnosisGroup[], t: Translator): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: t.t('ndr:card.heading'), weight: 'Bolder', size: 'Large', wrap: true },
      ...groups.map((g, i) => section(g, t, i > 0)),
    ],
  };
}

/** Plain text for channels without cards and for screen readers: code, title, who acts, first link. */
export function diagnosisSummary(groups: DiagnosisGroup[], t: Translator): string {
  const lines: string[] = [];
  if (groups.length > 1) lines.push(t.t('ndr:summary.several', { count: groups.length }));
  for (const { diagnosis: d } of groups) {
    lines.push(
      t.t('ndr:summary.one', {
        code: codeLabel(d, t),
        title: kbText(t, d, 'title'),
        actor: t.t(`kb:actor.${d.actor}`),
        route: t.t(`kb:route.${d.route}`),
      }),
    );
    const first = d.references[0];
    if (first) lines.push(t.t('ndr:summary.link', { reference: first.value }));
  }
  return lines.join('\n\n');
}
