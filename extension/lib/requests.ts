/**
 * The background's answers to the other parts. Requests are accepted only from the part that
 * may make them: page reports from a tab's top-frame content script, everything else from the
 * extension's own pages.
 */
import { browser, type Browser } from 'wxt/browser';
import type { BackgroundAnswers, BackgroundRequest } from './messages.ts';
import { clipFromTab, saveClip, sendOutbox } from './clip-flow.ts';
import { fileKept, forgetKept } from './kept-passages.ts';
import { loadPage, showClip } from './page-clips.ts';
import { makeAllDue, removeQueued } from './queue.ts';
import { isReaderUrl } from './reader-tabs.ts';

type Answer<T extends BackgroundRequest['type']> = Promise<BackgroundAnswers[T]>;

export function isFromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

function isFromPage(
  sender: Browser.runtime.MessageSender,
): sender is Browser.runtime.MessageSender & { tab: { id: number } } {
  return (
    sender.id === browser.runtime.id &&
    sender.tab?.id !== undefined &&
    sender.frameId === 0 &&
    !isFromExtensionPage(sender)
  );
}

/** A page may name its canonical address on its own site only. */
function sameSite(url: string, senderUrl: string | undefined): boolean {
  try {
    return new URL(url).origin === new URL(senderUrl ?? '').origin;
  } catch {
    return false;
  }
}

/** Answers a request, or returns undefined when it is not one of ours or not allowed from this sender. */
export function handleRequest(
  message: BackgroundRequest,
  sender: Browser.runtime.MessageSender,
): Answer<BackgroundRequest['type']> | undefined {
  if (message.type === 'page:ready') {
    return isFromPage(sender) && sameSite(message.url, sender.url)
      ? loadPage(sender.tab.id, message.url, message.document).then(() => undefined)
      : undefined;
  }
  if (!isFromExtensionPage(sender)) return undefined;
  if (message.type === 'reader:ready') {
    // The reader in a tab stands for the PDF it shows (see `reader-tabs.ts`).
    return sender.tab?.id !== undefined && isReaderUrl(sender.url)
      ? loadPage(sender.tab.id, message.url, message.document).then(() => undefined)
      : undefined;
  }
  switch (message.type) {
    case 'clip:enqueue':
      return saveClip(message.partnershipId, message.body);
    case 'clip:active-tab':
      return browser.tabs.get(message.tabId).then((tab) => clipFromTab(tab));
    case 'clip:show':
      return showClip(message.clipId, message.url, message.tabId);
    case 'outbox:retry':
      return makeAllDue().then(() => sendOutbox().then(() => undefined));
    case 'outbox:discard':
      return removeQueued(message.id).then(() => undefined);
    case 'kept:file':
      return fileKept(message.id);
    case 'kept:discard':
      return forgetKept(message.id);
    default:
      return undefined;
  }
}
