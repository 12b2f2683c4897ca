import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Partnership, PartnershipActivity, PartnershipEvent } from '@mentoring/shared';
import { useChangeLifecycle, useChangeMembers, useNudge, usePartnershipHistory } from '../../api/lifecycle.ts';
import { useProgramPeople } from '../../api/program.ts';
import { ModalDialog } from '../../components/Dialog.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { PeoplePicker, PersonPicker, type PersonOption } from '../../components/PersonPicker.tsx';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { useNotify } from '../../components/Toaster.tsx';
import { joinNames, roleLabel } from '../../lib/people.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { describeFailure } from '../../lib/problems.ts';
import { showDateTime } from '../../components/Time.tsx';

/** The coordinator's actions on one partnership, from its row in the activity table. */
export function PartnershipActions({ activity }: { activity: PartnershipActivity }) {
  const names = joinNames(activity.members.map((m) => m.name));
  return (
    <ModalDialog
      title={t`Manage: ${names}`}
      wide
      trigger={
        <Button className="button small" aria-label={t`Manage the partnership of ${names}`}>
          <Trans>Manage</Trans>
        </Button>
      }
    >
      {() => <Manage activity={activity} />}
    </ModalDialog>
  );
}

type Mode = 'menu' | 'end' | 'members';

function Manage({ activity: a }: { activity: PartnershipActivity }) {
  const [mode, setMode] = useState<Mode>('menu');
  const lifecycle = useChangeLifecycle(a.partnershipId);
  const nudge = useNudge(a.partnershipId);
  const notify = useNotify();
  const over = a.status === 'closed' || a.status === 'declined';

  if (mode === 'end') return <EndForm activity={a} onDone={() => setMode('menu')} />;
  if (mode === 'members') return <MembersForm activity={a} onDone={() => setMode('menu')} />;
  return (
    <div className="stack">
      <p className="muted small">
        <Trans>
          You steer the partnership’s life; its content stays with the partners. What you do here is recorded below.
        </Trans>
      </p>
      {(lifecycle.isError || nudge.isError) && <ErrorNotice error={lifecycle.error ?? nudge.error} />}
      <div className="form-actions wrap">
        {a.status === 'active' && (
          <Button
            className="button"
            isPending={nudge.isPending}
            onPress={() =>
              nudge.mutate(undefined, {
                onSuccess: () => notify({ message: t`Nudge recorded: the pair sees it in their workspace.` }),
              })
            }
          >
            <Trans>Nudge to meet</Trans>
          </Button>
        )}
        {a.status === 'active' && (
          <Button
            className="button"
            isPending={lifecycle.isPending}
            onPress={() => lifecycle.mutate({ action: 'pause' }, { onSuccess: () => notify({ message: t`Paused.` }) })}
          >
            <Trans>Pause</Trans>
          </Button>
        )}
        {a.status === 'paused' && (
          <Button
            className="button"
            isPending={lifecycle.isPending}
            onPress={() =>
              lifecycle.mutate({ action: 'resume' }, { onSuccess: () => notify({ message: t`Resumed.` }) })
            }
          >
            <Trans>Resume</Trans>
          </Button>
        )}
        {!over && (
          <Button className="button" onPress={() => setMode('members')}>
            <Trans>Change members</Trans>
          </Button>
        )}
        {!over && (
          <Button className="button danger" onPress={() => setMode('end')}>
            <Trans>End partnership</Trans>
          </Button>
        )}
      </div>
      <History partnershipId={a.partnershipId} kind={a.kind} />
    </div>
  );
}

/** One whole sentence per step, so each language orders the name, the role and the verb itself. */
function eventLine(e: PartnershipEvent, p: Pick<Partnership, 'kind'>): string {
  const name = e.name ?? t`Someone`;
  const role = e.role ? roleLabel(p, e.role) : '';
  switch (e.kind) {
    case 'formed':
      return t`Formed`;
    case 'paused':
      return t`Paused`;
    case 'resumed':
      return t`Resumed`;
    case 'ended':
      return t`Ended`;
    case 'reopened':
      return t`Reopened`;
    case 'member-joined':
      return role ? t`${name} joined as ${role}` : t`${name} joined`;
    case 'member-left':
      return t`${name} left`;
    case 'role-changed':
      return t`${name} is now ${role}`;
    case 'nudged':
      return t`Nudged`;
  }
}

