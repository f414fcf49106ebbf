import type { PackageManifest } from './package-zip.js';
import { shanghaiTime } from './package-text.js';

/** The ZIP's bilingual README.txt: what is inside and how anyone can re-check it. */
export function packageReadme(
  claimId: string,
  generatedAt: string,
  pdfName: string,
  missing: PackageManifest['missing'],
  fingerprint: string,
): string {
  const gone = missing.length
    ? [
        '',
        '注意：以下原始文件在生成时已无法读取，包内为 0 字节占位（见 manifest.json 的 missing）：',
        'Note: these originals could not be read when the package was made; the package holds 0-byte placeholders',
        '(see "missing" in manifest.json):',
        ...missing.map((m) => `  ${m.role} ${m.id} ${m.filename} sha256 ${m.sha256}`),
      ]
    : [];
  return [
    `Proofdesk 售后证据包 / evidence package`,
    `售后单 / claim: ${claimId}`,
    `生成时间 / generated: ${shanghaiTime(generatedAt)} (${generatedAt})`,
    '',
    '内容 / Contents',
    `  ${pdfName}    证据包 PDF / the evidence package PDF`,
    "  evidence/            买家提交的证据照片原件（逐字节一致）/ the buyer's evidence photos, byte for byte",
    "  counter-evidence/    商家反证照片原件 / the merchant's counter-evidence originals",
    '  references/          与证据匹配的商家参考图（主图、打包照片）/ the merchant reference photos findings name',
    '  report.json          每张照片的检查报告 / the forensic report of each photo',
    "  audit.json           本售后单的审计记录、链校验结果与链头 / the claim's audit events, chain verification, chain head",
    "  manifest.json        每个文件的路径、字节数与 SHA-256 / every file's path, size and SHA-256",
    "  signing-key.json     商家的证据包签名公钥（Ed25519）及其指纹 / the merchant's package-signing public key (Ed25519)",
    '  manifest.sig         manifest.json 原始字节的签名（Base64）/ signature of the exact bytes of manifest.json (base64)',
    '  SHA256SUMS           全部文件（含 manifest.json）的 SHA-256 / SHA-256 of every file, manifest.json included',
    ...gone,
    '',
    '如何核验 / How to verify',
    '  1. 解压后在本目录运行 / unpack, then in this folder run:',
    '       sha256sum -c SHA256SUMS',
    '     每行应显示 OK / every line must say OK.',
    '  2. 核验签名（谁制作了本证据包）/ check the signature (who made this package):',
    `       签名公钥指纹 / signing key fingerprint: ${fingerprint}`,
    '     请与商家另行（电话、平台后台、公函）提供的指纹核对；包内的公钥本身不能证明来源。',
    '     Compare it with the fingerprint the merchant gives you separately (phone, platform console, letter): the',
    '     key inside the package proves nothing by itself. Then, with Proofdesk:',
    '       proofdesk package verify <本文件.zip / this.zip> --key <指纹 / fingerprint>',
    '     or with OpenSSL 3 / 或使用 OpenSSL 3:',
    '       jq -r .publicKeyPem signing-key.json > key.pem      # 或手工复制 publicKeyPem / or copy publicKeyPem',
    '       base64 -d manifest.sig > manifest.sig.bin',
    '       openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in manifest.json -sigfile manifest.sig.bin',
    '     应显示 Signature Verified Successfully / it must say Signature Verified Successfully.',
    '  3. 照片的 SHA-256 也印在 PDF 中，可与原件逐一比对；audit.json 的链头可与商家系统中的审计链比对。',
    "     The photos' SHA-256 are printed in the PDF too; the chain head in audit.json can be compared with the",
    "     merchant's audit chain.",
    '',
    '检查发现是协助人工判断的线索，不是对任何人的指控；每项发现都说明了它不意味着什么。',
    'Findings are leads for a human judgement, not accusations; each says what it does not mean.',
    '',
  ].join('\n');
}
