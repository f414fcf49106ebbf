/**
 * The claim's evidence package for a platform appeal or a police report: the PDF in Chinese or English, or the ZIP
 * with the PDF, the original photos, the reports, the audit trail and SHA256SUMS. Plain links: the browser downloads
 * what the server streams (the session cookie goes with them), and each download is audited on the server.
 */
import { DownloadOutlined, FilePdfOutlined, FileZipOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useI18n } from '../i18n/i18n';

/** The package route's address for one format and language. */
export function evidencePackageUrl(claimId: string, format: 'pdf' | 'zip', lang: 'zh' | 'en'): string {
  return `/api/v1/claims/${encodeURIComponent(claimId)}/evidence-package?format=${format}&lang=${lang}`;
}

export function EvidencePackageButton({ claimId }: { readonly claimId: string }) {
  const { pick, lang } = useI18n();
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
    </Card>
  );
}
