import { t } from '@lingui/core/macro';
import { mount } from '@/ui/mount';
import { ConnectPage } from './ConnectPage';
import { SiteAccess } from './SiteAccess';

mount(
  () => (
    <>
      <ConnectPage />
      <SiteAccess />
    </>
  ),
  { title: () => t`Connect to your mentoring workspace` },
);
