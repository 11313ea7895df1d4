import { LtiPlatformsPanel } from '../components/lti-platforms-panel.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { WebhooksPanel } from '../components/webhooks-panel.tsx';
import { useSession } from '../session.tsx';

/** Admin settings for LMS integration: LTI 1.3 platforms and webhook endpoints. */
export function LmsSettingsPage() {
  const { user } = useSession();
  if (user?.role !== 'admin') {
    return (
      <section class="stack">
        <PageTitle title="LMS settings" />
        <p>Only an admin may change how Skylab connects to LMSs.</p>
      </section>
    );
  }
  return (
    <section class="stack">
      <PageTitle title="LMS settings" />
      <LtiPlatformsPanel />
      <WebhooksPanel />
    </section>
  );
}
