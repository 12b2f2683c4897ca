import { useRef } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useMe } from '../../api/me.ts';
import type { ProgramSection } from '../../app/route.ts';
import { navigate } from '../../app/useRoute.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useSelectedTabInView } from '../../components/useSelectedTabInView.ts';
import { ActivityPanel } from './ActivityPanel.tsx';
import { FormPartnershipButton, LazyCheckpointsPanel, LazyReportPanel, LazyRosterPanel } from './LazyParts.tsx';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

/**
 * The program as staff see it: who is in it, which partnerships meet, checkpoints and their
 * evaluations. Never content (docs/design.md, principle 2); the API sends none.
 */
export function ProgramScreen({ section }: { section: ProgramSection }) {
  const me = useMe();
  const tabList = useRef<HTMLDivElement>(null);
  useSelectedTabInView(tabList, section);
  return (
    <>
      <PageTitle kicker={t`Program staff`} actions={<FormPartnershipButton />}>
        <bdi>{me.data?.program.title ?? t`Program`}</bdi>
      </PageTitle>
      <p className="lead">
        <Trans>
          You see whether partnerships meet (dates and counts), never what they write. Reach out to pairs that have gone
          quiet.
        </Trans>
      </p>
      <Tabs
        selectedKey={section}
        onSelectionChange={(k: Key) => navigate({ name: 'program', section: String(k) as ProgramSection })}
        className="tabs"
      >
        <TabList ref={tabList} aria-label={t`Program sections`} className="tab-list">
          <Tab id="partnerships" className="tab">
            <Trans>Partnerships</Trans>
          </Tab>
          <Tab id="roster" className="tab">
            <Trans>Roster</Trans>
          </Tab>
          <Tab id="checkpoints" className="tab">
            <Trans>Checkpoints and evaluations</Trans>
          </Tab>
          <Tab id="report" className="tab">
            <Trans>Report</Trans>
          </Tab>
        </TabList>
        <TabPanel id="partnerships" className="tab-panel">
          <ActivityPanel />
        </TabPanel>
        <TabPanel id="roster" className="tab-panel">
          <LazyRosterPanel />
        </TabPanel>
        <TabPanel id="checkpoints" className="tab-panel">
          <LazyCheckpointsPanel />
        </TabPanel>
        <TabPanel id="report" className="tab-panel">
          <LazyReportPanel />
        </TabPanel>
      </Tabs>
    </>
  );
}
