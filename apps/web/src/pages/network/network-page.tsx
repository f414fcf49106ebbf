/**
 * Outlet and coverage management: outlets (address, area, official phones), technicians (skills, home outlet,
 * rating, capacity, calendar), coverage import from a pasted list of place names (what resolved, what is ambiguous
 * with a candidate to pick, what did not), and the workspace's slot, SLA and product-line settings.
 */
import { App, Tabs, Typography } from 'antd';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { CoverageImportPanel } from './coverage-import';
import { OutletsPanel } from './outlets-panel';
import { SettingsPanel } from './settings-panel';
import { TechniciansPanel } from './technicians-panel';
import '../service/service.css';

export default function NetworkPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const admin = !!user?.roles.includes('admin');
  App.useApp();
  return (
    <>
      <div className="pd-page-head">
        <div>
          <Typography.Title level={3}>{t('net.title')}</Typography.Title>
          <Typography.Text className="pd-muted">{t('net.subtitle')}</Typography.Text>
        </div>
      </div>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'outlets', label: t('net.outlets'), children: <OutletsPanel admin={admin} /> },
          { key: 'technicians', label: t('net.technicians'), children: <TechniciansPanel admin={admin} /> },
          { key: 'coverage', label: t('net.coverage'), children: <CoverageImportPanel admin={admin} /> },
          { key: 'settings', label: t('net.settings'), children: <SettingsPanel admin={admin} /> },
        ]}
      />
    </>
  );
}
