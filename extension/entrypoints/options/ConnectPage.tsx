/** Connect: pair this browser with the mentoring tool, see who it is connected as, disconnect. */
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import { connect, disconnect, extraHostPermission, normalizeToolUrl } from '@/lib/connect';
import { describeError } from '@/lib/tool';
import { useConnection } from '@/ui/use-stored';

const browserName = `${import.meta.env.BROWSER === 'firefox' ? 'Firefox' : 'Chrome'} on ${navigator.platform || 'this computer'}`;

export function ConnectPage() {
  const connection = useConnection();
  const [toolUrl, setToolUrl] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [urlProblem, setUrlProblem] = useState<string | null>(null);

  const connecting = useMutation({
    mutationFn: async ({ url, permission }: { url: string; permission: Promise<boolean> }) => {
      if (!(await permission))
        throw new Error('Without permission to reach that address, the extension cannot connect.');
      return connect(url, code, browserName);
    },
    onSuccess: (c) => {
      setCode('');
      setDone(`Connected as ${c.me.person.name}.`);
    },
  });
  const disconnecting = useMutation({ mutationFn: disconnect, onSuccess: (r) => setDone(r.message) });

  if (connection === undefined) return <p>Loading…</p>;
  const shownUrl = toolUrl ?? connection?.toolUrl ?? 'https://';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    connecting.reset();
    let url: string;
    try {
      url = normalizeToolUrl(shownUrl);
      setUrlProblem(null);
    } catch (err) {
      setUrlProblem(describeError(err));
      return;
    }
    // Asked before any await: browsers grant permission prompts only during the click itself.
    const origin = extraHostPermission(url);
    const permission = origin ? browser.permissions.request({ origins: [origin] }) : Promise.resolve(true);
    connecting.mutate({ url, permission });
  };

  return (
    <main style={{ maxWidth: 560 }}>
      <h1>Mentoring workspace: connect this browser</h1>
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      {connection?.token ? (
        <section aria-label="Connection">
          <p>
            Connected to <strong>{connection.toolUrl}</strong> as <strong>{connection.me.person.name}</strong> in{' '}
            <strong>{connection.me.program.title}</strong>.
          </p>
          <p className="hint">The token is kept in this browser’s extension storage only; web pages cannot read it.</p>
          <div className="actions">
            <button type="button" onClick={() => disconnecting.mutate()} disabled={disconnecting.isPending}>
              {disconnecting.isPending ? 'Disconnecting…' : 'Disconnect'}
            </button>
          </div>
        </section>
      ) : (
        <form onSubmit={submit} aria-describedby="connect-help">
          {connection && (
            <p className="notice" role="alert">
              Signed out: {connection.signedOutReason ?? 'the tool no longer accepts this browser'}. Clips you made are
              kept and will be sent once you connect again.
            </p>
          )}
          <p id="connect-help" className="hint">
            In your mentoring workspace (opened from your course), choose “Connect a browser” to get a pairing code. It
            is valid for 10 minutes.
          </p>
          <label htmlFor="tool-url">Mentoring tool address</label>
          <input
            id="tool-url"
            type="url"
            required
            value={shownUrl}
            onChange={(e) => setToolUrl(e.target.value)}
            autoComplete="url"
          />
          <label htmlFor="pairing-code">Pairing code</label>
          <input
            id="pairing-code"
            required
            minLength={4}
            maxLength={20}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoFocus
          />
          <div className="actions">
            <button className="primary" type="submit" disabled={connecting.isPending}>
              {connecting.isPending ? 'Connecting…' : 'Connect'}
            </button>
          </div>
          {(urlProblem || connecting.error) && (
            <p className="error" role="alert">
              {urlProblem ?? describeError(connecting.error)}
            </p>
          )}
        </form>
      )}
    </main>
  );
}
