/** Connect your browser: paste the connection code from the workspace, see who it is connected as, disconnect. */
import { Trans } from '@lingui/react/macro';
import { t } from '@lingui/core/macro';
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import type { ConnectionCode } from '@mentoring/shared';
import { connect, describeThisBrowser, disconnect, extraHostPermission, readConnectionCode } from '@/lib/connect';
import { describeError } from '@/lib/problems';
import { signedOutReason } from '@/lib/tool';
import { useConnection } from '@/ui/use-stored';

/** What a connection code looks like: the same in every language. */
const EXAMPLE_CODE = 'ABCD-EFGH@https://mentoring.example.org';

export function ConnectPage() {
  const connection = useConnection();
  const [pasted, setPasted] = useState('');
  /** What just happened, worded when shown: connecting switches the page to the person's language. */
  const [done, setDone] = useState<(() => string) | null>(null);
  const [codeProblem, setCodeProblem] = useState<string | null>(null);

  const connecting = useMutation({
    mutationFn: async ({ code, permission }: { code: ConnectionCode; permission: Promise<boolean> }) => {
      if (!(await permission))
        throw new Error(
          t`The extension needs your permission to reach the mentoring tool at that address. Press Connect again and allow it.`,
        );
      const platform = await browser.runtime.getPlatformInfo();
      return connect(
        code,
        describeThisBrowser(
          navigator.userAgent,
          platform.os,
          import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome',
        ),
      );
    },
    onSuccess: (c) => {
      setPasted('');
      const name = c.me.person.name;
      setDone(() => () => t`Connected as ${name}.`);
    },
  });
  const disconnecting = useMutation({ mutationFn: disconnect, onSuccess: (r) => setDone(() => () => r.message) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    connecting.reset();
    let code: ConnectionCode;
    try {
      code = readConnectionCode(pasted);
      setCodeProblem(null);
    } catch (err) {
      setCodeProblem(describeError(err));
      return;
    }
    // Asked before any await: browsers grant permission prompts only during the click itself.
    const origin = extraHostPermission(code.toolUrl);
    const permission = origin ? browser.permissions.request({ origins: [origin] }) : Promise.resolve(true);
    connecting.mutate({ code, permission });
  };

  return (
    <main style={{ maxWidth: 560 }}>
      <h1>
        <Trans>Connect your browser</Trans>
      </h1>
      {done && (
        <p className="ok" role="status">
          {done()}
        </p>
      )}
      {connection === undefined ? (
        <p>
          <Trans>Loading…</Trans>
        </p>
      ) : connection?.token ? (
        <section aria-label={t`Connection`}>
          <p>
            <Trans>
              Connected to <strong dir="auto">{connection.toolUrl}</strong> as{' '}
              <strong dir="auto">{connection.me.person.name}</strong> in{' '}
              <strong dir="auto">{connection.me.program.title}</strong>.
            </Trans>
          </p>
          <p className="hint">
            <Trans>The token is kept in this browser’s extension storage only; web pages cannot read it.</Trans>
          </p>
          <div className="actions">
            <button type="button" onClick={() => disconnecting.mutate()} disabled={disconnecting.isPending}>
              {disconnecting.isPending ? t`Disconnecting…` : t`Disconnect`}
            </button>
          </div>
        </section>
      ) : (
        <form onSubmit={submit} aria-describedby="connect-help">
          {connection && (
            <p className="notice" role="alert">
              <Trans>
                Signed out: {signedOutReason(connection)}. Clips you made are kept and will be sent once you connect
                again.
              </Trans>
            </p>
          )}
          <p id="connect-help" className="hint">
            <Trans>
              In your mentoring workspace (opened from your course), choose “Connect your browser” and get a connection
              code. Paste it here whole: it works once, for 10 minutes.
            </Trans>
          </p>
          <label htmlFor="connection-code">
            <Trans>Connection code</Trans>
          </label>
          <input
            id="connection-code"
            required
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            placeholder={EXAMPLE_CODE}
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
          <div className="actions">
            <button className="primary" type="submit" disabled={connecting.isPending}>
              {connecting.isPending ? t`Connecting…` : t`Connect`}
            </button>
          </div>
          {(codeProblem || connecting.error) && (
            <p className="error" role="alert">
              {codeProblem ?? describeError(connecting.error)}
            </p>
          )}
        </form>
      )}
    </main>
  );
}
