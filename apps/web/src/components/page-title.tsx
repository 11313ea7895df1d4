import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { claimHeadingFocus } from '../router.tsx';

/** The page's h1: names the browser tab and takes focus after an in-app navigation. */
export function PageTitle({ title, children }: { title: string; children?: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Skylab`;
  }, [title]);
  useEffect(() => {
    if (claimHeadingFocus()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} class="page-title">
      {children ?? title}
    </h1>
  );
}
