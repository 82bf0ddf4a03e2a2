import type { RuleDescriptor } from '../core/rule-descriptor';

/** A table cell: pipes escaped, so a rule's text never breaks the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/**
 * docs/rules.md: every rule of the catalogue, one row each, in id order. Written by
 * `npm run docs:rules` (and `npm run schema`); test/rules-page.test.ts fails when the committed
 * page is not this.
 */
export function rulesPage(rules: readonly RuleDescriptor[]): string {
  const header = [
    '# Rules',
    '',
    '<!-- Generated from the rule catalogue by `npm run docs:rules`; do not edit by hand. -->',
    '',
    `Every rule Flowmap checks (${rules.length}), as the \`rules\` query returns them. **Effect** is what a finding`,
    'means for the verdict on the hop or activity it concerns (`UNLAWFUL`; `GAP`: lawful with gaps; `UNDETERMINED`: a',
    'fact the law needs is missing; `ADVISORY`: neither), apart from its **severity** (how urgent the fix is). **Scope**:',
    'checked on each hop, each activity, or each stored person. **Cannot know** says what a clean answer does not',
    'prove. `GDPR-` and `UK-GDPR-` rules share their text (the UK kept the GDPR), each judged under its own regime.',
    '',
    '| Id | Severity | Effect | Regime | Scope | Article | What it checks | Cannot know |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const rows = rules.map((rule) =>
    [
      `\`${rule.id}\``,
      rule.severity,
      rule.verdictEffect,
      rule.regime ?? 'any',
      rule.scope,
      cell(rule.legalReference),
      cell(`**${rule.title}.** ${rule.explanation}`),
      cell(rule.limitation),
    ].join(' | '),
  );
  return `${[...header, ...rows.map((row) => `| ${row} |`)].join('\n')}\n`;
}
