import { useEffect, useRef, useState } from 'preact/hooks';
import { isApiError } from '../api/client.ts';
import type { AccountView } from '../api/types.ts';
import { ConsoleTabs } from '../components/account-console/console-tabs.tsx';
import { IamPanel } from '../components/account-console/iam-panel.tsx';
import { LoadBalancingPanel } from '../components/account-console/load-balancing-panel.tsx';
import { AlarmsPanel, AutoScalingPanel, S3Panel } from '../components/account-console/operations-panels.tsx';
import { VpcPanel } from '../components/account-console/vpc-panel.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { paths } from '../lib/routes.ts';
import { Link } from '../router.tsx';
import { useAccountView } from '../use-account-view.ts';
import { NotFoundPage } from './not-found-page.tsx';
import '../account-console.css';

const TABS = [
  { id: 'iam', label: 'IAM', count: (a: AccountView) => a.Iam.Users.length + a.Iam.Groups.length + a.Iam.Roles.length + a.Iam.Policies.length },
  { id: 'vpc', label: 'VPC', count: (a: AccountView) => a.Vpcs.length },
  { id: 'load-balancing', label: 'Load balancing', count: (a: AccountView) => a.LoadBalancers.length + a.TargetGroups.length },
  { id: 'auto-scaling', label: 'Auto Scaling', count: (a: AccountView) => a.AutoScalingGroups.length },
  { id: 'alarms', label: 'Alarms', count: (a: AccountView) => a.Alarms.length },
  { id: 's3', label: 'S3', count: (a: AccountView) => a.Buckets.length },
] as const;

type TabId = (typeof TABS)[number]['id'];

function Panel({ tab, account }: { tab: TabId; account: AccountView }) {
  switch (tab) {
    case 'iam':
      return <IamPanel iam={account.Iam} />;
    case 'vpc':
      return <VpcPanel vpcs={account.Vpcs} />;
    case 'load-balancing':
      return <LoadBalancingPanel loadBalancers={account.LoadBalancers} targetGroups={account.TargetGroups} />;
    case 'auto-scaling':
      return <AutoScalingPanel groups={account.AutoScalingGroups} />;
    case 'alarms':
      return <AlarmsPanel alarms={account.Alarms} />;
    default:
      return <S3Panel buckets={account.Buckets} />;
  }
}

// The tab the learner looked at last, shown first the next time (most labs live in one service).
const TAB_KEY = 'skylab:account-console-tab';

function initialTab(): TabId {
  try {
    const saved = window.localStorage.getItem(TAB_KEY);
    return TABS.find((tab) => tab.id === saved)?.id ?? 'iam';
  } catch {
    return 'iam';
  }
}

/**
 * The attempt's live AWS account, read-only, as the AWS console would show it: what the learner's CLI and
 * SDK calls (and submissions) left there. It asks again every few seconds while the page is visible.
 */
export function AccountPage({ attemptId }: { attemptId: string }) {
  const { snapshot, error, checkedAt, refreshing, refresh } = useAccountView(attemptId);
  const [tab, setTab] = useState<TabId>(initialTab);
  const [announcement, setAnnouncement] = useState('');
  const seenVersion = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (snapshot === undefined) return;
    if (seenVersion.current !== undefined && seenVersion.current !== snapshot.version) setAnnouncement(`The account changed: version ${snapshot.version}`);
    seenVersion.current = snapshot.version;
  }, [snapshot]);

  const select = (id: string) => {
    const next = TABS.find((t) => t.id === id)?.id ?? 'iam';
    setTab(next);
    try {
      window.localStorage.setItem(TAB_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };

  if (snapshot === undefined && isApiError(error, 'not_found')) return <NotFoundPage />;
  return (
    <article class="stack account-page">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <Link href={paths.attempt(attemptId)}>Back to the attempt</Link>
      </nav>
      <PageTitle title="AWS account" pending={snapshot === undefined && error === undefined} />
      <p class="muted">
        This attempt’s emulated account, read-only. Change it with the AWS CLI or SDK (the credentials are on the attempt page); this page checks for changes every few seconds.
      </p>
      <div class="account-toolbar">
        <button type="button" class="button button-small" onClick={refresh} disabled={refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
        {snapshot === undefined || checkedAt === undefined ? null : (
          <span class="muted small" data-testid="account-version">
            Version {snapshot.version} · checked {new Date(checkedAt).toLocaleTimeString()}
          </span>
        )}
        <span role="status" class="visually-hidden">{announcement}</span>
      </div>
      {error === undefined ? null : <ErrorMessage error={error} title="Could not load the account" />}
      {snapshot === undefined ? (
        error === undefined ? <p role="status" class="muted">Loading the account…</p> : null
      ) : (
        <ConsoleTabs label="AWS services" tabs={TABS.map((t) => ({ id: t.id, label: t.label, count: t.count(snapshot.account) }))} selected={tab} onSelect={select}>
          <Panel tab={tab} account={snapshot.account} />
        </ConsoleTabs>
      )}
    </article>
  );
}
