/** The options page's permissions section: showing clips again on every site, or site by site. */
import { Trans } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { askForAllSites, dropAllSites, hasAllSites } from '@/lib/site-access';

export function SiteAccess() {
  const [allSites, setAllSites] = useState<boolean | null>(null);
  useEffect(() => {
    const read = () => void hasAllSites().then(setAllSites);
    read();
    browser.permissions.onAdded.addListener(read);
    browser.permissions.onRemoved.addListener(read);
    return () => {
      browser.permissions.onAdded.removeListener(read);
      browser.permissions.onRemoved.removeListener(read);
    };
  }, []);

  // The request must start within the click: no await before it.
  const toggle = (on: boolean) =>
    void (on ? askForAllSites() : dropAllSites()).then(() => hasAllSites().then(setAllSites));

  return (
    <aside aria-labelledby="site-access-title" style={{ maxWidth: 560 }}>
      <h2 id="site-access-title">
        <Trans>Showing your clips again</Trans>
      </h2>
      <p>
        <Trans>
          Clipping needs no access to your sites: when you clip (right-click, Alt+Shift+C or the toolbar button), your
          browser lets the extension read that one page, that once.
        </Trans>
      </p>
      <p>
        <Trans>
          To highlight your clips when you open a page again, the extension must be allowed to read its site. It asks
          once for each site, the first time you clip there.
        </Trans>
      </p>
      <label>
        <input
          type="checkbox"
          checked={allSites === true}
          disabled={allSites === null}
          onChange={(e) => toggle(e.currentTarget.checked)}
          aria-describedby="all-sites-hint"
        />{' '}
        <Trans>Show clips again on all sites, without asking site by site</Trans>
      </label>
      <p className="hint" id="all-sites-hint">
        <Trans>
          Your browser will say the extension can read and change data on all websites. It still looks only at pages you
          clipped from, and tells your mentoring tool about no other page. Sites you allowed one by one stay allowed
          when you turn this off; remove them in your browser’s extension settings.
        </Trans>
      </p>
    </aside>
  );
}
