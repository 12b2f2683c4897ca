import { mount } from '@/ui/mount';
import { PickerPage } from './PickerPage';

mount(<PickerPage id={new URLSearchParams(location.search).get('id') ?? ''} />);
