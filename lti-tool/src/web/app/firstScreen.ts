/**
 * The first screen's data that the tool wrote into the page a launch opened (http/first-screen.ts),
 * put into the query cache before anything asks for it.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { FirstScreenData } from '@mentoring/shared';
import { meKeys } from '../api/me.ts';
import { partnershipKeys } from '../api/partnerships.ts';

export function readFirstScreen(doc: Pick<Document, 'getElementById'>): FirstScreenData | undefined {
  const text = doc.getElementById('first-screen')?.textContent;
  if (!text) return undefined;
  try {
    const data = JSON.parse(text) as FirstScreenData;
    return data.me ? data : undefined;
  } catch {
    return undefined;
  }
}

export function seedFirstScreen(queryClient: QueryClient, data: FirstScreenData) {
  queryClient.setQueryData(meKeys.me(), data.me);
  if (data.partnerships) queryClient.setQueryData(partnershipKeys.list(), data.partnerships);
}
