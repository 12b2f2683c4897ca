/**
 * The side panel: one partnership at a glance beside the reading — clips on this page (also those
 * not found on it), the next conversation's agenda, goals with actions, open prompts, commitments
 * due and recent clips. Clicking a clip opens its page at the passage.
 */
import { Trans } from '@lingui/react/macro';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { useStored, useConnection } from '@/ui/use-stored';
import { rememberPartnership, useChosenPartnership } from '@/ui/remembered-partnership';
import { usePartnerships, useRefetchOnConnectionChange } from '@/ui/tool-queries';
import { useActiveTabId } from '@/ui/use-active-tab';
import { partnershipLabel } from '@/lib/partnership-label';
import { pageStateItem } from '@/lib/stored';
import { describeError } from '@/lib/problems';
import { signedOutReason } from '@/lib/tool';
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

  if (connection === undefined)
    return (
      <p>
        <Trans>Loading…</Trans>
      </p>
    );
  if (!connection?.token) {
    return (
      <main>
        <h1>
          <Trans>Mentoring workspace</Trans>
        </h1>
        <p className="notice" role="alert">
          {connection ? (
            <Trans>Signed out: {signedOutReason(connection)}.</Trans>
          ) : (
            <Trans>This browser is not connected yet.</Trans>
          )}{' '}
          <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
            <Trans>Connect</Trans>
          </button>
        </p>
      </main>
    );
  }
  const me = connection.me.person.id;
  return (
    <main aria-labelledby="panel-title">
      <h1 id="panel-title">
        <Trans>Mentoring workspace</Trans>
      </h1>
      {partnerships.isPending ? (
        <p>
          <Trans>Loading your partnerships…</Trans>
        </p>
      ) : partnerships.error ? (
        <p className="error" role="alert">
          {describeError(partnerships.error)}
        </p>
      ) : partnerships.data.data.length === 0 ? (
        <p className="notice">
          <Trans>You have no active partnership yet.</Trans>
        </p>
      ) : (
        <>
          {partnerships.data.staleBecause && (
            <p className="notice">
              <Trans>Offline: showing what was saved ({partnerships.data.staleBecause}).</Trans>
            </p>
          )}
          <label htmlFor="partnership">
            <Trans>Partnership</Trans>
          </label>
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
