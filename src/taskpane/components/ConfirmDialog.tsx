/**
 * A question before something is replaced, ended or deleted: a modal dialog that takes the focus,
 * says what will happen, and offers the action and a way back. Esc or the way back cancels;
 * Fluent returns the focus to where it was.
 */
import type { ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';

interface Props {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The action cannot be taken yet (a required field in the dialog is empty). */
  confirmDisabled?: boolean;
}

export function ConfirmDialog({ open, title, children, confirm, cancel, onConfirm, onCancel, confirmDisabled }: Props) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!confirmDisabled) onConfirm();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>{children}</DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={confirmDisabled}>
                {confirm}
              </Button>
              <Button onClick={onCancel}>{cancel}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
