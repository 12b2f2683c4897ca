/**
 * The content script, small and without a framework: describes the reader's selection for the
 * background, and highlights the page's clips that the background sends (ids and selectors only).
 * It never sees the token; the page never sees clip data, only marks around its own text.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Highlighter } from '@/content/highlight';
import { currentSelection, pageUrl } from '@/content/selection';
import { answerWith, askBackground, type ContentAnswers, type ContentRequest } from '@/lib/messages';
import '@/content/highlight.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    // The background may inject this script again into a tab that already runs it.
    const flag = '__mentoringClipper';
    const scope = globalThis as typeof globalThis & { [flag]?: true };
    if (scope[flag] || !document.body) return;
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
    void askBackground({ type: 'page:ready', url: pageUrl(document) }).catch(() => undefined);
  },
});
