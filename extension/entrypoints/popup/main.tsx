import { mount } from '@/ui/mount';
import { PopupPage } from './PopupPage';

mount(<PopupPage />);
