import { PageTitle } from '../components/page-title.tsx';
import { paths } from '../lib/routes.ts';
import { Link } from '../router.tsx';

export function NotFoundPage() {
  return (
    <section class="stack">
      <PageTitle title="Page not found" />
      <p>There is nothing at this address. It may be a lab that was retired, or an attempt that belongs to another account.</p>
      <p>
        <Link href={paths.catalogue()}>Browse all labs</Link>
      </p>
    </section>
  );
}
