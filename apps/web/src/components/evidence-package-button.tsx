/**
 * The claim's evidence package for a platform appeal or a police report: the PDF in Chinese or English, or the ZIP
 * with the PDF, the original photos, the reports, the audit trail and SHA256SUMS. Plain links: the browser downloads
 * what the server streams (the session cookie goes with them), and each download is audited on the server.
 */
import { DownloadOutlined, FilePdfOutlined, FileZipOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n/i18n';

/** The package route's address for one format and language. */
export function evidencePackageUrl(claimId: string, format: 'pdf' | 'zip', lang: 'zh' | 'en'): string {
  return `/api/v1/claims/${encodeURIComponent(claimId)}/evidence-package?format=${format}&lang=${lang}`;
}

export function EvidencePackageButton({ claimId }: { readonly claimId: string }) {
  const { pick, lang } = useI18n();
  // The workspace's signing key: stable, so staff can give its fingerprint to a platform or the police once.
  const key = useLoad(async () => unwrap(await api.GET('/api/v1/workspace/package-signing-key')), 'signing-key');
  return (
    <Card title={pick({ zh: '证据包', en: 'Evidence package' })} data-testid="evidence-package">
      <Typography.Paragraph className="pd-muted" style={{ marginTop: 0 }}>
        {pick({
          zh: '用于平台申诉或报案：案件摘要、每张照片的 SHA-256 与检查发现、商家反证、买家记录和审计链校验。ZIP 另含原图与校验清单（SHA256SUMS）。每次下载都会记入审计日志。',
          en: 'For a platform appeal or a police report: case summary, every photo with its SHA-256 and findings, the merchant’s counter-evidence, the buyer’s record and the verified audit trail. The ZIP adds the originals and a checksum list (SHA256SUMS). Every download is audited.',
        })}
      </Typography.Paragraph>
      <Space wrap size={8}>
        <Button icon={<FilePdfOutlined />} href={evidencePackageUrl(claimId, 'pdf', 'zh')} download>
          {pick({ zh: 'PDF（中文）', en: 'PDF (Chinese)' })}
        </Button>
        <Button icon={<FilePdfOutlined />} href={evidencePackageUrl(claimId, 'pdf', 'en')} download>
          {pick({ zh: 'PDF（英文）', en: 'PDF (English)' })}
        </Button>
        <Button
          type="primary"
          icon={<FileZipOutlined />}
          href={evidencePackageUrl(claimId, 'zip', lang === 'en' ? 'en' : 'zh')}
          download
        >
          {pick({ zh: 'ZIP（含原图）', en: 'ZIP (with originals)' })}
          <DownloadOutlined />
        </Button>
      </Space>
      <Typography.Paragraph className="pd-muted" style={{ marginTop: 12, marginBottom: 0 }}>
        {pick({ zh: '签名公钥指纹：', en: 'Signing key fingerprint: ' })}
        {key.data ? (
          <Typography.Text copyable={{ text: key.data.fingerprint }} data-testid="package-signing-fingerprint">
            <code style={{ display: 'inline-block', wordBreak: 'break-all', whiteSpace: 'normal' }}>
              {key.data.fingerprint}
            </code>
          </Typography.Text>
        ) : key.error ? (
          pick({ zh: '无法读取', en: 'unavailable' })
        ) : (
          '…'
        )}
        <br />
        {pick({
          zh: 'ZIP 的清单由本工作区的 Ed25519 密钥签名。请通过电话或公函等另行把此指纹告知平台或警方，对方用 proofdesk package verify --key <指纹> 核对。',
          en: 'The ZIP’s manifest is signed with this workspace’s Ed25519 key. Give this fingerprint to the platform or the police separately (phone, letter); they check it with proofdesk package verify --key <fingerprint>.',
        })}
      </Typography.Paragraph>
    </Card>
  );
}
