/** Unit tests read messages as written in the source (English), as the app does before catalogs load. */
import { i18n } from '@lingui/core';

export function speakEnglish(): void {
  i18n.loadAndActivate({ locale: 'en', messages: {} });
}
