import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/i18n';
import { VerifyApp } from './verify-app';
import '../buyer/buyer.css';
import './verify.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <VerifyApp />
    </I18nProvider>
  </StrictMode>,
);
