import { mount } from '@/ui/mount';
import { ConnectPage } from './ConnectPage';

mount(<ConnectPage />);
