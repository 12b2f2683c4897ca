import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { RenameConnection, type BrowserConnection, type ExtensionDownloads, type PairingCode } from '@mentoring/shared';
import {
  useConnections,
  useCreatePairingCode,
  useExtensionDownloads,
  useRenameConnection,
  useRevokeConnection,
} from '../api/connections.ts';
import { ConfirmDialog } from '../components/Dialog.tsx';
import { TextInput } from '../components/Field.tsx';
import { Folded } from '../components/Folded.tsx';
import { Form } from '../components/Form.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ErrorNotice, Loading } from '../components/QueryState.tsx';
import { useNotify } from '../components/Toaster.tsx';
import { useFormState } from '../components/useFormState.ts';
import { useNow } from '../components/useNow.ts';
import { formatCountdown, formatDate, formatRelative, secondsUntil } from '../lib/dates.ts';
import { check, errorsFrom } from '../lib/formErrors.ts';

/**
 * Connecting the clipping extension, from nothing to a first clip: get the extension, get a
 * connection code here (single use, ten minutes, with the tool's address in it), paste it into the
 * extension, clip. The list shows every connected browser, to name or revoke.
 */
export function ConnectBrowserScreen() {
  const [code, setCode] = useState<PairingCode | null>(null);
  const create = useCreatePairingCode();
  const now = useNow(code !== null);
  const remaining = code ? secondsUntil(code.expiresAt, now) : 0;
  const showing = code !== null && remaining > 0;
  const connections = useConnections(showing);
  const notify = useNotify();

  // A browser that connects while the code is shown has used it: say so, and put the code away.
  const list = connections.data?.connections;
  const seen = useRef<string[] | null>(null);
  const [justConnected, setJustConnected] = useState(false);
  useEffect(() => {
    if (!list) return;
    const before = seen.current;
    seen.current = list.map((c) => c.id);
    const added = before && list.find((c) => !before.includes(c.id));
    if (added && showing) {
      setCode(null);
      setJustConnected(true);
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
            <li>
              <strong>Get the extension</strong> for Chrome (or Edge) or Firefox.
              <GetExtension />
            </li>
            <li>
              <strong>Get a connection code</strong> here. It works once, for 10 minutes.
            </li>
            <li>
              <strong>Paste it into the extension:</strong> click the extension’s icon in the toolbar, choose “Connect
              your browser”, paste the code and press Connect.
            </li>
            <li>
              <strong>Clip your first passage:</strong> on any page, select a passage, then right-click and choose “Clip
              to mentoring workspace” (or press Alt+Shift+C).
            </li>
          </ol>

          <div className="pairing" aria-live="polite">
            {showing ? (
              <>
                <p className="pairing-label">Your connection code</p>
                <CopyField value={code.connectionCode} label="Connection code" />
                <p className="muted">
                  Valid for{' '}
                  <span className="countdown" aria-hidden="true">
                    {formatCountdown(remaining)}
                  </span>
                  <span className="visually-hidden">10 minutes</span>. It can be used once. The code has this tool’s
                  address in it, so there is nothing else to type.
                </p>
              </>
            ) : code ? (
              <p className="muted">That code has expired. Get a new one when you are ready.</p>
            ) : justConnected ? (
              <p className="ok">
                Your browser is connected. Now select a passage on any page and choose “Clip to mentoring workspace”.
              </p>
            ) : null}
            {create.isError && <ErrorNotice error={create.error} />}
            <Button
              className={`button ${showing ? '' : 'primary'}`}
              isPending={create.isPending}
              onPress={() => create.mutate(undefined, { onSuccess: setCode })}
            >
              {showing ? 'Get a new code' : 'Get a connection code'}
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
              No browsers connected yet. Once you paste a code into the extension, the browser appears here.
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

/** Store listings where the program has them, and always the tool's own packages (or how to build them). */
function GetExtension() {
  const downloads = useExtensionDownloads();
  if (downloads.isPending) return <Loading />;
  if (downloads.isError) return <ErrorNotice error={downloads.error} retry={() => void downloads.refetch()} />;
  const d: ExtensionDownloads = downloads.data;
  const none = !d.chrome.storeUrl && !d.chrome.downloadUrl && !d.firefox.storeUrl && !d.firefox.downloadUrl;
  if (none) return <p className="notice small">{d.buildHint}</p>;
  return (
    <div className="get-extension">
      <ul className="extension-links">
        {d.chrome.storeUrl && (
          <li>
            <a href={d.chrome.storeUrl} target="_blank" rel="noreferrer">
              Add to Chrome (Chrome Web Store)
            </a>
          </li>
        )}
        {d.firefox.storeUrl && (
          <li>
            <a href={d.firefox.storeUrl} target="_blank" rel="noreferrer">
              Add to Firefox (Firefox Add-ons)
            </a>
          </li>
        )}
        {d.chrome.downloadUrl && (
          <li>
            <a href={d.chrome.downloadUrl} download>
              Download for Chrome or Edge (.zip)
            </a>
          </li>
        )}
        {d.firefox.downloadUrl && (
          <li>
            <a href={d.firefox.downloadUrl} download>
              Download for Firefox (.zip)
            </a>
          </li>
        )}
      </ul>
      {(d.chrome.downloadUrl || d.firefox.downloadUrl) && (
        <Folded title="How to install a downloaded extension">
          {d.chrome.downloadUrl && (
            <>
              <p>In Chrome or Edge:</p>
              <ol className="steps">
                <li>Unzip the downloaded file into a folder you keep.</li>
                <li>
                  Open <code>chrome://extensions</code> (Edge: <code>edge://extensions</code>) and switch on “Developer
                  mode”.
                </li>
                <li>Press “Load unpacked” and choose the unzipped folder.</li>
              </ol>
            </>
          )}
          {d.firefox.downloadUrl && (
            <>
              <p>In Firefox:</p>
              <ol className="steps">
                <li>
                  Open <code>about:debugging#/runtime/this-firefox</code>.
                </li>
                <li>Press “Load Temporary Add-on…” and choose the downloaded .zip file.</li>
                <li>Firefox keeps it until it restarts; the store listing, where there is one, keeps it for good.</li>
              </ol>
            </>
          )}
        </Folded>
      )}
    </div>
  );
}

const describeConnection = (c: BrowserConnection) =>
  [c.browser, c.system].filter(Boolean).join(' on ') || 'Browser and system not known';

function ConnectionRow({ connection: c }: { connection: BrowserConnection }) {
  const revoke = useRevokeConnection();
  const rename = useRenameConnection();
  const [renaming, setRenaming] = useState(false);
  const form = useFormState({ label: c.label });
  const save = () => {
    const r = check(RenameConnection, form.values, ['label']);
    if (!r.ok) return form.setErrors(r.errors);
    rename.mutate(
      { id: c.id, label: r.value.label },
      { onSuccess: () => setRenaming(false), onError: (e) => form.setErrors(errorsFrom(e, ['label'])) },
    );
  };
  return (
    <li className="connection">
      <div className="grow">
        {renaming ? (
          <Form onSubmit={save} errors={form.errors} className="inline-form" label={`Rename ${c.label}`}>
            <TextInput label="Name" isRequired autoFocus {...form.field('label')} />
            <Button type="submit" className="button small primary" isPending={rename.isPending}>
              Save
            </Button>
            <Button className="button small" onPress={() => setRenaming(false)}>
              Cancel
            </Button>
          </Form>
        ) : (
          <p className="connection-label">{c.label}</p>
        )}
        <p className="muted small">
          {describeConnection(c)} · connected {formatDate(c.createdAt)} ·{' '}
          {c.lastUsedAt ? `last used ${formatRelative(c.lastUsedAt)}` : 'not used yet'}
        </p>
        {revoke.isError && <ErrorNotice error={revoke.error} />}
      </div>
      <span className="connection-tools">
        {!renaming && (
          <Button
            className="button small"
            aria-label={`Rename ${c.label}`}
            onPress={() => {
              form.reset({ label: c.label });
              setRenaming(true);
            }}
          >
            Rename
          </Button>
        )}
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
      </span>
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
      <input
        ref={ref}
        readOnly
        value={value}
        aria-label={label}
        className="pairing-code"
        onFocus={(e) => e.currentTarget.select()}
      />
      <Button className="button small" onPress={() => void copy()}>
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </span>
  );
}
