import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import ts from 'typescript';

/**
 * The parts' import boundaries (CONTRIBUTING.md): `shared` imports neither app; `extension` and `lti-tool`
 * never import each other; nothing imports `test`. Each entry names what a part may not reach, by package
 * name and by relative path alike.
 */
const reach = (part) => [`@mentoring/${part}`, `@mentoring/${part}/**`, `**/${part}/**`, `../${part}`];
const boundary = (files, parts, why, ...more) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: parts.flatMap(reach), message: why }, ...more] }],
  },
});
const toolWhy = 'The tool never imports the extension or the tests.';

/**
 * `i18n/no-raw-numbers`: a number written into text people read (a JSX child, a Lingui message's
 * `${…}`) comes out in Latin digits and without its noun agreeing (Arabic has six plural forms).
 * Counts go through `plural` (its `#` is formatted in the reader's digits), other numbers through
 * `formatNumber` (lib/dates.ts, lib/format.ts). Needs type information: it asks TypeScript what
 * the expression is.
 */
/**
 * `i18n/intl-locale`: `Intl` (and `toLocale…String`) given a language as it is writes Arabic in
 * Latin digits; `intlLocale(locale)` (shared/src/rules/locale.ts) names the digits. A literal tag
 * (`'en'` to check a time zone) is as meant.
 */
const intlLocaleRule = {
  meta: {
    type: 'problem',
    messages: {
      bare: 'A language given to Intl as it is: pass intlLocale(locale), or use shared/src/format.ts, so Arabic gets its digits.',
    },
    schema: [],
  },
  create(context) {
    const bare = (arg) => arg && (arg.type === 'Identifier' || arg.type === 'MemberExpression');
    return {
      NewExpression(node) {
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && callee.object.name === 'Intl' && bare(node.arguments[0])) {
          context.report({ node: node.arguments[0], messageId: 'bare' });
        }
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && /^toLocale(Date|Time)?String$/.test(callee.property.name ?? '')) {
          if (bare(node.arguments[0])) context.report({ node: node.arguments[0], messageId: 'bare' });
        }
      },
    };
  },
};

