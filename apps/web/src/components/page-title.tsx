import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { claimHeadingFocus } from '../router.tsx';

/**
 * The page's h1: names the browser tab and takes focus after an in-app navigation. A `pending` title
 * (shown while the page loads) leaves the focus for the real one that replaces it.
 */
export function PageTitle({ title, pending = false, children }: { title: string; pending?: boolean; children?: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Skylab`;
  }, [title]);
  useEffect(() => {
    if (!pending && claimHeadingFocus()) ref.current?.focus();
  }, [pending]);
  return (
    <h1 ref={ref} tabIndex={-1} class="page-title">
      {children ?? title}
    </h1>
  );
}
