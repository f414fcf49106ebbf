import { DECISIVE_SCORE, FINDING_CATALOGUE, FINDING_CODES, SUSPICIOUS_SCORE } from '@proofdesk/forensics';

/**
 * Renders `docs/findings.md` from the finding catalogue, so the documented codes, weights and meanings are the
 * ones the code uses. `npm run docs:findings` writes it; a test fails when the committed file differs.
 */
export function renderFindingsDoc(): string {
  const lines = [
    '# Finding catalogue',
    '',
    '<!-- Generated from packages/forensics/src/finding-catalogue.ts by `npm run docs:findings`. Do not edit by hand. -->',
    '',
    'Every finding in a report has a stable dotted `code`, a `severity` (`info`, `warn`, `high`), a `score` (the',
    "signal's strength 0..1 times the code's weight below), a title and a detail in Chinese and English, and the raw",
    '`facts` it rests on.',
    '',
    '## How findings become a verdict',
    '',
    '- `score` = 1 − Π(1 − scoreᵢ) over the findings: independent evidence accumulates; no pile of weak signals reaches 1.',
    `- \`forged\`: a **decisive** finding (below) scores at least ${DECISIVE_SCORE}. Only explicit AI assertions are decisive.`,
    `- \`suspicious\`: the combined score reaches ${SUSPICIOUS_SCORE}, or any finding has severity \`high\`.`,
    '- `clean`: otherwise. Weight-0 findings (missing metadata, positive provenance) never move the score, so photos',
    '  stripped, resized or recompressed by messaging apps stay clean.',
    '- `error`: the photo could not be analysed; exactly one `input.*` finding says why.',
    '',
    '## Codes',
    '',
    '| code | weight | decisive | title |',
    '|---|---|---|---|',
    ...FINDING_CODES.map((code) => {
      const e = FINDING_CATALOGUE[code];
      return `| \`${code}\` | ${e.weight} | ${e.decisive ? 'yes' : 'no'} | ${e.title.zh} / ${e.title.en} |`;
    }),
    '',
  ];
  for (const code of FINDING_CODES) {
    const e = FINDING_CATALOGUE[code];
    lines.push(
      `### \`${code}\``,
      '',
      `**${e.title.zh}** / **${e.title.en}** — weight ${e.weight}${e.decisive ? ', decisive' : ''}.`,
      '',
      `- 含义：${e.means.zh}`,
      `- Means: ${e.means.en}`,
      `- 不意味着：${e.doesNotMean.zh}`,
      `- Does not mean: ${e.doesNotMean.en}`,
      '',
    );
  }
  return lines.join('\n');
}
