import { makeFinding } from '../finding.js';
import type { C2paAction, C2paStatus, C2paSummary } from '../ports.js';
import type { Finding } from '../report.js';
import { text, type LocalizedText } from '../text.js';
import { classifySourceType, sourceTypeTerm } from './digital-source-type.js';
import { NOTHING, type Signal, type SignalResult } from './signal.js';

/** One piece of evidence that generative AI made or changed the image, as the manifest states it. */
interface AiEvidence {
  readonly kind: 'generated' | 'edited';
  readonly zh: string;
  readonly en: string;
}

/** Hash codes of the asset itself: the pixels or file bytes changed after the manifest was signed. */
const CONTENT_HASH_CODES = new Set([
  'assertion.dataHash.mismatch',
  'assertion.bmffHash.mismatch',
  'assertion.boxesHash.mismatch',
  'assertion.collectionHash.mismatch',
]);
/** Codes saying the manifest's own data was altered after signing. */
const MANIFEST_TAMPER_CODES = new Set([
  'assertion.hashedURI.mismatch',
  'claimSignature.mismatch',
  'claim.hashedURI.mismatch',
  'assertion.missing',
  'timeStamp.mismatch',
]);
/** Codes about the signing certificate only (expired, wrong key usage), not about the content. */
const CREDENTIAL_CODES = new Set(['signingCredential.expired', 'signingCredential.invalid']);
/** Adobe's pre-IPTC declaration that a generative-AI model made the content (Firefly 1.0, 2023). */
const ADOBE_GENERATIVE_AI = 'com.adobe.generative-ai';
/** Actions whose digitalSourceType describes the whole asset (its creation, or the parent it was opened from). */
const WHOLE_ASSET_ACTIONS = new Set(['c2pa.created', 'c2pa.opened']);
const MAX_LISTED = 6;

function list(items: readonly string[], sep: string): string {
  const shown = items.slice(0, MAX_LISTED).join(sep);
  return items.length > MAX_LISTED ? `${shown}${sep}… (+${items.length - MAX_LISTED})` : shown;
}

function actionLabel(action: C2paAction): string {
  const extras = [action.softwareAgent, action.digitalSourceType && sourceTypeTerm(action.digitalSourceType)];
  const shown = extras.filter((e): e is string => Boolean(e));
  return shown.length > 0 ? `${action.action} (${shown.join(', ')})` : action.action;
}

function aiEvidence(summary: C2paSummary): AiEvidence[] {
  const manifest = summary.activeManifest;
  if (!manifest) return [];
  const evidence: AiEvidence[] = [];
  const inActions = new Set<string>();
  for (const action of manifest.actions) {
    if (!action.digitalSourceType) continue;
    inActions.add(action.digitalSourceType);
    const cls = classifySourceType(action.digitalSourceType);
    if (cls !== 'ai_generated' && cls !== 'ai_composite') continue;
    const by = action.softwareAgent ? `（${action.softwareAgent}）` : '';
    const byEn = action.softwareAgent ? ` by ${action.softwareAgent}` : '';
    const term = sourceTypeTerm(action.digitalSourceType);
    const whole = cls === 'ai_generated' && WHOLE_ASSET_ACTIONS.has(action.action);
    evidence.push({
      kind: whole ? 'generated' : 'edited',
      zh: `操作 ${action.action}${by}的来源类型为 ${term}`,
      en: `action ${action.action}${byEn} has source type ${term}`,
    });
  }
  for (const type of manifest.digitalSourceTypes) {
    const cls = classifySourceType(type);
    if (inActions.has(type) || (cls !== 'ai_generated' && cls !== 'ai_composite')) continue;
    const term = sourceTypeTerm(type);
    evidence.push({
      kind: cls === 'ai_generated' ? 'generated' : 'edited',
      zh: `清单声明来源类型 ${term}`,
      en: `the manifest declares source type ${term}`,
    });
  }
  if (manifest.assertionLabels.includes(ADOBE_GENERATIVE_AI)) {
    const created = manifest.actions.some((a) => a.action === 'c2pa.created');
    evidence.push({
      kind: created ? 'generated' : 'edited',
      zh: `含 Adobe 生成式 AI 声明（${ADOBE_GENERATIVE_AI}）`,
      en: `it carries Adobe's generative-AI assertion (${ADOBE_GENERATIVE_AI})`,
    });
  }
  for (const ingredient of manifest.ingredients) {
    const classes = (ingredient.digitalSourceTypes ?? []).map(classifySourceType);
    const generated = classes.includes('ai_generated');
    if (!generated && !classes.includes('ai_composite')) continue;
    const name = ingredient.title ?? ingredient.format ?? 'untitled';
    if (ingredient.relationship === 'parentOf') {
      evidence.push({
        kind: generated ? 'generated' : 'edited',
        zh: `由 AI ${generated ? '生成' : '合成'}的素材 “${name}” 派生而来`,
        en: `it derives from the AI-${generated ? 'generated' : 'composited'} ingredient "${name}"`,
      });
    } else if (ingredient.relationship === 'componentOf') {
      evidence.push({
        kind: 'edited',
        zh: `合成了 AI 生成的素材 “${name}”`,
        en: `the AI-generated ingredient "${name}" was composited in`,
      });
    }
  }
  return dedupeEvidence(evidence);
}

