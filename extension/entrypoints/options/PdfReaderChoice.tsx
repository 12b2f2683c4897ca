/** The options page's choice to open every PDF in the extension's reader (`lib/reader-open.ts`). */
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { askForAllSites, hasAllSites } from '@/lib/site-access';
import { readerUrl } from '@/lib/reader-tabs';
import { pdfReaderChoiceItem } from '@/lib/stored';

export function PdfReaderChoice() {
  const [on, setOn] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const read = () =>
      void Promise.all([pdfReaderChoiceItem.getValue(), hasAllSites()]).then(([chosen, all]) => setOn(chosen && all));
    read();
    browser.permissions.onRemoved.addListener(read);
    return () => browser.permissions.onRemoved.removeListener(read);
  }, []);

  // The request must start within the click: no await before it.
  const toggle = (wanted: boolean) => {
    setProblem(null);
    if (!wanted) return void pdfReaderChoiceItem.setValue(false).then(() => setOn(false));
    void askForAllSites().then(async (granted) => {
      if (!granted) setProblem(t`Without access to every site, PDFs cannot be opened in the reader automatically.`);
      await pdfReaderChoiceItem.setValue(granted);
      setOn(granted);
    });
  };

  return (
    <aside aria-labelledby="pdf-reader-title" style={{ maxWidth: 560 }}>
      <h2 id="pdf-reader-title">
        <Trans>PDFs</Trans>
      </h2>
      <p>
        <Trans>
          PDFs are clipped and highlighted again in the extension’s own reader. Open a PDF there with the right-click
          menu “Open in mentoring reader” on the PDF or on a link to it, or{' '}
          <a href={readerUrl()} target="_blank" rel="noreferrer">
            open a PDF from this computer
          </a>
          . Passages clipped in your browser’s own PDF viewer (right-click, “Clip to mentoring workspace”) are
          highlighted there too.
        </Trans>
      </p>
      <label>
        <input
          type="checkbox"
          checked={on === true}
          disabled={on === null}
          onChange={(e) => toggle(e.currentTarget.checked)}
          aria-describedby="pdf-reader-hint"
        />{' '}
        <Trans>Open PDFs in the mentoring reader</Trans>
      </label>
      <p className="hint" id="pdf-reader-hint">
        <Trans>
          Links to addresses ending in .pdf then open in the reader. This needs access to all sites: the extension must
          see which address a tab opens, and the reader reads the PDF from its site.
        </Trans>
      </p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </aside>
  );
}
