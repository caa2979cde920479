/** "2026-11-27 09:00": the UTC minute shown to users next to the word "UTC" in both languages. */
export function utcMinute(when: Date | string): string {
  return (typeof when === 'string' ? when : when.toISOString()).slice(0, 16).replace('T', ' ');
}
