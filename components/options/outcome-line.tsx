/** The result of an action on the options page: good news is announced politely, a failure as an alert. */
export interface Outcome {
  ok: boolean;
  text: string;
}

export function OutcomeLine({ outcome }: { outcome: Outcome | undefined }) {
  if (!outcome) return null;
  return (
    <p className={outcome.ok ? 'hint' : 'field-error'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.text}
    </p>
  );
}
