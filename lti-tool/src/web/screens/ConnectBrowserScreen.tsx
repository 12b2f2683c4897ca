import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { BrowserConnection, PairingCode } from '@mentoring/shared';
import { useConnections, useCreatePairingCode, useRevokeConnection } from '../api/connections.ts';
import { ConfirmDialog } from '../components/Dialog.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ErrorNotice, Loading } from '../components/QueryState.tsx';
import { useNotify } from '../components/Toaster.tsx';
import { useNow } from '../components/useNow.ts';
import { formatCountdown, formatDate, formatRelative, secondsUntil } from '../lib/dates.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

/**
 * Connecting the clipping extension: a single-use code, valid ten minutes, that the extension
 * exchanges for its own revocable token. The list shows every connected browser, to revoke.
 */
export function ConnectBrowserScreen() {
  const [code, setCode] = useState<PairingCode | null>(null);
  const create = useCreatePairingCode();
  const now = useNow(code !== null);
  const remaining = code ? secondsUntil(code.expiresAt, now) : 0;
  const showing = code !== null && remaining > 0;
  const connections = useConnections(showing);
  const notify = useNotify();
  const toolUrl = window.location.origin;

  // A browser that connects while the code is shown has used it: say so, and put the code away.
  const list = connections.data?.connections;
  const seen = useRef<string[] | null>(null);
  useEffect(() => {
    if (!list) return;
    const before = seen.current;
    seen.current = list.map((c) => c.id);
    const added = before && list.find((c) => !before.includes(c.id));
    if (added && showing) {
      setCode(null);
      notify({ message: t`Connected: ${added.label}.` });
    }
  }, [list, showing, notify]);

  return (
    <>
      <PageTitle>
        <Trans>Connect your browser</Trans>
      </PageTitle>
      <p className="lead">
        <Trans>
          With the mentoring extension you can clip a passage from anything you read, add a note, and file it under a
          goal or as a question for your next conversation.
        </Trans>
      </p>

      <div className="connect-grid">
        <section className="card section" aria-labelledby="steps">
          <h2 id="steps">
            <Trans>How to connect</Trans>
          </h2>
          <ol className="steps">
            <li>
              <Trans>Install the mentoring extension in Chrome or Firefox.</Trans>
            </li>
            <li>
              <Trans>Open the extension’s options and paste this tool address:</Trans>
              <CopyField value={toolUrl} label={t`Tool address`} />
            </li>
            <li>
              <Trans>
                Get a pairing code here and type it into the extension. The code works once, for 10 minutes.
              </Trans>
            </li>
          </ol>

          <div className="pairing" aria-live="polite">
            {showing ? (
              <>
                <p className="pairing-label">
                  <Trans>Your pairing code</Trans>
                </p>
                <p className="pairing-code" aria-label={t`Pairing code: ${code.code.split('').join(' ')}`}>
                  {code.code}
                </p>
                <p className="muted">
                  <Trans>
                    Valid for{' '}
                    <span className="countdown" aria-hidden="true">
                      {formatCountdown(remaining)}
                    </span>
                    <span className="visually-hidden">
                      <Trans>10 minutes</Trans>
                    </span>
                    . It can be used once.
                  </Trans>
                </p>
              </>
            ) : code ? (
              <p className="muted">
                <Trans>That code has expired. Get a new one when you are ready.</Trans>
              </p>
            ) : null}
            {create.isError && <ErrorNotice error={create.error} />}
            <Button
              className={`button ${showing ? '' : 'primary'}`}
              isPending={create.isPending}
              onPress={() => create.mutate(undefined, { onSuccess: setCode })}
            >
              {showing ? t`Get a new code` : t`Get a pairing code`}
            </Button>
          </div>
        </section>

        <section className="card section" aria-labelledby="connected">
          <h2 id="connected">
            <Trans>Connected browsers</Trans>
          </h2>
          {connections.isPending ? (
            <Loading />
          ) : connections.isError ? (
            <ErrorNotice error={connections.error} retry={() => void connections.refetch()} />
          ) : connections.data.connections.length === 0 ? (
            <p className="muted">
              <Trans>
                No browsers connected yet. Once you enter a code in the extension, the browser appears here.
              </Trans>
            </p>
          ) : (
            <ul className="connections">
              {connections.data.connections.map((c) => (
                <ConnectionRow key={c.id} connection={c} />
              ))}
            </ul>
          )}
          <p className="muted small">
            <Trans>
              Revoking a browser stops its access at once. Clips it has not sent yet stay in that browser until you
              connect it again.
            </Trans>
          </p>
        </section>
      </div>
    </>
  );
}

function ConnectionRow({ connection: c }: { connection: BrowserConnection }) {
  const revoke = useRevokeConnection();
  return (
    <li className="connection">
      <div>
        <p className="connection-label">{c.label}</p>
        <p className="muted small">
          <Trans>Connected {formatDate(c.createdAt)} · </Trans>
          {c.lastUsedAt ? `last used ${formatRelative(c.lastUsedAt)}` : t`not used yet`}
        </p>
        {revoke.isError && <ErrorNotice error={revoke.error} />}
      </div>
      <ConfirmDialog
        title={t`Revoke ${c.label}?`}
        trigger={
          <Button className="button small danger-outline" isPending={revoke.isPending}>
            <Trans>Revoke</Trans>
          </Button>
        }
        body={
          <p>
            <Trans>
              The extension in this browser will stop working with your workspaces until you connect it again with a new
              code.
            </Trans>
          </p>
        }
        confirmLabel={t`Revoke`}
        onConfirm={() => revoke.mutate(c.id)}
      />
    </li>
  );
}

/** A value to paste elsewhere, with a copy button; selecting the field works where the clipboard is blocked. */
function CopyField({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2_000);
    } catch {
      ref.current?.select();
    }
  };
  return (
    <span className="copy-field">
      <input ref={ref} readOnly value={value} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
      <Button className="button small" onPress={() => void copy()}>
        {copied ? t`Copied` : t`Copy`}
      </Button>
    </span>
  );
}
