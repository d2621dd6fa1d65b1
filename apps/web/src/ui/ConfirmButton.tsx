import { useId, useState } from 'react';
import { Button, type ButtonVariant } from './Button.tsx';
import './ConfirmButton.css';

type ConfirmButtonProps = {
  /** The button's visible words; `hiddenLabel` finishes its name for screen readers ("… for Ana"). */
  label: string;
  hiddenLabel?: string;
  /** Asked before anything is done: what will happen, and that it cannot be undone. */
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  variant?: ButtonVariant;
  small?: boolean;
  pending: boolean;
  onConfirm: () => void;
  /** Called when the question opens, e.g. to clear an earlier failure. */
  onAsk?: () => void;
};

/**
 * A button for something that cannot be undone: it asks first, in the page (no browser dialog), and
 * puts focus on the answer; "Cancel" brings focus back to the button.
 */
export function ConfirmButton({
  label,
  hiddenLabel,
  question,
  confirmLabel,
  cancelLabel,
  variant = 'secondary',
  small = false,
  pending,
  onConfirm,
  onAsk,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const questionId = useId();
  const size = small ? 'button--small' : undefined;

  if (asking) {
    return (
      <div className="confirm" role="group" aria-labelledby={questionId}>
        <p id={questionId} className="confirm__question">
          {question}
        </p>
        <div className="form__actions">
          <Button className={size} autoFocus loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button
            variant="quiet"
            className={size}
            onClick={() => {
              setAsking(false);
              setCancelled(true);
            }}
          >
            {cancelLabel}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <Button
      variant={variant}
      className={size}
      autoFocus={cancelled}
      onClick={() => {
        onAsk?.();
        setAsking(true);
      }}
    >
      {label}
      {hiddenLabel && <span className="visually-hidden"> {hiddenLabel}</span>}
    </Button>
  );
}
