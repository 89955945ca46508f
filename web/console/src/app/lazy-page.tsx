// Every page of the console is a chunk of its own, fetched when the page is first opened (see
// scripts/check-console-size.js for what each page loads). `lazyPage` turns a page's module into a
// route component: the router fetches it before it leaves the current page (after a second without
// it, the router's pending component, Loading, shows), and a failed fetch shows LoadFailed through
// the router's error component, in the frame, with the navigation still there. Opening the page
// again tries the fetch again.
import { ErrorComponent, type ErrorComponentProps } from '@tanstack/react-router';
import { createElement, use, type ComponentType, type ReactNode } from 'react';
import { ChunkLoadError, LoadFailed, loadChunk } from '../ui/LoadFailed';

/** A route component whose code is fetched on demand; `preload` is what the router awaits. */
export type LazyPage<P> = ((props: P) => ReactNode) & { preload: () => Promise<void> };

/** The export `name` of the module `importer` fetches (a function component), as a route component. */
export function lazyPage<
  M extends Record<K, (props: never) => ReactNode>,
  K extends keyof M & string,
  P = Parameters<M[K]>[0],
>(importer: () => Promise<M>, name: K): LazyPage<P> {
  let page: ComponentType<P> | null = null;
  let error: ChunkLoadError | null = null;
  let loading: Promise<void> | null = null;

  // Called by the router each time it opens the route: after a failure, that is the next try.
  const preload = (): Promise<void> => {
    if (page) return Promise.resolve();
    if (!loading) {
      error = null;
      loading = loadChunk(importer).then(
        (module) => {
          page = module[name] as unknown as ComponentType<P>;
        },
        (err: unknown) => {
          // Kept for the render, which throws it to the router's error component.
          error = err instanceof ChunkLoadError ? err : new ChunkLoadError(err);
          loading = null;
        },
      );
    }
    return loading;
  };

  function Lazy(props: P) {
    if (!page && !error) use(preload());
    if (error) throw error;
    return page ? createElement(page as ComponentType<object>, props as object) : null;
  }
  Lazy.displayName = `Lazy(${name})`;
  return Object.assign(Lazy, { preload });
}

/** The router's error component: a page that did not load says so; other errors as before. */
export function RouteError(props: ErrorComponentProps) {
  if (props.error instanceof ChunkLoadError) return <LoadFailed />;
  return <ErrorComponent {...props} />;
}
