import { App, Button, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { ApiError, api, unwrap, type Claim } from '../api/client';
import { DECIDABLE } from '../app/claims-data';
import { useI18n } from '../i18n/i18n';

type Outcome = 'approved' | 'partially_approved' | 'rejected';
const REASONS = [
  'evidence_forged',
  'ai_generated',
  'evidence_reused',
  'damage_verified',
  'goodwill',
  'insufficient_evidence',
  'other',
] as const;

interface Values {
  readonly outcome: Outcome;
  readonly reasonCode: (typeof REASONS)[number];
  readonly note?: string;
  readonly approvedYuan?: number;
}

/** Approve, partially approve (with an amount) or reject, with a reason code and a note; the server audits it. */
export function DecisionForm({ claim, onDecided }: { readonly claim: Claim; readonly onDecided: (c: Claim) => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const [busy, setBusy] = useState(false);
  if (!DECIDABLE.includes(claim.status)) return <span className="pd-muted">{t('decision.notDecidable')}</span>;

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      const decided = unwrap(
        await api.POST('/api/v1/claims/{id}/decision', {
          params: { path: { id: claim.id } },
          body: {
            outcome: values.outcome,
            reasonCode: values.reasonCode,
            ...(values.note ? { note: values.note } : {}),
            ...(values.outcome === 'partially_approved' && values.approvedYuan
              ? { approvedAmountFen: Math.round(values.approvedYuan * 100) }
              : {}),
          },
        }),
      );
      void message.success(t('decision.done'));
      onDecided(decided);
    } catch (e) {
      void message.error(e instanceof ApiError ? pick(e.text) : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => void submit(v)}
      initialValues={{ outcome: claim.flagged ? 'rejected' : 'approved' }}
    >
      <Form.Item label={t('decision.outcome')} name="outcome" rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid">
          <Radio.Button value="approved">{t('decision.approved')}</Radio.Button>
          <Radio.Button value="partially_approved">{t('decision.partially_approved')}</Radio.Button>
          <Radio.Button value="rejected">{t('decision.rejected')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      {outcome === 'partially_approved' && (
        <Form.Item
          label={t('decision.approvedAmount')}
          name="approvedYuan"
          rules={[{ required: true, message: t('auth.required') }]}
        >
          <InputNumber min={0.01} max={claim.amountFen / 100} precision={2} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item
        label={t('decision.reasonCode')}
        name="reasonCode"
        rules={[{ required: true, message: t('auth.required') }]}
      >
        <Select
          aria-label={t('decision.reasonCode')}
          options={REASONS.map((r) => ({ value: r, label: `${t(`decision.reason.${r}`)} · ${r}` }))}
        />
      </Form.Item>
      <Form.Item label={t('decision.note')} name="note">
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        {t('decision.submit')}
      </Button>
    </Form>
  );
}
