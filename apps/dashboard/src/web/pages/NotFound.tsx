import { Link } from '../router.js';

export function NotFound() {
  return (
    <section class="page">
      <h1 tabIndex={-1}>Nothing here</h1>
      <p>
        This address is not a page of Chorus. <Link href="/">Go to the home page</Link>.
      </p>
    </section>
  );
}
