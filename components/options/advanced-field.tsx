interface AdvancedFieldProps {
  idBase: string;
  advanced: boolean;
  rawQuery: string;
  error?: string;
  onToggle: (advanced: boolean) => void;
  onChange: (rawQuery: string) => void;
}

/** Advanced mode: a raw arXiv search query that replaces the terms, categories and exclusions. */
export function AdvancedField({ idBase, advanced, rawQuery, error, onToggle, onChange }: AdvancedFieldProps) {
  const rawId = `${idBase}-raw`;
  const hintId = `${idBase}-raw-hint`;
  const errorId = `${idBase}-raw-error`;
  return (
    <div className="advanced-field">
      <label className="check">
        <input type="checkbox" checked={advanced} onChange={(e) => onToggle(e.target.checked)} />
        Use an advanced arXiv query instead of the fields above
      </label>
      {advanced && (
        <>
          <label htmlFor={rawId}>arXiv query</label>
          <textarea
            id={rawId}
            rows={3}
            value={rawQuery}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${errorId} ${hintId}` : hintId}
            onChange={(e) => onChange(e.target.value)}
          />
          <p id={hintId} className="hint">
            arXiv's search syntax: fields <code>ti</code>, <code>abs</code>, <code>au</code>, <code>cat</code>,{' '}
            <code>all</code>…, the operators AND, OR and ANDNOT, quotes around phrases. For example{' '}
            <code>ti:"reward model" AND cat:cs.CL</code>.
          </p>
          {error && (
            <p id={errorId} className="field-error">
              {error}
            </p>
          )}
        </>
      )}
    </div>
  );
}
