/**
 * The QR on a technician's work order: it opens the public verification page with the technician's code, so the
 * customer at the door can check the visitor is the brand's. Drawn in the browser with `qrcode` (SVG), the code
 * printed under it for typing in.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Spin, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { call } from '../service/service-api';
import { errorText } from '../service/service-ui';

type TechnicianCode = Schemas['TechnicianCode'];

const TEXT = {
  title: { zh: '师傅身份核验码', en: 'Technician verification code' },
  hint: {
    zh: '请客户用手机相机扫码，或在官方核验页输入下方师傅码，即可确认您是官方认证师傅。',
    en: 'Ask the customer to scan this with their phone camera, or type the code below on the official check page.',
  },
  validUntil: { zh: '有效期至', en: 'Valid until' },
  qrAlt: { zh: '师傅核验二维码', en: 'Technician verification QR code' },
} as const;

/** Statuses in which the order has a technician on it (the server refuses a code otherwise). */
const WITH_TECHNICIAN = new Set([
  'assigned',
  'accepted',
  'on_the_way',
  'on_site',
  'needs_parts',
  'rescheduled',
  'completed',
]);

export function TechnicianQr({ orderId, status }: { readonly orderId: string; readonly status: string }) {
  const { pick } = useI18n();
  const [code, setCode] = useState<TechnicianCode | null>(null);
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const show = WITH_TECHNICIAN.has(status);

  useEffect(() => {
    if (!show) return;
    let live = true;
    call<TechnicianCode>('POST', `/repair-orders/${orderId}/technician-code`)
      .then(async (issued) => {
        const url = `${window.location.origin}${issued.path}`;
        const drawn = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
        if (!live) return;
        setCode(issued);
        setSvg(drawn);
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [orderId, show]);

  if (!show) return null;
  return (
    <Card
      size="small"
      data-testid="technician-qr"
      title={
        <span>
          <SafetyCertificateOutlined /> {pick(TEXT.title)}
        </span>
      }
    >
      {error ? (
        <Alert type="error" showIcon message={errorText(error, pick)} />
      ) : !code || !svg ? (
        <Spin />
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8 }}>
          <div
            role="img"
            aria-label={pick(TEXT.qrAlt)}
            data-url={`${window.location.origin}${code.path}`}
            style={{ width: 180, height: 180 }}
            dangerouslySetInnerHTML={{ __html: svg }}
          />
          <Typography.Text strong copyable style={{ fontSize: 20, letterSpacing: 1 }} data-testid="technician-code">
            {code.display}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
            {pick(TEXT.hint)}
          </Typography.Text>
          <Typography.Text type="secondary">
            {pick(TEXT.validUntil)}{' '}
            {new Date(code.expiresAt).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
