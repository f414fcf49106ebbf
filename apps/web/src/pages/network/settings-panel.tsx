/**
 * The workspace's service settings: slot hours and capacity, product lines, and the SLA and escalation minutes
 * (every number in the settings is shown and edited by its path, so new policy fields appear without a new form).
 */
import { App, Alert, Button, Card, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { call, type ServiceSettings } from '../service/service-api';
import { errorText } from '../service/service-ui';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Paths of every number and boolean in `value` (arrays of numbers included), e.g. `sla.responseMinutes`. */
function leaves(value: Json, prefix = ''): { path: string; value: number | boolean }[] {
  if (typeof value === 'number' || typeof value === 'boolean') return [{ path: prefix, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${prefix}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

function setPath(root: Json, path: string, v: Json): Json {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  const copy = structuredClone(root) as Record<string, Json>;
  let at: Record<string, Json> | Json[] = copy;
  for (const k of keys.slice(0, -1)) at = (at)[k] as Record<string, Json>;
  (at)[keys[keys.length - 1]!] = v;
  return copy;
}

export function SettingsPanel({ admin }: { readonly admin: boolean }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const loaded = useLoad(() => call<ServiceSettings>('GET', '/service/settings'), 'settings');
  const [draft, setDraft] = useState<Json | null>(null);
  const [lines, setLines] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setDraft(loaded.data as unknown as Json);
    setLines(loaded.data.productLines.join(', '));
  }, [loaded.data]);

  if (loaded.error) return <Alert type="error" message={errorText(loaded.error, pick)} />;
  if (!draft || !loaded.data) return null;
  const hours = loaded.data.slots?.hours;
  const { version, ...editable } = draft as Record<string, Json>;
  void version;

  const save = async () => {
    setBusy(true);
    try {
      const body = {
        ...(editable as Record<string, Json>),
        productLines: lines
          .split(/[,，、]/)
          .map((s) => s.trim())
          .filter(Boolean),
        ...(loaded.data?.version !== undefined ? { expectedVersion: loaded.data.version } : {}),
      };
      await call('PUT', '/service/settings', body);
      void message.success(t('net.saved'));
      loaded.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };

  const numbers = leaves(editable as Json).filter((l) => !l.path.startsWith('productLines'));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {hours && (
        <Card size="small" title={t('net.settings.slots')}>
          <Form layout="inline">
            {(['morning', 'afternoon', 'evening'] as const).map((slot) => (
              <Form.Item key={slot} label={t(`svc.slot.${slot}`)}>
                <Space.Compact>
                  {(['start', 'end'] as const).map((edge) => (
                    <Input
                      key={edge}
                      aria-label={`${t(`svc.slot.${slot}`)} ${t(`net.settings.${edge}`)}`}
                      style={{ width: 80 }}
                      disabled={!admin}
                      value={
                        ((draft as { slots: { hours: Record<string, Record<string, string>> } }).slots.hours[slot] ??
                          {})[edge]
                      }
                      onChange={(e) => setDraft(setPath(draft, `slots.hours.${slot}.${edge}`, e.target.value))}
                    />
                  ))}
                </Space.Compact>
              </Form.Item>
            ))}
          </Form>
        </Card>
      )}
      <Card size="small" title={t('net.settings.sla')}>
        <Form
          layout="vertical"
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 8 }}
        >
          {numbers.map((leaf) => (
            <Form.Item
              key={leaf.path}
              label={<Typography.Text code>{leaf.path}</Typography.Text>}
              style={{ margin: 0 }}
            >
              {typeof leaf.value === 'boolean' ? (
                <Switch
                  aria-label={leaf.path}
                  checked={leaf.value}
                  disabled={!admin}
                  onChange={(v) => setDraft(setPath(draft, leaf.path, v))}
                />
              ) : (
                <InputNumber
                  aria-label={leaf.path}
                  value={leaf.value}
                  disabled={!admin}
                  onChange={(v) => setDraft(setPath(draft, leaf.path, v ?? 0))}
                />
              )}
            </Form.Item>
          ))}
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
