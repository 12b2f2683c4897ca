/**
 * Dates and numbers in the language the extension speaks (`i18n.locale`), the reader's time zone:
 * the same formats as the workspace (`@mentoring/shared/format`).
 */
import { i18n } from '@lingui/core';
import * as shared from '@mentoring/shared/format';

export const formatDay = (day: string): string => shared.formatDay(day, i18n.locale);
export const formatDateTime = (iso: string): string => shared.formatDateTime(iso, i18n.locale);
export const formatNumber = (n: number): string => shared.formatNumber(n, i18n.locale);

/** The start of a long text, cut with an ellipsis, for a glance. */
export const excerpt = (text: string, max = 160): string => (text.length > max ? `${text.slice(0, max)}…` : text);