/** Merges repeated evidence (Generative Fill used three times) into one line with a count. */
function dedupeEvidence(evidence: readonly AiEvidence[]): AiEvidence[] {
  const counts = new Map<string, { item: AiEvidence; count: number }>();
  for (const item of evidence) {
    const seen = counts.get(item.en);
    if (seen) seen.count++;
    else counts.set(item.en, { item, count: 1 });
  }
  return [...counts.values()].map(({ item, count }) =>
    count === 1 ? item : { ...item, zh: `${item.zh}（${count} 次）`, en: `${item.en} (${count} times)` },
  );
}

function signerText(summary: C2paSummary): LocalizedText {
  const signer = summary.activeManifest?.signer;
  const who = signer?.issuer
    ? signer.commonName && signer.commonName !== signer.issuer
      ? `${signer.issuer} (${signer.commonName})`
      : signer.issuer
    : signer?.commonName;
  const at = summary.activeManifest?.signedAt;
  return text(
    `签名方 ${who ?? '未知'}，${at ? `签名时间 ${at}` : '无签名时间戳'}`,
    `signed by ${who ?? 'an unknown signer'}, ${at ? `at ${at}` : 'with no signing time-stamp'}`,
  );
}

function validationText(summary: C2paSummary): LocalizedText {
  const codes = list(
    summary.failures.map((f) => f.code),
    ', ',
  );
  switch (summary.validationState) {
    case 'trusted':
      return text(
        '哈希与签名校验通过，签名方证书链可追溯至已配置的信任根',
        'hashes and signature verify and the signer chains to a configured trust anchor',
      );
    case 'valid':
      return text(
        '哈希与签名校验通过，但签名方不在已配置的信任列表中',
        'hashes and signature verify, but the signer is not on a configured trust list',
      );
    case 'well_formed':
      return text('结构可解析，但未能校验签名与哈希', 'it parses but its signature and hashes could not be verified');
    case 'invalid':
      return text(`校验失败（${codes}）`, `it fails validation (${codes})`);
  }
}

