import type { Lang, PhotoReport, Verdict } from '@proofdesk/forensics';
import { SEVERITY_LABEL, UI, VERDICT_LABEL } from './labels.js';

const COLOUR: Record<Verdict | 'dim', string> = {
  clean: '\x1b[32m',
  suspicious: '\x1b[33m',
  forged: '\x1b[31m',
  error: '\x1b[35m',
  dim: '\x1b[2m',
};
const RESET = '\x1b[0m';

/** Renders reports as plain text for a terminal, in one language; colours only when `colour` is set. */
export function renderHuman(reports: readonly PhotoReport[], lang: Lang, colour = false): string {
  const paint = (key: Verdict | 'dim', s: string) => (colour ? `${COLOUR[key]}${s}${RESET}` : s);
  const lines: string[] = [];
  reports.forEach((report, i) => {
    const size = report.width > 0 ? ` ${report.width}×${report.height}` : '';
    lines.push(`${UI.photo[lang]} ${i + 1}/${reports.length}  ${report.file}  (${report.format.toUpperCase()}${size})`);
    if (report.sha256) lines.push(paint('dim', `  sha256 ${report.sha256}`));
    lines.push(
      `  ${UI.verdict[lang]}: ${paint(report.verdict, VERDICT_LABEL[report.verdict][lang])}  (${UI.score[lang]} ${report.score.toFixed(2)})`,
    );
    if (report.findings.length === 0) lines.push(`  ${UI.noFindings[lang]}`);
    for (const f of report.findings) {
      lines.push(
        `  [${SEVERITY_LABEL[f.severity][lang]}] ${f.title[lang]}  ${paint('dim', `${f.code} · ${f.score.toFixed(2)}`)}`,
      );
      lines.push(`      ${f.detail[lang]}`);
      if (f.regions?.length) {
        lines.push(`      ${UI.regions[lang]}: ${f.regions.map((r) => `(${r.x},${r.y} ${r.w}×${r.h})`).join(' ')}`);
      }
      if (f.ref) lines.push(`      ${UI.reference[lang]}: ${f.ref.file} (${f.ref.distance})`);
    }
    lines.push('');
  });
  const counts = (['clean', 'suspicious', 'forged', 'error'] as const)
    .map((v) => [v, reports.filter((r) => r.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${VERDICT_LABEL[v][lang]} ${n}`);
  lines.push(`${UI.summary[lang]}: ${reports.length} · ${counts.join(' · ')}`);
  return lines.join('\n') + '\n';
}
