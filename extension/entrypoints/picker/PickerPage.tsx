/**
 * The picker: file the captured passage under a goal or as a new reflection prompt, with a note
 * and tags. Keyboard first: Enter saves (Shift+Enter for a new line in the note), Escape cancels.
 */
import { Trans } from '@lingui/react/macro';
import { t } from '@lingui/core/macro';
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import { forgetPickerInput } from '@/lib/picker-handoff';
import { describeError } from '@/lib/problems';
import { useConnection } from '@/ui/use-stored';
import { pickerQueries, useRefetchOnConnectionChange } from '@/ui/tool-queries';
import type { Capture } from '@/lib/capture';
import { ClipForm, Passage } from './ClipForm';

export function PickerPage({ id }: { id: string }) {
  const input = useQuery(pickerQueries.input(id));
  const connection = useConnection();
  useRefetchOnConnectionChange(connection);

  const close = () => {
    void forgetPickerInput(id).finally(() => window.close());
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return (
    <main aria-labelledby="picker-title">
      <h1 id="picker-title">
        <Trans>Clip to mentoring workspace</Trans>
      </h1>
      {input.isPending || connection === undefined ? (
        <p>
          <Trans>Loading…</Trans>
        </p>
      ) : input.error || !input.data ? (
        <Problem
          message={
            input.error
              ? describeError(input.error)
              : t`This clip window has expired. Select the passage and clip it again.`
          }
          onClose={close}
        />
      ) : input.data.problem !== undefined ? (
        <Problem message={input.data.problem} onClose={close} />
      ) : !connection ? (
        <NotConnected onClose={close} capture={input.data.capture} />
      ) : (
        <ClipForm capture={input.data.capture} keptId={input.data.keptId} connection={connection} onDone={close} />
      )}
    </main>
  );
}

function Problem({ message, onClose }: { message: string; onClose: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <>
      <p className="error" role="alert">
        {message}
      </p>
      <div className="actions">
        <button ref={button} type="button" onClick={onClose}>
          <Trans>Close</Trans>
        </button>
      </div>
    </>
  );
}

function NotConnected({ capture, onClose }: { capture: Capture; onClose: () => void }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Passage capture={capture} />
      <p className="notice" role="alert">
        <Trans>
          This browser is not connected to your mentoring workspace yet. Connect it with a connection code; this window
          stays open and your passage is kept here.
        </Trans>
      </p>
      <div className="actions">
        <button
          className="primary"
          type="button"
          autoFocus
          onClick={() => {
            setOpened(true);
            void browser.runtime.openOptionsPage();
          }}
        >
          {opened ? t`Open the connect page again` : t`Connect your browser`}
        </button>
        <button type="button" onClick={onClose}>
          <Trans>Cancel</Trans>
        </button>
      </div>
    </>
  );
}
