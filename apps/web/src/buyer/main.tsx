import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/i18n';
import { BuyerPage } from './buyer-page';
import './buyer.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <BuyerPage />
    </I18nProvider>
  </StrictMode>,
);
