import { Button } from 'react-aria-components';
import { ApiError } from '@mentoring/shared';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { describeFailure } from '../lib/problems.ts';

/** A calm placeholder while something loads; announced once, not on every render. */
export function Loading({ label }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t`Loading…`}
    </div>
  );
}

/** What went wrong, in the tool's own words, with a way to try again where that can help. */
export function ErrorNotice({ error, retry }: { error: unknown; retry?: () => void }) {
  const canRetry = retry && (!(error instanceof ApiError) || error.retryable);
  return (
    <div className="notice error" role="alert">
      <p>{describeFailure(error)}</p>
      {canRetry && (
        <Button className="button small" onPress={retry}>
          <Trans>Try again</Trans>
        </Button>
      )}
    </div>
  );
}
