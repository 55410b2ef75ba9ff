/**
 * Saves text as a file through a temporary link. CSV gets a byte-order mark so that spreadsheet
 * programs read it as UTF-8 (names in Spanish, Chinese, Arabic…).
 */
export function downloadText(name: string, text: string, type = 'text/csv'): void {
  const body = type === 'text/csv' ? `\uFEFF${text}` : text;
  const url = URL.createObjectURL(new Blob([body], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