/** A one-paragraph description of the active manifest: generator, signer, time, actions, validation. */
function describe(summary: C2paSummary): LocalizedText {
  const manifest = summary.activeManifest;
  const signer = signerText(summary);
  const validation = validationText(summary);
  if (!manifest) {
    const remote = summary.informational.find((s) => s.code === 'manifest.remote');
    if (remote) {
      return text(
        `内容凭证存放在远程地址 ${remote.url ?? ''}，检查时不联网，未获取。`,
        `The Content Credentials are stored remotely at ${remote.url ?? ''} and were not fetched (checks run offline).`,
      );
    }
    return text(`内容凭证无法读取：${validation.zh}。`, `The Content Credentials could not be read: ${validation.en}.`);
  }
  const generator = manifest.claimGenerator ?? '未知';
  const generatorEn = manifest.claimGenerator ?? 'unknown';
  const actions = manifest.actions.map(actionLabel);
  const actionsZh = actions.length > 0 ? `操作：${list(actions, '、')}` : '未记录编辑操作';
  const actionsEn = actions.length > 0 ? `actions: ${list(actions, ', ')}` : 'no editing actions recorded';
  return text(
    `生成工具 ${generator}；${signer.zh}；${actionsZh}；${validation.zh}。`,
    `Claim generator ${generatorEn}; ${signer.en}; ${actionsEn}; ${validation.en}.`,
  );
}

function invalidFinding(summary: C2paSummary, failures: readonly C2paStatus[]): Finding {
  const codes = failures.map((f) => f.code);
  const content = codes.filter((c) => CONTENT_HASH_CODES.has(c));
  const tampered = codes.filter((c) => MANIFEST_TAMPER_CODES.has(c));
  const revoked = codes.includes('signingCredential.revoked');
  const credentialOnly = codes.every((c) => CREDENTIAL_CODES.has(c));
  const unreadable = codes.some((c) => c.startsWith('manifest.'));
  const reasons: LocalizedText[] = [];
  if (content.length > 0) {
    reasons.push(
      text(
        `签名后图片内容被改动（哈希不匹配：${content.join('、')}）`,
        `the content changed after signing (hash mismatch: ${content.join(', ')})`,
      ),
    );
  }
  if (tampered.length > 0) {
    reasons.push(
      text(
        `凭证自身的数据在签名后被改动（${tampered.join('、')}）`,
        `the credential's own data changed after signing (${tampered.join(', ')})`,
      ),
    );
  }
  if (revoked) reasons.push(text('签名证书已被吊销', 'the signing certificate was revoked'));
  if (unreadable) {
    const why = failures.find((f) => f.code.startsWith('manifest.'))?.explanation ?? '';
    reasons.push(text(`凭证无法读取（${why}）`, `the credential could not be read (${why})`));
  }
  if (reasons.length === 0) {
    const shown = list(codes, ', ');
    reasons.push(
      credentialOnly
        ? text(`签名证书无效（${shown}）`, `the signing certificate is not valid for signing (${shown})`)
        : text(`校验失败（${shown}）`, `validation failed (${shown})`),
    );
  }
  // Content or manifest changed after signing weighs fully; a certificate problem alone says little about the photo.
  const strength = content.length > 0 || tampered.length > 0 || revoked ? 1 : credentialOnly ? 0.4 : 0.6;
  const changed = content.length > 0;
  const signer = signerText(summary);
  const generator = summary.activeManifest?.claimGenerator;
  const context = generator
    ? text(`生成工具 ${generator}；${signer.zh}。`, `Claim generator ${generator}; ${signer.en}.`)
    : text('', '');
  return makeFinding('provenance.c2pa.invalid', {
    severity: 'warn',
    strength,
    ...(changed
      ? { title: text('内容凭证校验失败：签名后内容被改动', 'Content Credentials fail: content changed after signing') }
      : {}),
    detail: text(
      `内容凭证校验失败：${reasons.map((r) => r.zh).join('；')}。${context.zh}`,
      `The Content Credentials fail validation: ${reasons.map((r) => r.en).join('; ')}. ${context.en}`.trimEnd(),
    ),
    facts: { failures, contentChangedAfterSigning: changed },
  });
}

