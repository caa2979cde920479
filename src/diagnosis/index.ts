export * from './types';
export { parseNdrText } from './parseText';
export { parseNdrHtml } from './parseHtml';
export { parseEml } from './parseEml';
export { parseMsg } from './parseMsg';
export { parseNdrFile, parseNdrPaste, detectFileKind } from './parseFile';
export type { FileKind, ParseFileResult, ParsePasteResult } from './parseFile';
