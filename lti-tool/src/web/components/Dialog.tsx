import type { ReactElement, ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

interface ModalDialogProps {
  title: string;
  /** The button that opens the dialog. */
  trigger: ReactElement;
  /** Gets `close`, to call once the dialog's work is done. */
  children: (close: () => void) => ReactNode;
  wide?: boolean;
}

/** A modal dialog opened by a button; Escape and the close button dismiss it, focus returns to the button. */
export function ModalDialog({ title, trigger, children, wide }: ModalDialogProps) {
  return (
    <DialogTrigger>
      {trigger}
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className={`modal ${wide ? 'modal-wide' : ''}`}>
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <div className="dialog-header">
                  <Heading slot="title">{title}</Heading>
                  <Button className="button quiet icon" aria-label={t`Close`} onPress={close}>
                    ×
                  </Button>
                </div>
                {children(close)}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/** Asks once before something that cannot be undone (revoking a browser). */
export function ConfirmDialog({
  title,
  trigger,
  body,
  confirmLabel,
  onConfirm,
  dismissLabel,
}: {
  title: string;
  trigger: ReactElement;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  /** The button that closes the dialog without acting, when "Cancel" would be ambiguous. */
  dismissLabel?: ReactNode;
}) {
  return (
    <DialogTrigger>
      {trigger}
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                <div className="dialog-body">{body}</div>
                <div className="form-actions">
                  <Button className="button" onPress={close} autoFocus>
                    {dismissLabel ?? <Trans>Cancel</Trans>}
                  </Button>
                  <Button
                    className="button danger"
                    onPress={() => {
                      onConfirm();
                      close();
                    }}
                  >
                    {confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
