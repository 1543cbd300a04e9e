import { useId, useState } from 'react';

interface NumberSettingProps {
  label: string;
  value: number;
  min: number;
  max: number;
  hint?: string;
  disabled?: boolean;
  /** Stores a value already clamped to min–max; resolves false when it could not be stored. */
  onCommit: (value: number) => Promise<boolean>;
}

/**
 * A whole number within limits, stored when the field is left or Enter is pressed. A number out
 * of range is clamped, and the field says so; text that is no number is refused.
 */
export function NumberSetting({ label, value, min, max, hint, disabled, onCommit }: NumberSettingProps) {
  const id = useId();
  // What the user typed, until it is stored; undefined shows the stored value.
  const [text, setText] = useState<string>();
  const [note, setNote] = useState<string>();

  async function commit() {
    if (text === undefined) return;
    const typed = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(typed)) {
      setNote(`Type a whole number from ${min} to ${max}.`);
      return;
    }
    const clamped = Math.min(max, Math.max(min, Math.round(typed)));
    setNote(clamped === typed ? undefined : `${label} must be from ${min} to ${max}, so it was set to ${clamped}.`);
    setText(String(clamped));
    // On failure the typed value stays in the field, next to the page's message.
    if (clamped === value || (await onCommit(clamped))) setText(undefined);
  }

  return (
    <div className="number-setting">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        disabled={disabled}
        value={text ?? String(value)}
        aria-describedby={`${id}-hint${note ? ` ${id}-note` : ''}`}
        onChange={(e) => {
          setText(e.target.value);
          setNote(undefined);
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit();
          }
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {hint ?? `From ${min} to ${max}.`}
      </p>
      {note && (
        <p id={`${id}-note`} className="field-note" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
