import { t } from '@lingui/core/macro';
import { mount } from '@/ui/mount';
import { SidePanelPage } from './SidePanelPage';

mount(() => <SidePanelPage />, { title: () => t`Mentoring workspace`, refreshLanguage: true });
