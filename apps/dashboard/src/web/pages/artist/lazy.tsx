import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox, Loading } from '../../components/States.js';

// Set once the person moves inside the app: from then on a page that finishes loading takes focus, as navigate gives it.
let navigated = false;
addEventListener('chorus:navigate', () => {
  navigated = true;
});

/**
 * A page whose code is fetched the first time it is shown (its own chunk), so the pages a person never opens cost
 * nothing at start-up. A failed fetch (a deploy replaced the chunk) offers a reload.
 */
export function lazyPage<Props extends object>(load: () => Promise<FunctionComponent<Props>>): FunctionComponent<Props> {
  let Page: FunctionComponent<Props> | undefined;
  let pending: Promise<FunctionComponent<Props>> | undefined;
  return function LazyPage(props: Props) {
    const [, setLoaded] = useState(false);
    const [error, setError] = useState<unknown>(null);
    useEffect(() => {
      if (Page) return;
      pending ??= load();
      pending.then(
        (loaded) => {
          Page = loaded;
          setLoaded(true);
          // The link that had focus went away with the last page: give it to the new page's heading, as navigate does.
          requestAnimationFrame(() => {
            if (navigated && document.activeElement === document.body) document.querySelector<HTMLElement>('main h1')?.focus();
          });
        },
        (failure: unknown) => {
          pending = undefined;
          setError(failure);
        },
      );
    }, []);
    if (Page) return <Page {...props} />;
    if (error)
      return <ErrorBox error={new Error('This page could not be loaded. Reload to get the latest version of Chorus.')} retry={() => location.reload()} />;
    return <Loading label="Opening the page" />;
  };
}
