import { t } from '@lingui/core/macro';
import { mount } from '@/ui/mount';
import { PopupPage } from './PopupPage';

mount(() => <PopupPage />, { title: () => t`Mentoring workspace`, refreshLanguage: true });
