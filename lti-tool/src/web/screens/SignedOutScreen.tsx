import { t } from '@lingui/core/macro';

/** Shown when the app was opened without a launch, or the launch has expired. */
export function SignedOutScreen({ reason }: { reason: 'no-launch' | 'ended' }) {
  return (
    <main className="page narrow">
      <div className="signed-out">
        <h1>{reason === 'ended' ? t`Your session has ended` : t`Open this from your course`}</h1>
        <p>
          {reason === 'ended'
            ? t`For your privacy, a workspace session lasts a limited time. Open the mentoring workspace again from your course to carry on; nothing you saved is lost.`
            : t`The mentoring workspace opens from your course in the learning platform, so that you need no second account. Go to your course and choose the mentoring workspace activity.`}
        </p>
      </div>
    </main>
  );
}
