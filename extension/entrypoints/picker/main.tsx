import { t } from '@lingui/core/macro';
import { mount } from '@/ui/mount';
import { PickerPage } from './PickerPage';

mount(() => <PickerPage id={new URLSearchParams(location.search).get('id') ?? ''} />, {
  title: () => t`Clip to mentoring workspace`,
});
