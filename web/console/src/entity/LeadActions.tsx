// What a worker can do with a lead from its page: take it (assign to me), give it back, hand it
// to a colleague (supervisors, when the user list can be read), move it on (review, plan contact,
// contacted, close), record "no action" with a reason, snooze it to a day, or reopen it
// (supervisors), and — for those who hold conversations — contact the person (the compose dialog).
// The server enforces the same rules; these buttons only offer what it allows.
import {
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useCurrentSession } from '../auth/session';
import {
  actOnLead,
  queryKeys,
  type LeadAction,
  type LeadDetail,
  type LeadState,
} from '../triage/api';
import { dateInputValue } from '../ui/format';
import { useTriageT } from '../triage/i18n';
import { useOutreachT } from '../outreach/i18n';
import type { Staff } from '../triage/people';
import { ErrorAlert } from '../ui/ErrorAlert';

type Dialog = 'noAction' | 'snooze' | 'assign' | null;

/** Order of the state buttons: forward first, then the way out. */
const STATE_ORDER: LeadState[] = ['in_review', 'contact_planned', 'contacted', 'closed', 'new'];

export function LeadActions({
  entityId,
  lead,
  staff,
  onContact,
}: {
  entityId: string;
  lead: LeadDetail;
  staff: Staff;
  /** Opens the compose dialog; absent for roles that do not write to people. */
  onContact?: (() => void) | undefined;
}) {
  const t = useTriageT();
  const to = useOutreachT();
  const { user } = useCurrentSession();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [until, setUntil] = useState('');
  const [untilInvalid, setUntilInvalid] = useState(false);
  const [assignee, setAssignee] = useState('');

  const act = useMutation({
    mutationFn: (action: LeadAction) => actOnLead(entityId, action),
    onSuccess: () => {
      setDialog(null);
      setReason('');
      setUntil('');
    },
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: queryKeys.entity(entityId) });
      void qc.invalidateQueries({ queryKey: queryKeys.allLeads });
    },
  });

  const open = (d: Dialog) => {
    act.reset();
    setReasonMissing(false);
    setUntilInvalid(false);
    setDialog(d);
  };

  const submitNoAction = (e: FormEvent) => {
    e.preventDefault();
    // Refused here already so nobody waits for the server to say a reason is needed.
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    act.mutate({ action: 'state', state: 'no_action', reason: reason.trim() });
  };

  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  const submitSnooze = (e: FormEvent) => {
    e.preventDefault();
    const [y, m, d] = until.split('-').map(Number);
    const day = y && m && d ? new Date(y, m - 1, d) : null;
    if (!day || day <= new Date()) {
      setUntilInvalid(true);
      return;
    }
    act.mutate({ action: 'snooze', until: day.toISOString() });
  };

  const snoozed = lead.snoozedUntil !== null && new Date(lead.snoozedUntil) > new Date();
  const states = STATE_ORDER.filter(
    (s) => lead.allowed.includes(s), // the server leaves out what this user may not do
  );
  const busy = act.isPending;

  return (
    <Stack gap="xs">
      <Group gap="xs" role="group" aria-label={t('actions.label')} data-testid="lead-actions">
        {onContact ? (
          <Button color="teal" onClick={onContact} disabled={busy} data-testid="lead-contact">
            {to('entityPanel.contactAction')}
          </Button>
        ) : null}
        {lead.assignment.take ? (
          <Button
            onClick={() => act.mutate({ action: 'assign', assigneeId: user.id })}
            disabled={busy}
          >
            {t('actions.assignToMe')}
          </Button>
        ) : null}
        {lead.assignment.release ? (
          <Button
            variant="default"
            onClick={() => act.mutate({ action: 'assign', assigneeId: null })}
            disabled={busy}
          >
            {t('actions.unassign')}
          </Button>
        ) : null}
        {lead.assignment.handOver && staff.assignable.length > 0 ? (
          <Button
            variant="default"
            onClick={() => {
              // Colleagues may have joined since the list was read.
              void qc.invalidateQueries({ queryKey: queryKeys.staff });
              open('assign');
            }}
            disabled={busy}
          >
            {t('actions.assignTo')}…
          </Button>
        ) : null}
        {states.map((s) => (
          <Button
            key={s}
            variant={s === 'new' ? 'default' : 'light'}
            onClick={() => act.mutate({ action: 'state', state: s })}
            disabled={busy}
          >
            {t(`actions.${s}`)}
          </Button>
        ))}
        {lead.allowed.includes('no_action') ? (
          <Button variant="light" color="gray" onClick={() => open('noAction')} disabled={busy}>
            {t('actions.no_action')}
          </Button>
        ) : null}
        {snoozed ? (
          <Button
            variant="subtle"
            onClick={() => act.mutate({ action: 'snooze', until: null })}
            disabled={busy}
          >
            {t('actions.unsnooze')}
          </Button>
        ) : (
          <Button variant="subtle" onClick={() => open('snooze')} disabled={busy}>
            {t('actions.snooze')}
          </Button>
        )}
      </Group>
      {dialog === null ? <ErrorAlert error={act.error} onClose={() => act.reset()} /> : null}

      <Modal
        opened={dialog === 'noAction'}
        onClose={() => setDialog(null)}
        title={t('actions.noActionTitle')}
      >
        <form onSubmit={submitNoAction} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('actions.noActionIntro')}
            </Text>
            <Textarea
              label={t('actions.reason')}
              placeholder={t('actions.reasonPlaceholder')}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonMissing(false);
              }}
              error={reasonMissing ? t('actions.reasonRequired') : undefined}
              required
              autosize
              minRows={3}
              maxLength={1000}
              data-autofocus
            />
            <ErrorAlert error={act.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('actions.noActionSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal
        opened={dialog === 'snooze'}
        onClose={() => setDialog(null)}
        title={t('actions.snoozeTitle')}
      >
        <form onSubmit={submitSnooze} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('actions.snoozeIntro')}
            </Text>
            <TextInput
              type="date"
              label={t('actions.snoozeUntil')}
              value={until}
              min={dateInputValue(tomorrow)}
              onChange={(e) => {
                setUntil(e.currentTarget.value);
                setUntilInvalid(false);
              }}
              error={untilInvalid ? t('actions.snoozeInvalid') : undefined}
              required
              data-autofocus
            />
            <ErrorAlert error={act.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('actions.snoozeSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal
        opened={dialog === 'assign'}
        onClose={() => setDialog(null)}
        title={t('actions.assignTitle')}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (assignee) act.mutate({ action: 'assign', assigneeId: assignee });
          }}
        >
          <Stack gap="md">
            <NativeSelect
              label={t('actions.assignTo')}
              value={assignee}
              onChange={(e) => setAssignee(e.currentTarget.value)}
              data={[
                { value: '', label: t('actions.assignToPlaceholder'), disabled: true },
                ...staff.assignable.map((u) => ({
                  value: u.id,
                  label: u.id === user.id ? `${u.displayName} (${t('people.you')})` : u.displayName,
                })),
              ]}
              data-autofocus
            />
            <ErrorAlert error={act.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} disabled={!assignee}>
                {t('actions.assign')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
