import { mount } from '@/ui/mount';
import { SidePanelPage } from './SidePanelPage';

mount(<SidePanelPage />);
