/**
 * The content script, small and without a framework: describes the reader's selection for the
 * background, and highlights the page's clips that the background sends (ids and selectors only).
 * It never sees the token; the page never sees clip data, only marks around its own text.
 *
 * Not declared in the manifest (`registration: 'runtime'`): the background runs it, after the page
 * has loaded, only where it is needed (see `lib/page-script.ts`). Its answer tells the background
 * whether it started now; run again in a document where it runs already, it only reports the page
 * again (its address may have changed without a new document).
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Highlighter } from '@/content/highlight';
import { currentSelection, pageDocument, pageUrl } from '@/content/selection';
import { answerWith, askBackground, type ContentAnswers, type ContentRequest } from '@/lib/messages';
import type { ScriptStart } from '@/lib/page-script';
import '@/content/highlight.css';

export default defineContentScript({
  registration: 'runtime',
  // Nothing announced to the page with `window.postMessage` when the script starts.
  noScriptStartedPostMessage: true,
  main(): ScriptStart {
    const report = () =>
      void askBackground({ type: 'page:ready', url: pageUrl(document), document: pageDocument(document) }).catch(
        () => undefined,
      );
    // A flag in this extension's isolated world, which lives as long as the document.
    const flag = '__mentoringClipper';
    const scope = globalThis as typeof globalThis & { [flag]?: true };
    if (scope[flag]) {
      report();
      return 'running';
    }
    if (!document.body) return 'no-page';
    scope[flag] = true;

    const highlighter = new Highlighter(document.body);
    browser.runtime.onMessage.addListener(
      answerWith<ContentRequest>(async (message): Promise<ContentAnswers[ContentRequest['type']]> => {
        switch (message.type) {
          case 'selection:get':
            return currentSelection(document);
          case 'highlights:set':
            return highlighter.set(message.passages);
          case 'highlights:scroll':
            return { found: highlighter.scrollTo(message.clipId) };
        }
      }),
    );
    report();
    return 'started';
  },
});
