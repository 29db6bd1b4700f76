import type { PdfDocument } from '../../src-shared/views-accueil';
import { ApiError } from '../api';

/** Saves a file through the browser's (or Electron's) download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a PDF produced by the main process. */
export function downloadPdf(doc: PdfDocument): void {
  downloadBlob(doc.fileName, new Blob([Uint8Array.from(atob(doc.base64), (c) => c.charCodeAt(0))], { type: 'application/pdf' }));
}

/** Asks the main process for a document and saves it; a refusal comes back as a French message for the screen. */
export async function printPdf(produce: () => Promise<PdfDocument>, onError: (message: string) => void): Promise<void> {
  try {
    downloadPdf(await produce());
  } catch (err) {
    onError(err instanceof ApiError ? err.message : 'Impression impossible.');
  }
}
