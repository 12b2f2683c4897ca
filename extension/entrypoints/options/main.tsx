import { mount } from '@/ui/mount';
import { ConnectPage } from './ConnectPage';
import { SiteAccess } from './SiteAccess';

mount(
  <>
    <ConnectPage />
    <SiteAccess />
  </>,
);
