/** Copies `text`; where the clipboard is refused (no permission, plain http), selects it for Ctrl+C. */
export async function copyText(text: string, block: HTMLElement | null): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (block) {
      const range = document.createRange();
      range.selectNodeContents(block);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    return false;
  }
}
