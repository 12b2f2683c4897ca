/**
 * The side panel: one partnership at a glance beside the reading — clips on this page (also those
 * not found on it), the next conversation's agenda, goals with actions, open prompts, commitments
 * due and recent clips. Clicking a clip opens its page at the passage.
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { useStored, useConnection } from '@/ui/use-stored';
import { rememberPartnership, useChosenPartnership } from '@/ui/remembered-partnership';
import { usePartnerships, useRefetchOnConnectionChange } from '@/ui/tool-queries';
import { useActiveTabId } from '@/ui/use-active-tab';
import { partnershipLabel } from '@/lib/partnership-label';
import { pageStateItem } from '@/lib/stored';
import { describeError } from '@/lib/tool';
import { PartnershipOverview } from './PartnershipOverview';

export function SidePanelPage() {
  const connection = useConnection();
  useRefetchOnConnectionChange(connection);
  const partnerships = usePartnerships(connection);
  const remembered = useChosenPartnership(partnerships.data?.data);
  const [picked, setPicked] = useState<string | null>(null);
  const partnershipId = picked ?? remembered;
  const tabId = useActiveTabId();
  const page = useStored(tabId === null ? null : pageStateItem(tabId));

  if (connection === undefined) return <p>Loading…</p>;
  if (!connection?.token) {
    return (
      <main>
        <h1>Mentoring workspace</h1>
        <p className="notice" role="alert">
          {connection
            ? `Signed out: ${connection.signedOutReason ?? 'the tool no longer accepts this browser'}.`
            : 'This browser is not connected yet.'}{' '}
          <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
            Connect
          </button>
        </p>
      </main>
    );
  }
  const me = connection.me.person.id;
  return (
    <main aria-labelledby="panel-title">
      <h1 id="panel-title">Mentoring workspace</h1>
      {partnerships.isPending ? (
        <p>Loading your partnerships…</p>
      ) : partnerships.error ? (
        <p className="error" role="alert">
          {describeError(partnerships.error)}
        </p>
      ) : partnerships.data.data.length === 0 ? (
        <p className="notice">You have no active partnership yet.</p>
      ) : (
        <>
          {partnerships.data.staleBecause && (
            <p className="notice">Offline: showing what was saved ({partnerships.data.staleBecause}).</p>
          )}
          <label htmlFor="partnership">Partnership</label>
          <select
            id="partnership"
            value={partnershipId ?? ''}
            onChange={(e) => {
              setPicked(e.target.value);
              void rememberPartnership(e.target.value);
            }}
          >
            {partnerships.data.data.map((p) => (
              <option key={p.id} value={p.id}>
                {partnershipLabel(p, me)}
              </option>
            ))}
          </select>
          {partnershipId && (
            <PartnershipOverview
              key={partnershipId}
              partnership={partnerships.data.data.find((p) => p.id === partnershipId)!}
              connection={connection}
              page={page ?? null}
              tabId={tabId}
            />
          )}
        </>
      )}
    </main>
  );
}
