/** Pathological 1 MB inputs shared by the robustness test and the benchmark. */

const ONE_MB = 1024 * 1024;

function fill(unit: string, size = ONE_MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

export const ADVERSARIAL_INPUTS: [string, () => string][] = [
  ['[ run', () => fill('[')],
  ['( run', () => fill('(')],
  ['digits', () => fill('5505')],
  ['5.5.5.5... dots', () => fill('5.')],
  ['>>>> quoting', () => fill('>')],
  ['whitespace', () => fill(' \t ')],
  ['newlines', () => fill('\n')],
  ['"550 " repeated', () => fill('550 ')],
  ['"5.7." repeated', () => fill('5.7.')],
  ['"AS(" repeated', () => fill('AS(')],
  ['@ run', () => fill('a@')],
  ['long header line', () => `Subject: ${fill('x', ONE_MB - 9)}`],
  ['indented continuation lines', () => fill('Diagnostic-Code: smtp; 550 5.7.606 x\n    [')],
  ['banned sending IP [ repeated', () => fill('banned sending IP [1.2.3.')],
  ['host names', () => fill('host a.b.c.d.e.f.protection.outlook.com[')],
  [
    'mixed reply lines',
    () => fill('said: 550 5.7.606 Access denied, banned sending IP [1.2.3.4]. AS(1430)\n'),
  ],
  ['<tag soup', () => fill('<div><')],
  ['&entities', () => fill('&#x')],
];
