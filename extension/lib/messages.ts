/**
 * The messages between the extension's parts, typed once. The background is the only part that
 * holds the outbox and talks to the tool for the content script; the content script only ever
 * receives what it needs to find passages (ids and selectors), never the token or clip notes.
 */
import { browser, type Browser } from 'wxt/browser';
import type { CreateClip, PageDocument, Selector } from '@mentoring/shared';

/** What the content script reports about the current selection. */
export interface PageSelection {
  /** The selected text as the reader sees it (empty when nothing is selected). */
  quote: string;
  /** Selectors on the page's flat text; empty when the selection is not in the page's text. */
  selectors: Selector[];
  /** `<link rel=canonical>` when present, else the page's address. */
  url: string;
  title: string;
  /** What the page says about which reading it is. */
  document: PageDocument;
}

/** A passage to find and highlight on a page. */
export interface PassageToFind {
  id: string;
  selectors: Selector[];
}

/**
 * Whether a clip was found on the page: true, false, or only approximately (its quote changed, or
 * found away from its old place with its context changed), with the text found instead.
 */
export type AnchorResult = boolean | { approximate: string };

/** Per clip id. */
export type AnchorResults = Record<string, AnchorResult>;

/** Requests the background answers. */
export type BackgroundRequest =
  | { type: 'page:ready'; url: string; document?: PageDocument }
  | { type: 'clip:enqueue'; partnershipId: string; body: CreateClip & { id: string } }
  | { type: 'clip:active-tab'; tabId: number }
  | { type: 'clip:show'; clipId: string; url: string; tabId?: number }
  | { type: 'outbox:retry' }
  | { type: 'outbox:discard'; id: string }
  | { type: 'kept:file'; id: string }
  | { type: 'kept:discard'; id: string }
  /** The PDF reader (an extension page in a tab) reports the PDF it shows, as a content script reports its page. */
  | { type: 'reader:ready'; url: string; document: PageDocument }
  /** Test builds only (`WXT_E2E=1`): runs the context menu's handler on a tab. */
  | { type: 'e2e:clip-selection'; tabId: number; selectionText?: string };

export interface BackgroundAnswers {
  'page:ready': void;
  'clip:enqueue': { sent: boolean; message: string };
  'clip:active-tab': void;
  'clip:show': { found: boolean | null };
  'outbox:retry': void;
  'outbox:discard': void;
  'kept:file': void;
  'kept:discard': void;
  'reader:ready': void;
  'e2e:clip-selection': void;
}

/** Requests a content script answers. */
export type ContentRequest =
  | { type: 'selection:get' }
  | { type: 'highlights:set'; passages: PassageToFind[] }
  | { type: 'highlights:scroll'; clipId: string };

export interface ContentAnswers {
  'selection:get': PageSelection;
  'highlights:set': AnchorResults;
  'highlights:scroll': { found: boolean };
}

/**
 * A content request for the PDF reader in tab `tabId`: the reader is an extension page, which
 * `tabs.sendMessage` does not reach in every browser, so the background broadcasts it to the
 * extension's pages and only that tab's reader answers.
 */
export interface ReaderRequest {
  type: 'reader:ask';
  tabId: number;
  request: ContentRequest;
}

/** Either side answers a failed request with this instead of throwing across the boundary. */
export interface MessageFailure {
  error: string;
}

function unwrap<T>(answer: T | MessageFailure): T {
  if (answer && typeof answer === 'object' && 'error' in answer && typeof answer.error === 'string') {
    throw new Error(answer.error);
  }
  return answer as T;
}

export async function askBackground<M extends BackgroundRequest>(message: M): Promise<BackgroundAnswers[M['type']]> {
  return unwrap(await browser.runtime.sendMessage(message));
}

/** Asks the content script of a tab's top frame. */
export async function askTab<M extends ContentRequest>(tabId: number, message: M): Promise<ContentAnswers[M['type']]> {
  return unwrap(await browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
}

/** Asks the PDF reader in a tab (see `ReaderRequest`). */
export async function askReader<M extends ContentRequest>(
  tabId: number,
  message: M,
): Promise<ContentAnswers[M['type']]> {
  const request: ReaderRequest = { type: 'reader:ask', tabId, request: message };
  return unwrap(await browser.runtime.sendMessage(request));
}

/**
 * Adapts a promise-returning handler to `runtime.onMessage`, answering through `sendResponse`
 * (which every browser supports) and turning failures into `{ error }`.
 */
export function answerWith<M>(
  handle: (message: M, sender: Browser.runtime.MessageSender) => Promise<unknown> | undefined,
) {
  return (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (answer: unknown) => void,
  ): true | undefined => {
    const pending = handle(message as M, sender);
    if (!pending) return undefined;
    pending.then(
      (answer) => sendResponse(answer ?? null),
      (err: unknown) =>
        sendResponse({ error: err instanceof Error ? err.message : String(err) } satisfies MessageFailure),
    );
    return true;
  };
}
