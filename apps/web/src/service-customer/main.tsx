import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/i18n';
import { CustomerApp } from './customer-app';
import '../buyer/buyer.css';
import './customer.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <CustomerApp />
    </I18nProvider>
  </StrictMode>,
);
