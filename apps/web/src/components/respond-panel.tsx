import { LinkOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Progress, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, api, unwrap, type Claim, type Evidence } from '../api/client';
import { ACCEPT_ATTRIBUTE, checkUpload, MAX_UPLOAD_BYTES, uploadPhoto } from '../api/upload';
import { SlaCountdown } from '../app/badges';
import { dateTime } from '../app/format';
import { useNow } from '../app/use-load';
import { useI18n } from '../i18n/i18n';

/** The merchant's answer within the window: counter-evidence photos (with progress) and a statement. */
export function RespondPanel(props: { readonly claim: Claim; readonly onChanged: (claim?: Claim) => void }) {
  const { claim } = props;
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const now = useNow(15_000);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; pct: number } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [statement, setStatement] = useState('');

  const open = claim.status === 'awaiting_merchant' || claim.status === 'analysing';

  const upload = async (file: File) => {
    setUploadError(null);
    const check = checkUpload(file);
    if (!check.ok) {
      setUploadError(
        check.problem === 'format' ? t('upload.wrongFormat') : t('upload.tooLarge', { mb: MAX_UPLOAD_BYTES / 1048576 }),
      );
      return;
    }
    setProgress({ name: file.name, pct: 0 });
    try {
      await uploadPhoto<Evidence>(`/api/v1/claims/${claim.id}/counter-evidence`, file, (f) =>
        setProgress({ name: file.name, pct: Math.round(f * 100) }),
      );
      void message.success(t('respond.uploaded', { name: file.name }));
      props.onChanged();
    } catch (e) {
      setUploadError(t('upload.failed', { message: e instanceof ApiError ? pick(e.text) : String(e) }));
    } finally {
      setProgress(null);
    }
  };

  const respond = async (accept: boolean) => {
    setBusy(true);
    try {
      const updated = unwrap(
        await api.POST('/api/v1/claims/{id}/response', {
          params: { path: { id: claim.id } },
          body: { statement: statement.trim() || (accept ? t('respond.accept') : '—'), accept },
        }),
      );
      void message.success(t('respond.done'));
      props.onChanged(updated);
    } catch (e) {
      void message.error(e instanceof ApiError ? pick(e.text) : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  const buyerLink = async () => {
    try {
      const issued = unwrap(
        await api.POST('/api/v1/claims/{id}/buyer-link', {
          params: { path: { id: claim.id } },
          body: { expiresInHours: 168 },
        }),
      );
      setLink(`${window.location.origin}/buyer?token=${encodeURIComponent(issued.token)}`);
    } catch (e) {
      void message.error(e instanceof ApiError ? pick(e.text) : t('common.error'));
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {open ? (
        <>
          {claim.merchantDeadlineAt && (
            <Alert
              type="warning"
              showIcon
              title={
                <span>
                  {t('respond.deadline', { time: dateTime(claim.merchantDeadlineAt, lang) })} ·
                  <SlaCountdown deadline={claim.merchantDeadlineAt} now={now} />
                </span>
              }
            />
          )}
          <div>
            <Typography.Text strong>{t('respond.counterEvidence')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <input
                ref={input}
                type="file"
                accept={ACCEPT_ATTRIBUTE}
                hidden
                aria-label={t('respond.upload')}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void upload(file);
                }}
              />
              <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} disabled={!!progress}>
                {t('respond.upload')}
              </Button>
            </div>
            {progress && (
              <Progress
                percent={progress.pct}
                size="small"
                aria-label={t('respond.uploading', { pct: progress.pct })}
                style={{ marginTop: 8 }}
              />
            )}
            {uploadError && <Alert type="error" showIcon title={uploadError} style={{ marginTop: 8 }} role="alert" />}
          </div>
          <Form layout="vertical">
            <Form.Item label={t('respond.statement')} htmlFor="pd-statement" style={{ marginBottom: 8 }}>
              <Input.TextArea
                id="pd-statement"
                rows={4}
                value={statement}
                onChange={(e) => setStatement(e.target.value)}
                placeholder={t('respond.statementHint')}
                maxLength={5000}
                showCount
              />
            </Form.Item>
          </Form>
          <Space wrap>
            <Button
              type="primary"
              onClick={() => void respond(false)}
              loading={busy}
              disabled={!statement.trim() || claim.status !== 'awaiting_merchant'}
            >
              {t('respond.contest')}
            </Button>
            <Button onClick={() => void respond(true)} disabled={busy || claim.status !== 'awaiting_merchant'}>
              {t('respond.accept')}
            </Button>
          </Space>
        </>
      ) : (
        <Typography.Text className="pd-muted">{t('respond.closed')}</Typography.Text>
      )}
      <div>
        <Button icon={<LinkOutlined />} onClick={() => void buyerLink()}>
          {t('respond.buyerLink')}
        </Button>
        {link && (
          <Typography.Paragraph copyable={{ text: link }} className="pd-mono" style={{ marginTop: 8 }}>
            <span aria-label={t('respond.buyerLinkCopied', { hours: 168 })}>{link}</span>
          </Typography.Paragraph>
        )}
      </div>
    </Space>
  );
}
