import { t } from '@lingui/core/macro';
import { mount } from '@/ui/mount';
import { ConnectPage } from './ConnectPage';
import { PdfReaderChoice } from './PdfReaderChoice';
import { SiteAccess } from './SiteAccess';

mount(
  () => (
    <>
      <ConnectPage />
      <SiteAccess />
      <PdfReaderChoice />
    </>
  ),
  { title: () => t`Connect to your mentoring workspace` },
);
