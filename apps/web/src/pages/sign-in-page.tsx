import { SafetyCertificateFilled } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { LanguageSwitch } from '../app/language-switch';
import { homeFor, useSession } from '../app/session';
import { useI18n } from '../i18n/i18n';

interface Credentials {
  readonly email: string;
  readonly password: string;
}

export default function SignInPage() {
  const { t, pick, lang } = useI18n();
  const { user, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (user) return <Navigate to={params.get('next') ?? homeFor(user)} replace />;

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signIn(values.email, values.password);
      await navigate(params.get('next') ?? homeFor(signedIn), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.text) : t('auth.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pd-signin">
      <section className="pd-signin-hero">
        <div>
          <SafetyCertificateFilled style={{ fontSize: 40, color: '#adc6ff' }} aria-hidden />
          <Typography.Title level={2}>{t('app.name')}</Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,.85)', fontSize: 16 }}>
            {t('app.tagline')}
          </Typography.Paragraph>
          <ul>
            {lang === 'zh' ? (
              <>
                <li>识别由商品主图改出的“损坏”照片，并标出修改区域</li>
                <li>读取 C2PA 内容凭证与 AIGC 隐式标识</li>
                <li>跨申请、跨店铺的照片复用检索</li>
                <li>商家响应期、人工审核、可验证的审计链</li>
              </>
            ) : (
              <>
                <li>Catches “damage” painted onto your own listing photos, and outlines the edit</li>
                <li>Reads C2PA Content Credentials and China&apos;s AIGC labels</li>
                <li>Finds photos reused across claims and shops</li>
                <li>Merchant response window, human review, a verifiable audit chain</li>
              </>
            )}
          </ul>
        </div>
        <Typography.Text style={{ color: 'rgba(255,255,255,.55)' }}>© Proofdesk</Typography.Text>
      </section>
      <main className="pd-signin-form">
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 32 }}>
          <LanguageSwitch />
        </div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('auth.title')}
        </Typography.Title>
        <Typography.Paragraph className="pd-muted">{t('auth.subtitle')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} size="large">
          <Form.Item label={t('auth.email')} name="email" rules={[{ required: true, message: t('auth.required') }]}>
            <Input type="email" autoComplete="username" />
          </Form.Item>
          <Form.Item
            label={t('auth.password')}
            name="password"
            rules={[{ required: true, message: t('auth.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.signIn')}
          </Button>
        </Form>
      </main>
    </div>
  );
}
