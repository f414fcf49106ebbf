import { Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { homeFor, useSession } from './session';
import { Shell } from './shell';

// One chunk per route: the sign-in page does not load the claim page's viewer, and so on.
const SignInPage = lazy(() => import('../pages/sign-in-page'));
const ReviewQueuePage = lazy(() => import('../pages/review-queue-page'));
const InboxPage = lazy(() => import('../pages/inbox-page'));
const ClaimPage = lazy(() => import('../pages/claim-page'));
const AdminPage = lazy(() => import('../pages/admin-page'));
const CataloguePage = lazy(() => import('../pages/catalogue-page'));
const CheckPage = lazy(() => import('../pages/check-page'));
// The service network's pages load only when opened.
const ServiceBoardPage = lazy(() => import('../pages/service/board-page'));
const ServiceOrderPage = lazy(() => import('../pages/service/order-page'));
const TechPage = lazy(() => import('../pages/service/tech-page'));
const NetworkPage = lazy(() => import('../pages/network/network-page'));
const PlansPage = lazy(() => import('../pages/care/plans-page'));
const OfficialPage = lazy(() => import('../pages/care/official-page'));
const ComplaintsPage = lazy(() => import('../pages/care/complaints-page'));
const ComplaintPage = lazy(() => import('../pages/care/complaint-page'));
const NotificationsPage = lazy(() => import('../pages/care/notifications-page'));
const FeedsPage = lazy(() => import('../pages/feeds/feeds-page'));
const TrustPage = lazy(() => import('../pages/trust/trust-page'));

function Loading() {
  const { t } = useI18n();
  return (
    <div className="pd-center" role="status">
      <Spin /> <span className="pd-muted">{t('common.loading')}</span>
    </div>
  );
}

function RequireUser({ children }: { readonly children: ReactNode }) {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  return <Shell>{children}</Shell>;
}

function Home() {
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  return <Navigate to={user ? homeFor(user) : '/sign-in'} replace />;
}

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('claim.notFound')} />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route
          path="/review"
          element={
            <RequireUser>
              <ReviewQueuePage />
            </RequireUser>
          }
        />
        <Route
          path="/review/:id"
          element={
            <RequireUser>
              <ClaimPage mode="review" />
            </RequireUser>
          }
        />
        <Route
          path="/claims"
          element={
            <RequireUser>
              <InboxPage />
            </RequireUser>
          }
        />
        <Route
          path="/claims/:id"
          element={
            <RequireUser>
              <ClaimPage mode="respond" />
            </RequireUser>
          }
        />
        <Route
          path="/catalogue"
          element={
            <RequireUser>
              <CataloguePage />
            </RequireUser>
          }
        />
        <Route
          path="/check"
          element={
            <RequireUser>
              <CheckPage />
            </RequireUser>
          }
        />
        <Route
          path="/admin"
          element={
            <RequireUser>
              <AdminPage />
            </RequireUser>
          }
        />
        <Route
          path="/service/board"
          element={
            <RequireUser>
              <ServiceBoardPage />
            </RequireUser>
          }
        />
        <Route
          path="/service/orders/:id"
          element={
            <RequireUser>
              <ServiceOrderPage />
            </RequireUser>
          }
        />
        <Route
          path="/tech"
          element={
            <RequireUser>
              <TechPage />
            </RequireUser>
          }
        />
        <Route
          path="/tech/:id"
          element={
            <RequireUser>
              <TechPage />
            </RequireUser>
          }
        />
        <Route
          path="/network"
          element={
            <RequireUser>
              <NetworkPage />
            </RequireUser>
          }
        />
        <Route
          path="/care/complaints"
          element={
            <RequireUser>
              <ComplaintsPage />
            </RequireUser>
          }
        />
        <Route
          path="/care/complaints/:id"
          element={
            <RequireUser>
              <ComplaintPage />
            </RequireUser>
          }
        />
        <Route
          path="/care/official"
          element={
            <RequireUser>
              <OfficialPage />
            </RequireUser>
          }
        />
        <Route
          path="/care/plans"
          element={
            <RequireUser>
              <PlansPage />
            </RequireUser>
          }
        />
        <Route
          path="/care/notifications"
          element={
            <RequireUser>
              <NotificationsPage />
            </RequireUser>
          }
        />
        <Route
          path="/trust"
          element={
            <RequireUser>
              <TrustPage />
            </RequireUser>
          }
        />
        <Route
          path="/feeds"
          element={
            <RequireUser>
              <FeedsPage />
            </RequireUser>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