/**
 * Turns a validated C2PA manifest store into findings:
 * - `provenance.c2pa.ai_generated` (high): the active manifest declares AI creation (trainedAlgorithmicMedia or
 *   algorithmicMedia on `c2pa.created`/`c2pa.opened`, Adobe's generative-AI assertion, or a `parentOf` ingredient
 *   whose own manifest does);
 * - `provenance.c2pa.ai_edited` (high): AI compositing or inpainting (compositeWithTrainedAlgorithmicMedia,
 *   compositeSynthetic, AI content placed by a later action, an AI-generated `componentOf` ingredient);
 * - `provenance.c2pa.invalid` (warn): validation failures, naming "content changed after signing" on hash mismatch;
 * - `provenance.c2pa.capture` (info): a valid or trusted manifest declaring a camera capture and no AI;
 * - `provenance.c2pa.manifest` (info): any other manifest, summarised.
 * AI declarations are reported whatever the validation state: a genuine camera photo never carries one.
 */
export function assessC2pa(summary: C2paSummary): SignalResult {
  const findings: Finding[] = [];
  const evidence = aiEvidence(summary);
  const manifest = summary.activeManifest;
  const summaryText = describe(summary);
  const generated = evidence.filter((e) => e.kind === 'generated');
  const ai = generated.length > 0 ? generated : evidence;
  const facts = {
    generator: manifest?.claimGenerator,
    signer: manifest?.signer,
    signedAt: manifest?.signedAt,
    validationState: summary.validationState,
    digitalSourceTypes: manifest?.digitalSourceTypes ?? [],
  };
  if (ai.length > 0) {
    const why = text(ai.map((e) => e.zh).join('；'), ai.map((e) => e.en).join('; '));
    findings.push(
      generated.length > 0
        ? makeFinding('provenance.c2pa.ai_generated', {
            severity: 'high',
            strength: 1,
            detail: text(
              `内容凭证声明图片由生成式 AI 创建：${why.zh}。${summaryText.zh}`,
              `The Content Credentials declare the image was created by generative AI: ${why.en}. ${summaryText.en}`,
            ),
            facts: { ...facts, evidence: ai.map((e) => e.en) },
          })
        : makeFinding('provenance.c2pa.ai_edited', {
            severity: 'high',
            strength: 1,
            detail: text(
              `内容凭证声明图片经 AI 局部生成或合成：${why.zh}。${summaryText.zh}`,
              `The Content Credentials declare AI compositing or inpainting: ${why.en}. ${summaryText.en}`,
            ),
            facts: { ...facts, evidence: ai.map((e) => e.en) },
          }),
    );
  }
  if (summary.validationState === 'invalid') findings.push(invalidFinding(summary, summary.failures));
  const verified = summary.validationState === 'valid' || summary.validationState === 'trusted';
  const capture = manifest?.digitalSourceTypes.find((t) => classifySourceType(t) === 'capture');
  if (ai.length === 0 && verified && capture) {
    const term = sourceTypeTerm(capture);
    findings.push(
      makeFinding('provenance.c2pa.capture', {
        severity: 'info',
        strength: 0,
        detail: text(
          `有效的内容凭证声明图片为相机直接拍摄（来源类型 ${term}），未记录 AI 生成或合成。${summaryText.zh}`,
          `Valid Content Credentials declare a direct camera capture (source type ${term}) and record no AI generation or compositing. ${summaryText.en}`,
        ),
        facts: { ...facts, captureSourceType: capture },
      }),
    );
  } else if (ai.length === 0 && (manifest || summary.validationState !== 'invalid')) {
    // (An unreadable store has nothing to summarise beyond its invalid finding.)
    findings.push(
      makeFinding('provenance.c2pa.manifest', {
        severity: 'info',
        strength: 0,
        detail: text(`照片带有内容凭证。${summaryText.zh}`, `The photo carries Content Credentials. ${summaryText.en}`),
        facts: { ...facts, actions: manifest?.actions.map((a) => a.action) ?? [] },
      }),
    );
  }
  return { findings, facts: { c2pa: { ...summary } } };
}

/**
 * C2PA Content Credentials (read and validated by the `C2paReader` port into `ctx.c2pa`). Named apart from the
 * reader's own `c2pa` timing so the report keeps both.
 */
export const c2paSignal: Signal = {
  name: 'c2pa-provenance',
  run(ctx): SignalResult {
    return ctx.c2pa ? assessC2pa(ctx.c2pa) : NOTHING;
  },
};
