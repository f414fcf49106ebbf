import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  FileSearchOutlined,
  InboxOutlined,
  InsuranceOutlined,
  LineChartOutlined,
  LogoutOutlined,
  SafetyCertificateFilled,
  SettingOutlined,
  ShareAltOutlined,
  ShopOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './language-switch';
import { can, canService, useSession, worksOnClaims } from './session';

/** The signed-in frame: brand and menu on the left (a drawer-like collapse on phones), user and language on top. */
export function Shell({ children }: { readonly children: ReactNode }) {
  const { t, pick } = useI18n();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const section = '/' + (location.pathname.split('/')[1] ?? '');
  const items = [
    ...(can(user, 'decide') ? [{ key: '/review', icon: <AuditOutlined />, label: t('nav.review') }] : []),
    ...(worksOnClaims(user) ? [{ key: '/claims', icon: <InboxOutlined />, label: t('nav.claims') }] : []),
    ...(can(user, 'check') ? [{ key: '/check', icon: <FileSearchOutlined />, label: t('nav.check') }] : []),
    ...(can(user, 'respond') ? [{ key: '/catalogue', icon: <ShopOutlined />, label: t('nav.catalogue') }] : []),
    ...(canService(user, 'board')
      ? [{ key: '/service', icon: <CalendarOutlined />, label: t('nav.serviceBoard') }]
      : []),
    ...(canService(user, 'tech') ? [{ key: '/tech', icon: <ToolOutlined />, label: t('nav.tech') }] : []),
    ...(canService(user, 'network') ? [{ key: '/network', icon: <ApartmentOutlined />, label: t('nav.network') }] : []),
    ...(canService(user, 'board')
      ? [{ key: '/care/complaints', icon: <CustomerServiceOutlined />, label: t('nav.complaints') }]
      : []),
    ...(canService(user, 'network')
      ? [{ key: '/care/official', icon: <SafetyCertificateFilled />, label: t('nav.official') }]
      : []),
    ...(canService(user, 'board')
      ? [{ key: '/care/plans', icon: <InsuranceOutlined />, label: t('nav.carePlans') }]
      : []),
    { key: '/care/notifications', icon: <BellOutlined />, label: t('nav.notifications') },
    ...(can(user, 'decide')
      ? [{ key: '/trust', icon: <LineChartOutlined />, label: pick({ zh: '买家信用', en: 'Buyer credit' }) }]
      : []),
    ...(can(user, 'admin')
      ? [{ key: '/feeds', icon: <ShareAltOutlined />, label: pick({ zh: '欺诈信号源', en: 'Fraud feeds' }) }]
      : []),
    ...(can(user, 'admin') ? [{ key: '/admin', icon: <SettingOutlined />, label: t('nav.admin') }] : []),
  ];
  return (
    <Layout className="pd-shell">
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={216} theme="dark" className="pd-sider">
        <div className="pd-brand">
          <SafetyCertificateFilled className="pd-brand-icon" aria-hidden />
          <div>
            <div className="pd-brand-name">{t('app.name')}</div>
            <div className="pd-brand-tag">{t('app.tagline')}</div>
          </div>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          aria-label={t('nav.menu')}
          selectedKeys={[section, location.pathname.split('/').slice(0, 3).join('/')]}
          items={items}
          onClick={({ key }) => void navigate(key === '/service' ? '/service/board' : key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="pd-header">
          <Space size="middle" className="pd-header-right">
            <LanguageSwitch />
            <Space size={8}>
              <Avatar size="small" style={{ background: '#1d39c4' }}>
                {user?.displayName.slice(0, 1)}
              </Avatar>
              <Typography.Text className="pd-user-name">{user?.displayName}</Typography.Text>
            </Space>
            <Tooltip title={t('auth.signOut')}>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                aria-label={t('auth.signOut')}
                onClick={() => void signOut().then(() => navigate('/sign-in'))}
              />
            </Tooltip>
          </Space>
        </Layout.Header>
        <Layout.Content className="pd-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
