import type { ExportFile } from '../../lib/keywords/keyword-export';

/**
 * Offers a file for download through a temporary link, so that no "downloads" permission is
 * needed. The object URL is revoked a minute later, when the browser has long read the blob.
 */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
