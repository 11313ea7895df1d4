import { useState } from 'preact/hooks';

/**
 * The async Clipboard API exists only in secure contexts (HTTPS or localhost); a Skylab served over plain
 * HTTP on a LAN still copies through a selected, off-screen textarea.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    const focused = document.activeElement;
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (focused instanceof HTMLElement) focused.focus();
    return copied;
  }
}

interface CopyButtonProps {
  text: string;
  /** What is copied, as the button's accessible name says it: "Copy {what}". */
  what: string;
  onResult: (message: string) => void;
}

/** Copies one value; the result goes to the caller's live region so every button shares one announcement. */
export function CopyButton({ text, what, onResult }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const ok = await copyText(text);
    setCopied(ok);
    onResult(ok ? `${what} copied` : `Could not copy the ${what.toLowerCase()}: select it and copy it by hand`);
  };
  return (
    <button type="button" class="button button-small button-outline copy-button" aria-label={`Copy ${what.toLowerCase()}`} onClick={copy} onBlur={() => setCopied(false)}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
