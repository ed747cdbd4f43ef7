/** Saves bytes as a file through the browser's download: the only way a page hands a file back. */
export function downloadFile(data: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the blob once the download starts; later is soon enough to let it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