function History({ partnershipId, kind }: { partnershipId: string; kind: Partnership['kind'] }) {
  const history = usePartnershipHistory(partnershipId);
  if (history.isPending) return <Loading label={t`Loading the history…`} />;
  if (history.isError) return <ErrorNotice error={history.error} retry={() => void history.refetch()} />;
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title">
        <Trans>History</Trans>
      </h3>
      <ol className="history-list">
        {history.data.events.map((e, i) => (
          <li key={i}>
            <span className="muted small">{showDateTime(e.at)}</span> <strong>{eventLine(e, { kind })}</strong>
            {e.byName && (
              <span className="muted">
                {' '}
                <Trans>· by {e.byName}</Trans>
              </span>
            )}
            {e.reason && (
              <span className="muted">
                {' '}
                <Trans>· reason: {e.reason}</Trans>
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function EndForm({ activity: a, onDone }: { activity: PartnershipActivity; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const lifecycle = useChangeLifecycle(a.partnershipId);
  const notify = useNotify();
  const submit = () => {
    if (!reason.trim()) return setError(t`Say why it ends (for program staff only).`);
    lifecycle.mutate(
      { action: 'end', reason },
      {
        onSuccess: () => {
          notify({ message: t`Partnership ended; everything in it is kept.` });
          onDone();
        },
      },
    );
  };
  return (
    <Form onSubmit={submit} errors={{ fields: {}, form: lifecycle.error ? describeFailure(lifecycle.error) : null }}>
      <TextAreaField
        label={t`Why does it end?`}
        rows={2}
        value={reason}
        onChange={setReason}
        error={error}
        isRequired
        description={t`Kept for program staff; the partners do not see it. Do not write about what they discussed.`}
      />
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Back</Trans>
        </Button>
        <Button type="submit" className="button danger" isPending={lifecycle.isPending}>
          <Trans>End partnership</Trans>
        </Button>
      </div>
    </Form>
  );
}

function MembersForm({ activity: a, onDone }: { activity: PartnershipActivity; onDone: () => void }) {
  const roster = useProgramPeople();
  const change = useChangeMembers(a.partnershipId);
  const notify = useNotify();
  const [mentor, setMentor] = useState<string | null>(a.members.find((m) => m.role === 'mentor')?.personId ?? null);
  const [mentees, setMentees] = useState<string[]>(a.members.filter((m) => m.role === 'mentee').map((m) => m.personId));
  const [partners, setPartners] = useState<string[]>(a.members.map((m) => m.personId));
  if (roster.isPending) return <Loading label={t`Loading the roster…`} />;
  if (roster.isError) return <ErrorNotice error={roster.error} retry={() => void roster.refetch()} />;
  const people: PersonOption[] = roster.data.people
    .filter((p) => p.programRole === 'participant' && p.inCourse)
    .map((p) => ({ id: p.personId, name: p.name, detail: p.partnerships.length ? null : 'unmatched' }));
  const submit = () => {
    const members =
      a.kind === 'mentoring'
        ? [
            ...(mentor ? [{ personId: mentor, role: 'mentor' as const }] : []),
            ...mentees.map((personId) => ({ personId, role: 'mentee' as const })),
          ]
        : partners.map((personId, i) => ({ personId, role: i === 0 ? ('mentor' as const) : ('mentee' as const) }));
    change.mutate(
      { members },
      {
        onSuccess: () => {
          notify({ message: t`Members changed; the history keeps who was in it and when.` });
          onDone();
        },
      },
    );
  };
  return (
    <Form onSubmit={submit} errors={{ fields: {}, form: change.error ? describeFailure(change.error) : null }}>
      <p className="muted small">
        <Trans>
          Whoever leaves loses access at once; what they wrote stays with the partnership. Whoever joins sees the
          partnership’s work.
        </Trans>
      </p>
      {a.kind === 'mentoring' ? (
        <div className="two-columns">
          <PersonPicker
            label={t`Mentor`}
            people={people.filter((p) => !mentees.includes(p.id))}
            value={mentor}
            onChange={setMentor}
          />
          <PeoplePicker
            label={t`Mentees`}
            people={people.filter((p) => p.id !== mentor)}
            value={mentees}
            onChange={setMentees}
          />
        </div>
      ) : (
        <PeoplePicker label={t`Colleagues`} people={people} value={partners} onChange={setPartners} />
      )}
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Back</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={change.isPending}>
          <Trans>Save members</Trans>
        </Button>
      </div>
    </Form>
  );
}
