import { useState, type ReactNode } from 'react';
import { focusLater } from './focus';

export interface ConfirmActionProps {
  /** Prefix of the ids: `${id}-start`, `${id}-cancel`, `${id}-question`. */
  id: string;
  /** The button that asks, e.g. "Clear all data…". */
  startLabel: string;
  /** Whether the button that asks is marked as dangerous already. */
  danger?: boolean;
  /** The question: says exactly what goes. */
  question: ReactNode;
  /** The button that does it, e.g. "Delete everything". */
  confirmLabel: string;
  /** When the question is asked (e.g. to clear the last outcome). */
  onStart?: () => void;
  /** Does it; reports its own outcome. */
  onConfirm: () => Promise<void>;
}

/**
 * An action that cannot be undone, behind a confirmation: the question, the action and a Cancel
 * that has the focus, so a stray Enter does nothing. When the question goes (answered or
 * cancelled), the keyboard goes back to the button that asked.
 */
export function ConfirmAction({
  id,
  startLabel,
  danger,
  question,
  confirmLabel,
  onStart,
  onConfirm,
}: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  const startId = `${id}-start`;
  const cancelId = `${id}-cancel`;

  function close() {
    setConfirming(false);
    focusLater(startId);
  }

  if (!confirming) {
    return (
      <button
        type="button"
        id={startId}
        className={danger ? 'danger' : undefined}
        onClick={() => {
          setConfirming(true);
          onStart?.();
          focusLater(cancelId);
        }}
      >
        {startLabel}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>{question}</p>
      <div className="button-row">
        <button
          type="button"
          className="danger"
          onClick={() => {
            void onConfirm().finally(close);
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" id={cancelId} onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}