const MESSAGE_CALLS = /^(t|msg|defineMessage|plural|select|selectOrdinal)$/;
const noRawNumbers = {
  meta: {
    type: 'problem',
    messages: {
      raw: 'A number in text people read: use plural (for a count) or formatNumber, so it is in the reader’s digits and grammar.',
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (!services?.program) return {};
    const isNumber = (node) => {
      const type = services.getTypeAtLocation(node);
      // Only what is surely a number: a ReactNode (children) may be one, but is not flagged.
      const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & ts.TypeFlags.Nullable));
      return parts.length > 0 && parts.every((t) => t.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike));
    };
    const check = (node) => {
      if (isNumber(node)) context.report({ node, messageId: 'raw' });
    };
    // A template literal is a message's text when it is `t`/`msg`-tagged or a branch of plural/select.
    const inMessage = (literal) => {
      const parent = literal.parent;
      if (parent.type === 'TaggedTemplateExpression') return MESSAGE_CALLS.test(parent.tag.name ?? '');
      if (parent.type === 'JSXExpressionContainer') return ['JSXElement', 'JSXFragment'].includes(parent.parent.type);
      const call = parent.type === 'Property' ? parent.parent.parent : null;
      return (
        call?.type === 'CallExpression' &&
        MESSAGE_CALLS.test(call.callee.name ?? '') &&
        call.arguments[0] !== parent.parent
      );
    };
    return {
      'JSXElement > JSXExpressionContainer, JSXFragment > JSXExpressionContainer'(node) {
        if (node.expression.type !== 'JSXEmptyExpression' && node.expression.type !== 'TemplateLiteral')
          check(node.expression);
      },
      TemplateLiteral(node) {
        if (inMessage(node)) node.expressions.forEach(check);
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.output/**',
      '**/.wxt/**',
      'data/**',
      'docs/**',
      // The lint config's own test writes short-lived probes here.
      '**/*.lint-probe.{ts,tsx}',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A promise nobody awaits loses its error: say `void` where fire-and-forget is meant.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'no-console': 'off',
    },
  },
  {
    // Plain JavaScript config files are outside every tsconfig: no type information there.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  boundary(
    ['shared/**'],
    ['lti-tool', 'extension', 'test'],
    '`shared` is the domain both apps use: it imports neither app nor the tests.',
  ),
  boundary(
    ['extension/**'],
    ['lti-tool', 'test'],
    'The extension talks to the tool over HTTP only (through `@mentoring/shared`), and never imports the tests.',
  ),
  boundary(['lti-tool/**'], ['extension', 'test'], toolWhy),
  // Layers: services throw domain errors (services/errors.ts) and never reach back into HTTP or the launch wiring.
  boundary(['lti-tool/src/services/**', 'lti-tool/src/models/**'], ['extension', 'test'], toolWhy, {
    group: ['**/http/**', '**/lti/provider', '**/lti/provider.ts'],
    message: 'Services and models speak the domain: throw from services/errors.ts; HTTP maps it to a status.',
  }),
  {
    // Every word a person reads in the web app and the extension's pages is a message (Lingui's <Trans> or t),
    // so it reaches every catalog (lti-tool/lingui.config.ts, extension/lingui.config.ts).
    files: ['lti-tool/src/web/**/*.tsx', 'extension/entrypoints/**/*.tsx', 'extension/ui/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/[A-Za-z]/]:not(JSXElement[openingElement.name.name=/^(Trans|Plural|Select)$/] *)',
          message: 'Text people read goes through the message catalog: wrap it in <Trans> (lingui.config.ts).',
        },
        {
          selector: 'JSXExpressionContainer > Literal[value=/[A-Za-z]/]',
          message: 'Text people read goes through the message catalog: use t`…` from @lingui/core/macro.',
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label|description|hint|kicker)$/] > Literal[value=/[A-Za-z]/]',
          message: 'Labels people read (or hear) go through the message catalog: use t`…` from @lingui/core/macro.',
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label|description|hint|kicker)$/] > JSXExpressionContainer > TemplateLiteral',
          message: 'Labels people read (or hear) go through the message catalog: use t`…` from @lingui/core/macro.',
        },
        {
          // Words built in an expression (`last used ${when}`, cond ? 'you' : name) escape the JSXText rule.
          selector:
            'JSXElement > JSXExpressionContainer TemplateLiteral:not(TaggedTemplateExpression > TemplateLiteral):not(JSXAttribute TemplateLiteral):not(CallExpression[callee.name=/^(plural|select|selectOrdinal)$/] TemplateLiteral) > TemplateElement[value.raw=/[A-Za-z]{2,}/]',
          message: 'Text people read goes through the message catalog: use t`…` (or plural) from @lingui/core/macro.',
        },
        {
          selector:
            'JSXElement > JSXExpressionContainer :matches(ConditionalExpression, LogicalExpression) > Literal[value=/[A-Za-z]{2,}/]:not(JSXAttribute Literal)',
          message: 'Text people read goes through the message catalog: use t`…` from @lingui/core/macro.',
        },
      ],
    },
  },
  {
    plugins: { i18n: { rules: { 'no-raw-numbers': noRawNumbers, 'intl-locale': intlLocaleRule } } },
  },
  {
    files: ['shared/src/**/*.ts', 'lti-tool/src/**/*.{ts,tsx}', 'extension/{entrypoints,ui,lib}/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'i18n/intl-locale': 'error' },
  },
  {
    files: ['lti-tool/src/web/**/*.{ts,tsx}', 'extension/{entrypoints,ui,lib}/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'i18n/no-raw-numbers': 'error' },
  },
  prettier,
);
