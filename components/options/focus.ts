/**
 * Focuses an element once React has rendered it (a row just added, a button that moved). Without
 * this, keyboard users would be left on a control that disappeared or on the page itself.
 */
export function focusLater(id: string, fallbackId?: string): void {
  setTimeout(() => {
    const target = document.getElementById(id);
    const usable = target && !(target as HTMLButtonElement).disabled ? target : undefined;
    (usable ?? (fallbackId ? document.getElementById(fallbackId) : null))?.focus();
  }, 0);
}
