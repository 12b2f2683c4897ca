import { Button } from 'react-aria-components';
import { exportFileName } from '@mentoring/shared';
import { useExportPartnership } from '../../api/partnerships.ts';
import { ErrorNotice } from '../../components/QueryState.tsx';
import { saveTextFile } from '../../lib/download.ts';
import { useWorkspace } from './workspaceContext.ts';
import { Trans } from '@lingui/react/macro';

/** A copy of the partnership to keep: readable Markdown, or JSON for another tool. */
export function ExportTab() {
  const { partnership: p } = useWorkspace();
  const exporter = useExportPartnership(p.id);
  const download = (format: 'md' | 'json') =>
    exporter.mutate(format, {
      onSuccess: (text) =>
        saveTextFile(
          text,
          exportFileName(p, format, new Date()),
          format === 'md' ? 'text/markdown' : 'application/json',
        ),
    });
  return (
    <div className="tab-content">
      <h2>
        <Trans>Export</Trans>
      </h2>
      <p className="lead">
        <Trans>
          Download a copy of this partnership: the agreement, goals with their actions, clips, prompts and responses,
          conversations with shared notes and commitments, and requests.
        </Trans>
      </p>
      <p className="muted">
        <Trans>
          Your partner’s private notes are never part of it. Keep the file somewhere private: it holds what you agreed
          to keep confidential.
        </Trans>
      </p>
      {exporter.isError && <ErrorNotice error={exporter.error} />}
      <div className="form-actions start">
        <Button
          className="button primary"
          isPending={exporter.isPending && exporter.variables === 'md'}
          onPress={() => download('md')}
        >
          <Trans>Download as Markdown</Trans>
        </Button>
        <Button
          className="button"
          isPending={exporter.isPending && exporter.variables === 'json'}
          onPress={() => download('json')}
        >
          <Trans>Download as JSON</Trans>
        </Button>
      </div>
    </div>
  );
}
