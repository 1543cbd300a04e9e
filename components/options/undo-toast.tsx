import { useEffect, useRef } from 'react';

interface UndoToastProps {
  label: string;
  onUndo: () => void;
}

/** "Removed “x”. Undo" while a removal can still be taken back; focus starts on Undo. */
export function UndoToast({ label, onUndo }: UndoToastProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), [label]);
  return (
    <div className="toast" role="status">
      <span>Removed “{label}”.</span>
      <button ref={button} type="button" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
