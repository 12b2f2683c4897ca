/** The popup's way into the PDF reader: the PDF in this tab, or a PDF from this computer. */
import { t } from '@lingui/core/macro';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { openInReader } from '@/lib/reader-open';
import { looksLikePdf, readerUrl } from '@/lib/reader-tabs';

export function OpenInReader() {
  const [pdfTab, setPdfTab] = useState<{ id: number; url: string } | null>(null);
  useEffect(() => {
    // Opening the popup lets the extension see this tab's address (`activeTab`).
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined && looksLikePdf(tab.url)) setPdfTab({ id: tab.id, url: tab.url! });
    });
  }, []);
  // Called right in the click: the site's permission is asked for within the gesture.
  const open = () =>
    void (pdfTab ? openInReader(pdfTab.url, pdfTab.id) : browser.tabs.create({ url: readerUrl() })).then(() =>
      window.close(),
    );
  return (
    <div className="actions">
      <button type="button" onClick={open}>
        {pdfTab ? t`Open this PDF in the mentoring reader` : t`Open a PDF from this computer`}
      </button>
    </div>
  );
}
