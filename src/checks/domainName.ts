/**
 * Accepts what a user types as their sending domain: "Example.COM", "example.com.", or a whole address
 * "news@example.com" (the part after the last @). Internationalised names are left as typed (not converted
 * to xn-- form): the dialog shows them back to the user, and the A-label form is accepted as well.
 */

const MAX_LENGTH = 253;
/** Letters (any script), digits and inner hyphens; 1-63 characters. */
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

/** The lower-cased domain, or undefined when the text cannot be a mail domain. */
export function normaliseDomain(text: string): string | undefined {
  let domain = text.trim().toLowerCase();
  const at = domain.lastIndexOf('@');
  if (at >= 0) domain = domain.slice(at + 1);
  domain = domain.replace(/\.$/, '');
  if (domain.length === 0 || domain.length > MAX_LENGTH) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return undefined;
  // An all-numeric last label is an IP address or a typo, never a top-level domain.
  if (/^\d+$/.test(labels[labels.length - 1])) return undefined;
  return domain;
}
