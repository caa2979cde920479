import { checkTextKeys, type CheckReport, type CheckResult, type CheckStatus } from '../checks';
import type { Translator } from '../i18n/localizer';
import { utcMinute } from '../i18n/utcMinute';
import type { AdaptiveCard } from './diagnosisCard';

/** Shape plus colour, so the verdict is clear without colour too (and read out by screen readers as text). */
const MARK: Record<CheckStatus, { icon: string; color: string }> = {
  pass: { icon: '✅', color: 'Good' },
  warning: { icon: '⚠️', color: 'Warning' },
  problem: { icon: '❌', color: 'Attention' },
  unknown: { icon: '❔', color: 'Default' },
};

function item(result: CheckResult, t: Translator): object {
  const keys = checkTextKeys(result);
  const mark = MARK[result.status];
  const lines = [t.t(keys.text, result.values), keys.reason ? t.t(keys.reason, result.values) : undefined];
  const items: object[] = [
    {
      type: 'TextBlock',
      text: `${mark.icon} **${t.t(keys.title, result.values)}**: ${t.t(`checks:status.${result.status}`)}`,
      color: mark.color,
      wrap: true,
    },
    { type: 'TextBlock', text: lines.filter(Boolean).join(' '), wrap: true, spacing: 'None' },
  ];
  if (keys.fix)
    items.push({ type: 'TextBlock', text: t.t(keys.fix, result.values), wrap: true, isSubtle: true });
  return { type: 'Container', items, spacing: 'Medium' };
}

/** The live checks as a checklist: pass / warning / problem / couldn't check, with what each means. */
export function checklistCard(
  report: CheckReport,
  t: Translator,
  target: { ip: string; domain?: string },
  checkedAt: Date,
): AdaptiveCard {
  const heading = target.domain ? `${target.ip} · ${target.domain}` : target.ip;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: t.t('delist:checklistHeading', { target: heading }),
        weight: 'Bolder',
        size: 'Large',
        wrap: true,
      },
      ...report.items.map((r) => item(r, t)),
      {
        type: 'TextBlock',
        text: t.t('delist:checkedAt', { when: utcMinute(checkedAt) }),
        isSubtle: true,
        wrap: true,
        spacing: 'Large',
      },
    ],
  };
}

/** Shown while the checks run; replaced by the checklist when they finish. */
export function checkingCard(text: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: `⏳ ${text}`, wrap: true }],
  };
}

/** The same checklist as plain text, for channels without cards. */
export function checklistSummary(report: CheckReport, t: Translator): string {
  return report.items
    .map((r) => {
      const keys = checkTextKeys(r);
      return `${MARK[r.status].icon} ${t.t(keys.title, r.values)}: ${t.t(`checks:status.${r.status}`)}`;
    })
    .join('\n');
}
