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
import { formatCountdown, formatRelative, secondsUntil } from '../lib/dates.ts';
import { check, errorsFrom } from '../lib/formErrors.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDate } from '../components/Time.tsx';

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
              <Trans>
                <strong>
                  <Trans>Get the extension</Trans>
                </strong>{' '}
                for Chrome (or Edge) or Firefox.
              </Trans>
              <GetExtension />
            </li>
            <li>
              <Trans>
                <strong>
                  <Trans>Get a connection code</Trans>
                </strong>{' '}
                here. It works once, for 10 minutes.
              </Trans>
            </li>
            <li>
              <Trans>
                <strong>
                  <Trans>Paste it into the extension:</Trans>
                </strong>{' '}
                click the extension’s icon in the toolbar, choose “Connect your browser”, paste the code and press
                Connect.
              </Trans>
            </li>
            <li>
              <Trans>
                <strong>
                  <Trans>Clip your first passage:</Trans>
                </strong>{' '}
                on any page, select a passage, then right-click and choose “Clip to mentoring workspace” (or press
                Alt+Shift+C).
              </Trans>
            </li>
          </ol>

          <div className="pairing" aria-live="polite">
            {showing ? (
              <>
                <p className="pairing-label">
                  <Trans>Your connection code</Trans>
                </p>
                <CopyField value={code.connectionCode} label={t`Connection code`} />
                <p className="muted">
                  <Trans>
                    Valid for{' '}
                    <span className="countdown" aria-hidden="true">
                      {formatCountdown(remaining)}
                    </span>
                    <span className="visually-hidden">
                      <Trans>10 minutes</Trans>
                    </span>
                    . It can be used once. The code has this tool’s address in it, so there is nothing else to type.
                  </Trans>
                </p>
              </>
            ) : code ? (
              <p className="muted">
                <Trans>That code has expired. Get a new one when you are ready.</Trans>
              </p>
            ) : justConnected ? (
              <p className="ok">
                <Trans>
                  Your browser is connected. Now select a passage on any page and choose “Clip to mentoring workspace”.
                </Trans>
              </p>
            ) : null}
            {create.isError && <ErrorNotice error={create.error} />}
            <Button
              className={`button ${showing ? '' : 'primary'}`}
              isPending={create.isPending}
              onPress={() => create.mutate(undefined, { onSuccess: setCode })}
            >
              {showing ? t`Get a new code` : t`Get a connection code`}
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
                No browsers connected yet. Once you paste a code into the extension, the browser appears here.
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

/** Store listings where the program has them, and always the tool's own packages (or how to build them). */
function GetExtension() {
  const downloads = useExtensionDownloads();
  if (downloads.isPending) return <Loading />;
  if (downloads.isError) return <ErrorNotice error={downloads.error} retry={() => void downloads.refetch()} />;
  const d: ExtensionDownloads = downloads.data;
  const none = !d.chrome.storeUrl && !d.chrome.downloadUrl && !d.firefox.storeUrl && !d.firefox.downloadUrl;
  if (none)
    return (
      <p className="notice small">
        <Trans>
          The tool has no extension packages yet. Whoever runs the tool builds them with{' '}
          <bdi>
            <code>npm run build -w extension</code>
          </bdi>{' '}
          (they appear in{' '}
          <bdi>
            <code>extension/.output/</code>
          </bdi>
          ).
        </Trans>
      </p>
    );
  return (
    <div className="get-extension">
      <ul className="extension-links">
        {d.chrome.storeUrl && (
          <li>
            <a href={d.chrome.storeUrl} target="_blank" rel="noreferrer">
              <Trans>Add to Chrome (Chrome Web Store)</Trans>
            </a>
          </li>
        )}
        {d.firefox.storeUrl && (
          <li>
            <a href={d.firefox.storeUrl} target="_blank" rel="noreferrer">
              <Trans>Add to Firefox (Firefox Add-ons)</Trans>
            </a>
          </li>
        )}
        {d.chrome.downloadUrl && (
          <li>
            <a href={d.chrome.downloadUrl} download>
              <Trans>Download for Chrome or Edge (.zip)</Trans>
            </a>
          </li>
        )}
        {d.firefox.downloadUrl && (
          <li>
            <a href={d.firefox.downloadUrl} download>
              <Trans>Download for Firefox (.zip)</Trans>
            </a>
          </li>
        )}
      </ul>
      {(d.chrome.downloadUrl || d.firefox.downloadUrl) && (
        <Folded title={t`How to install a downloaded extension`}>
          {d.chrome.downloadUrl && (
            <>
              <p>
                <Trans>In Chrome or Edge:</Trans>
              </p>
              <ol className="steps">
                <li>
                  <Trans>Unzip the downloaded file into a folder you keep.</Trans>
                </li>
                <li>
                  <Trans>
                    Open{' '}
                    <code>
                      <Trans>chrome://extensions</Trans>
                    </code>{' '}
                    (Edge:{' '}
                    <code>
                      <Trans>edge://extensions</Trans>
                    </code>
                    ) and switch on “Developer mode”.
                  </Trans>
                </li>
                <li>
                  <Trans>Press “Load unpacked” and choose the unzipped folder.</Trans>
                </li>
              </ol>
            </>
          )}
          {d.firefox.downloadUrl && (
            <>
              <p>
                <Trans>In Firefox:</Trans>
              </p>
              <ol className="steps">
                <li>
                  <Trans>
                    Open{' '}
                    <code>
                      <Trans>about:debugging#/runtime/this-firefox</Trans>
                    </code>
                    .
                  </Trans>
                </li>
                <li>
                  <Trans>Press “Load Temporary Add-on…” and choose the downloaded .zip file.</Trans>
                </li>
                <li>
                  <Trans>
                    Firefox keeps it until it restarts; the store listing, where there is one, keeps it for good.
                  </Trans>
                </li>
              </ol>
            </>
          )}
        </Folded>
      )}
    </div>
  );
}

const describeConnection = ({ browser, system }: BrowserConnection) =>
  browser && system ? t`${browser} on ${system}` : (browser ?? system ?? t`Browser and system not known`);
const lastUsed = (when: string) => t`last used ${when}`;

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
          <Form onSubmit={save} errors={form.errors} className="inline-form" label={t`Rename ${c.label}`}>
            <TextInput label={t`Name`} isRequired autoFocus {...form.field('label')} />
            <Button type="submit" className="button small primary" isPending={rename.isPending}>
              <Trans>Save</Trans>
            </Button>
            <Button className="button small" onPress={() => setRenaming(false)}>
              <Trans>Cancel</Trans>
            </Button>
          </Form>
        ) : (
          <p className="connection-label">{c.label}</p>
        )}
        <p className="muted small">
          <Trans>
            {describeConnection(c)} · connected {showDate(c.createdAt)} ·{' '}
          </Trans>
          {c.lastUsedAt ? lastUsed(formatRelative(c.lastUsedAt)) : t`not used yet`}
        </p>
        {revoke.isError && <ErrorNotice error={revoke.error} />}
      </div>
      <span className="connection-tools">
        {!renaming && (
          <Button
            className="button small"
            aria-label={t`Rename ${c.label}`}
            onPress={() => {
              form.reset({ label: c.label });
              setRenaming(true);
            }}
          >
            <Trans>Rename</Trans>
          </Button>
        )}
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
                The extension in this browser will stop working with your workspaces until you connect it again with a
                new code.
              </Trans>
            </p>
          }
          confirmLabel={t`Revoke`}
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
        {copied ? t`Copied` : t`Copy`}
      </Button>
    </span>
  );
}
