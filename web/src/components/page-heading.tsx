import { useEffect, type ReactNode } from 'react';

/** A view's one h1, focusable so that the app can move focus to it after a navigation; sets the title. */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} – Dagtilbudsregisteret`;
  }, [title]);
  return <h1 tabIndex={-1}>{children}</h1>;
}
