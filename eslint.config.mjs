import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/**', 'node_modules/**', 'data/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Domain code must stay free of the Bot Framework so it survives a move to the Agents SDK.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/diagnosis/**/*.ts', 'src/ip/**/*.ts', 'src/checks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['botbuilder*', 'botframework-*'], message: 'Domain code stays framework-free.' },
          ],
        },
      ],
    },
  },
);
