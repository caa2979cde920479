import path from 'node:path';

/** Tests run from build/test/...; the project root is three levels above this compiled file. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SHARED_DIR = path.resolve(PROJECT_ROOT, '..', 'shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');
export const FIXTURES_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures');
