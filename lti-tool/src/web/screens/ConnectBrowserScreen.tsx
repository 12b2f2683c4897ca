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
      notify({ message: `Connected: ${added.label}.` });
    }
  }, [list, showing, notify]);

  return (
    <>
      <PageTitle>Connect your browser</PageTitle>
      <p className="lead">
        With the mentoring extension you can clip a passage from anything you read, add a note, and file it under a goal
        or as a question for your next conversation.
      </p>

      <div className="connect-grid">
        <section className="card section" aria-labelledby="steps">
          <h2 id="steps">How to connect</h2>
          <ol className="steps">
            <li>Install the mentoring extension in Chrome or Firefox.</li>
            <li>
              Open the extension’s options and paste this tool address:
              <CopyField value={toolUrl} label="Tool address" />
            </li>
            <li>Get a pairing code here and type it into the extension. The code works once, for 10 minutes.</li>
          </ol>

          <div className="pairing" aria-live="polite">
            {showing ? (
              <>
                <p className="pairing-label">Your pairing code</p>
                <p className="pairing-code" aria-label={`Pairing code: ${code.code.split('').join(' ')}`}>
                  {code.code}
                </p>
                <p className="muted">
                  Valid for{' '}
                  <span className="countdown" aria-hidden="true">
                    {formatCountdown(remaining)}
                  </span>
                  <span className="visually-hidden">10 minutes</span>. It can be used once.
                </p>
              </>
            ) : code ? (
              <p className="muted">That code has expired. Get a new one when you are ready.</p>
            ) : null}
            {create.isError && <ErrorNotice error={create.error} />}
            <Button
              className={`button ${showing ? '' : 'primary'}`}
              isPending={create.isPending}
              onPress={() => create.mutate(undefined, { onSuccess: setCode })}
            >
              {showing ? 'Get a new code' : 'Get a pairing code'}
            </Button>
          </div>
        </section>

        <section className="card section" aria-labelledby="connected">
          <h2 id="connected">Connected browsers</h2>
          {connections.isPending ? (
            <Loading />
          ) : connections.isError ? (
            <ErrorNotice error={connections.error} retry={() => void connections.refetch()} />
          ) : connections.data.connections.length === 0 ? (
            <p className="muted">
              No browsers connected yet. Once you enter a code in the extension, the browser appears here.
            </p>
          ) : (
            <ul className="connections">
              {connections.data.connections.map((c) => (
                <ConnectionRow key={c.id} connection={c} />
              ))}
            </ul>
          )}
          <p className="muted small">
            Revoking a browser stops its access at once. Clips it has not sent yet stay in that browser until you
            connect it again.
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
          Connected {formatDate(c.createdAt)} ·{' '}
          {c.lastUsedAt ? `last used ${formatRelative(c.lastUsedAt)}` : 'not used yet'}
        </p>
        {revoke.isError && <ErrorNotice error={revoke.error} />}
      </div>
      <ConfirmDialog
        title={`Revoke ${c.label}?`}
        trigger={
          <Button className="button small danger-outline" isPending={revoke.isPending}>
            Revoke
          </Button>
        }
        body={
          <p>
            The extension in this browser will stop working with your workspaces until you connect it again with a new
            code.
          </p>
        }
        confirmLabel="Revoke"
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
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </span>
  );
}
