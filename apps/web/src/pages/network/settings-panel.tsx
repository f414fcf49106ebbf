/**
 * The workspace's service settings: slot hours and capacity per technician, the SLA policy (response, arrival and
 * resolution minutes on business time, the hours that count, the delays of the escalation ladder), the inspection
 * fee policy, and the product lines.
 */
import { App, Alert, Button, Card, Form, Input, InputNumber, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { yuan } from '../../app/format';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { call, SLOTS, type ServiceSettings, type VersionedSettings } from '../service/service-api';
import { errorText } from '../service/service-ui';

const LEVELS = ['dispatcher', 'outlet_manager', 'brand'] as const;
const COMPLAINT_LEVELS = ['outlet', 'region', 'brand'] as const;

export function SettingsPanel({ admin }: { readonly admin: boolean }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const loaded = useLoad(() => call<VersionedSettings>('GET', '/service/settings'), 'settings');
  const [draft, setDraft] = useState<ServiceSettings | null>(null);
  const [lines, setLines] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setDraft(loaded.data.settings);
    setLines(loaded.data.settings.productLines.join('，'));
  }, [loaded.data]);

  if (loaded.error) return <Alert type="error" message={errorText(loaded.error, pick)} />;
  if (!draft || !loaded.data) return null;
  const d = draft;

  const save = async () => {
    setBusy(true);
    try {
      const productLines = lines
        .split(/[,，、\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
      await call('PUT', '/service/settings', { ...d, productLines, expectedVersion: loaded.data?.version });
      void message.success(t('net.saved'));
      loaded.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };

  const minutes = (label: string, value: number, set: (v: number) => void) => (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      <InputNumber aria-label={label} min={0} value={value} disabled={!admin} onChange={(v) => set(v ?? 0)} />
    </Form.Item>
  );
  const clockWindow = (
    label: string,
    value: { start: string; end: string },
    set: (v: { start: string; end: string }) => void,
  ) => (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      <Space.Compact>
        <Input
          aria-label={`${label} ${t('net.settings.start')}`}
          style={{ width: 80 }}
          value={value.start}
          disabled={!admin}
          onChange={(e) => set({ ...value, start: e.target.value })}
        />
        <Input
          aria-label={`${label} ${t('net.settings.end')}`}
          style={{ width: 80 }}
          value={value.end}
          disabled={!admin}
          onChange={(e) => set({ ...value, end: e.target.value })}
        />
      </Space.Compact>
    </Form.Item>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('net.settings.slots')}>
        <Form layout="inline">
          {SLOTS.map((slot) =>
            clockWindow(t(`svc.slot.${slot}`), d.slots.hours[slot], (v) =>
              setDraft({ ...d, slots: { ...d.slots, hours: { ...d.slots.hours, [slot]: v } } }),
            ),
          )}
          {minutes(t('net.settings.capacity'), d.slots.capacityPerTechnician, (v) =>
            setDraft({ ...d, slots: { ...d.slots, capacityPerTechnician: v } }),
          )}
        </Form>
      </Card>
      <Card size="small" title={t('net.settings.sla')}>
        <Form layout="inline">
          {minutes(t('net.settings.response'), d.sla.responseMinutes, (v) =>
            setDraft({ ...d, sla: { ...d.sla, responseMinutes: v } }),
          )}
          {minutes(t('net.settings.arrival'), d.sla.arrivalMinutes, (v) =>
            setDraft({ ...d, sla: { ...d.sla, arrivalMinutes: v } }),
          )}
          {minutes(t('net.settings.resolution'), d.sla.resolutionMinutes, (v) =>
            setDraft({ ...d, sla: { ...d.sla, resolutionMinutes: v } }),
          )}
          {clockWindow(t('net.settings.hours'), d.sla.hours, (v) => setDraft({ ...d, sla: { ...d.sla, hours: v } }))}
        </Form>
      </Card>
      <Card size="small" title={t('net.settings.escalation')}>
        <Form layout="inline">
          {LEVELS.map((level) =>
            minutes(t(`svc.level.${level}`), d.sla.escalationDelayMinutes[level], (v) =>
              setDraft({
                ...d,
                sla: { ...d.sla, escalationDelayMinutes: { ...d.sla.escalationDelayMinutes, [level]: v } },
              }),
            ),
          )}
        </Form>
      </Card>
      <Card size="small" title={t('net.settings.complaints')}>
        <Form layout="inline">
          {minutes(t('net.settings.acknowledge'), d.complaints.acknowledgeMinutes, (v) =>
            setDraft({ ...d, complaints: { ...d.complaints, acknowledgeMinutes: v } }),
          )}
          {minutes(t('net.settings.resolve'), d.complaints.resolveMinutes, (v) =>
            setDraft({ ...d, complaints: { ...d.complaints, resolveMinutes: v } }),
          )}
          {clockWindow(t('net.settings.complaintHours'), d.complaints.hours, (v) =>
            setDraft({ ...d, complaints: { ...d.complaints, hours: v } }),
          )}
        </Form>
        <Form layout="inline">
          {COMPLAINT_LEVELS.map((level) =>
            minutes(t(`net.settings.complaintLevel.${level}`), d.complaints.escalationDelayMinutes[level], (v) =>
              setDraft({
                ...d,
                complaints: {
                  ...d.complaints,
                  escalationDelayMinutes: { ...d.complaints.escalationDelayMinutes, [level]: v },
                },
              }),
            ),
          )}
        </Form>
      </Card>
      <Card size="small" title={t('net.settings.inspection')}>
        <Form layout="inline">
          <Form.Item label={t('net.settings.freeFirst')}>
            <Switch
              aria-label={t('net.settings.freeFirst')}
              checked={d.inspection.freeFirstInspection}
              disabled={!admin}
              onChange={(v) => setDraft({ ...d, inspection: { ...d.inspection, freeFirstInspection: v } })}
            />
          </Form.Item>
          <Form.Item label={t('net.settings.freeInWarranty')}>
            <Switch
              aria-label={t('net.settings.freeInWarranty')}
              checked={d.inspection.freeInWarranty}
              disabled={!admin}
              onChange={(v) => setDraft({ ...d, inspection: { ...d.inspection, freeInWarranty: v } })}
            />
          </Form.Item>
          <Form.Item label={t('net.settings.inspectionFee')}>
            <InputNumber
              aria-label={t('net.settings.inspectionFee')}
              min={0}
              value={Number(yuan(d.inspection.inspectionFeeFen).replace(/,/g, ''))}
              disabled={!admin}
              onChange={(v) =>
                setDraft({ ...d, inspection: { ...d.inspection, inspectionFeeFen: Math.round((v ?? 0) * 100) } })
              }
            />
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title={t('net.settings.productLines')}>
        <Input
          aria-label={t('net.settings.productLines')}
          value={lines}
          disabled={!admin}
          onChange={(e) => setLines(e.target.value)}
        />
      </Card>
      {admin && (
        <Button type="primary" onClick={() => void save()} loading={busy}>
          {t('net.save')}
        </Button>
      )}
    </Space>
  );
}
