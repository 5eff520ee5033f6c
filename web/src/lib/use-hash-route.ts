import { useEffect, useState } from 'react';

/** The app's place: the path and query after `#`, e.g. `#/institution/G10662` or `#/?q=højvang`. */
export interface Route {
  path: string;
  params: URLSearchParams;
}

const read = (): Route => {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = hash.split('?');
  return { path, params: new URLSearchParams(query) };
};

/**
 * The app routes in the URL's hash: the gateway serves one page at `/`, links and the back button
 * work, and no server route is needed per view.
 */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** A hash link to a path with query parameters (empty values left out). */
export function href(path: string, params: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.set(name, String(value));
  const text = query.toString();
  return `#${path}${text === '' ? '' : `?${text}`}`;
}
