/**
 * The toolbar popup: clip the selection, open the side panel, and see what waits in the outbox
 * and why (offline, signed out, tool error) with the last error message.
 */
import { Trans } from '@lingui/react/macro';
import { plural, t } from '@lingui/core/macro';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useMutation } from '@tanstack/react-query';
import { waitingMessage } from '@/lib/clip-flow';
import type { Connection } from '@/lib/connection';
import { askBackground } from '@/lib/messages';
import type { OutboxStatus } from '@/lib/outbox';
import { openSidePanel } from '@/lib/side-panel';
import { describeError } from '@/lib/problems';
import { signedOutReason } from '@/lib/tool';
import { excerpt, formatNumber } from '@/lib/format';
import { useConnection, useKeptPassages, useOutboxStatus, useQueue } from '@/ui/use-stored';
import { Quote } from '@/ui/Quote';
import { OpenInReader } from './OpenInReader';

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) throw new Error(t`No tab is open in this window.`);
  return tab;
}

export function PopupPage() {
  const connection = useConnection();
  const queue = useQueue();
  const status = useOutboxStatus();

  const clip = useMutation({
    mutationFn: async () => askBackground({ type: 'clip:active-tab', tabId: (await activeTab()).id! }),
    onSuccess: () => window.close(),
  });
  const retry = useMutation({ mutationFn: () => askBackground({ type: 'outbox:retry' }) });
  const discard = useMutation({ mutationFn: (id: string) => askBackground({ type: 'outbox:discard', id }) });
  const [windowId, setWindowId] = useState<number>();
  const [panelError, setPanelError] = useState<unknown>(null);
  useEffect(() => void browser.windows.getCurrent().then((w) => setWindowId(w.id)), []);
  // Called right in the click, without awaiting first: the side panel opens only during a user gesture.
  const openPanel = () => {
    if (windowId !== undefined) openSidePanel(windowId).then(() => window.close(), setPanelError);
  };

  return (
    <main aria-labelledby="popup-title">
      <h1 id="popup-title">
        <Trans>Mentoring workspace</Trans>
      </h1>
      <ConnectionLine connection={connection} />
      <div className="actions">
        <button className="primary" type="button" onClick={() => clip.mutate()} disabled={clip.isPending} autoFocus>
          <Trans>Clip the selection</Trans>
        </button>
        <button type="button" onClick={openPanel}>
          <Trans>Open side panel</Trans>
        </button>
      </div>
      <p className="hint">
        <Trans>Or right-click a selection, or press Alt+Shift+C.</Trans>
      </p>
      <OpenInReader />
      {clip.error || panelError ? (
        <p className="error" role="alert">
          {describeError(clip.error ?? panelError)}
        </p>
      ) : null}

      {queue.length > 0 && (
        <section aria-labelledby="outbox-title">
          <h2 id="outbox-title">
            {plural(queue.length, { one: '# clip waits to be sent', other: '# clips wait to be sent' })}
          </h2>
          <p className="notice" role="status">
            {whyWaiting(status, connection === null)}
          </p>
          {status?.message && (
            <p className="hint">
              <Trans>Last error: {status.message}</Trans>
            </p>
          )}
          <ul className="plain">
            {queue.map((c) => (
              <li key={c.id}>
                <Quote text={c.body.quote} max={120} className="passage" />
                {c.held && <p className="error">{waitingMessage(c, status ?? null)}</p>}
                {!c.held && c.lastError && (
                  <p className="hint">
                    <Trans>
                      Tried {formatNumber(c.attempts)}×: {c.lastError}
                    </Trans>
                  </p>
                )}
                {c.held && (
                  <button type="button" onClick={() => discard.mutate(c.id)} aria-label={discardLabel(c.body.quote)}>
                    <Trans>Discard</Trans>
                  </button>
                )}
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" onClick={() => retry.mutate()} disabled={retry.isPending}>
              {retry.isPending ? t`Sending…` : t`Retry now`}
            </button>
          </div>
        </section>
      )}
      <KeptPassages />
    </main>
  );
}

/** Passages kept while no partnership could be chosen, each to be filed in the picker or discarded. */
function KeptPassages() {
  const kept = useKeptPassages();
  const file = useMutation({
    mutationFn: (id: string) => askBackground({ type: 'kept:file', id }),
    onSuccess: () => window.close(),
  });
  const discard = useMutation({ mutationFn: (id: string) => askBackground({ type: 'kept:discard', id }) });
  if (!kept.length) return null;
  return (
    <section aria-labelledby="kept-title">
      <h2 id="kept-title">
        {plural(kept.length, { one: '# passage kept for filing', other: '# passages kept for filing' })}
      </h2>
      <ul className="plain">
        {kept.map((k) => (
          <li key={k.id}>
            <Quote text={k.capture.quote} max={120} className="passage" />
            <p className="hint">
              <bdi>{k.capture.title || k.capture.url}</bdi>
            </p>
            <div className="actions">
              <button type="button" className="primary" onClick={() => file.mutate(k.id)} disabled={file.isPending}>
                <Trans>File it</Trans>
              </button>
              <button type="button" onClick={() => discard.mutate(k.id)}>
                <Trans>Discard</Trans>
              </button>
            </div>
          </li>
        ))}
      </ul>
      {(file.error || discard.error) && (
        <p className="error" role="alert">
          {describeError(file.error ?? discard.error)}
        </p>
      )}
    </section>
  );
}

function ConnectionLine({ connection }: { connection: Connection | null | undefined }) {
  if (connection === undefined) return null;
  if (!connection) {
    return (
      <p className="notice">
        <Trans>Not connected.</Trans>{' '}
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          <Trans>Connect your browser</Trans>
        </button>
      </p>
    );
  }
  if (!connection.token) {
    return (
      <p className="notice" role="alert">
        <Trans>Signed out: {signedOutReason(connection)}.</Trans>{' '}
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          <Trans>Connect again</Trans>
        </button>
      </p>
    );
  }
  return (
    <p className="hint">
      <Trans>
        Connected as <bdi>{connection.me.person.name}</bdi>
      </Trans>{' '}
      ·{' '}
      <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
        <Trans>Connection</Trans>
      </button>
    </p>
  );
}

function whyWaiting(status: OutboxStatus | null | undefined, notConnected: boolean): string {
  if (notConnected) return t`This browser is not connected: they will be sent once you connect it.`;
  switch (status?.state) {
    case 'offline':
      return t`Offline: the tool could not be reached. They are sent automatically when it can be.`;
    case 'signed-out':
      return t`Signed out: the tool no longer accepts this browser. Connect again and they are sent.`;
    case 'not-connected':
      return t`This browser is not connected: they will be sent once you connect it.`;
    case 'tool-error':
      return t`The tool had a problem. They are retried automatically; held ones need you to retry or discard them.`;
    default:
      return t`They are being sent.`;
  }
}

function discardLabel(quote: string): string {
  const start = excerpt(quote, 40);
  return t`Discard the clip “${start}”`;
}
