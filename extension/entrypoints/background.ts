/**
 * The background: owns the outbox and the conversation with the tool for pages, and wires the
 * browser's events (menu, command, alarms, tabs, storage) to the modules in `lib/`.
 */
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { renderBadge, renderTabBadge } from '@/lib/badge';
import {
  CLIP_COMMAND,
  CLIP_MENU_ID,
  clipFromTab,
  createClipMenu,
  onClipMenuClicked,
  renameClipMenu,
  sendOutbox,
} from '@/lib/clip-flow';
import { onConnectionChange } from '@/lib/connection';
import { followLocale } from '@/lib/locale';
import { answerWith, type BackgroundRequest } from '@/lib/messages';
import { OUTBOX_ALARM } from '@/lib/outbox';
import { refreshPages, showActivatedTab, showPageClips } from '@/lib/page-clips';
import { forgetPageState } from '@/lib/page-state';
import { onQueueChange } from '@/lib/queue';
import { onReaderMenuClicked, redirectPdfTab } from '@/lib/reader-open';
import { handleRequest, isFromExtensionPage } from '@/lib/requests';

const decidedTabs: number[] = [];
/** Records (in test builds only) that a tab's loaded page has been looked at for clips. */
function noteDecided(tabId: number): void {
  if (import.meta.env.WXT_E2E === '1') decidedTabs.push(tabId);
}

export default defineBackground(() => {
  // The menu item and the badge's tooltip speak the person's language, and change with it.
  void followLocale(() => {
    void renameClipMenu();
    void renderBadge();
  });
  const start = () => {
    void createClipMenu();
    void renderBadge();
    void sendOutbox();
  };
  browser.runtime.onInstalled.addListener(start);
  browser.runtime.onStartup.addListener(start);

  browser.contextMenus.onClicked.addListener((menu, tab) => {
    onReaderMenuClicked(menu, tab);
    void onClipMenuClicked(menu, tab);
  });
  const onCommand = async (command: string, tab?: Browser.tabs.Tab) => {
    if (command !== CLIP_COMMAND) return;
    const target = tab ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
    if (target) await clipFromTab(target);
  };
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));

  browser.runtime.onMessage.addListener(answerWith<BackgroundRequest>(handleRequest));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void sendOutbox();
  });
  onConnectionChange((connection) => {
    if (connection?.token) void sendOutbox();
    void refreshPages();
  });
  onQueueChange(() => void renderBadge());

  // A tab's page changed or closed: its clips are no longer the ones recorded.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // The person chose to read PDFs in the extension's reader.
    if (change.status === 'loading' && change.url) void redirectPdfTab(tabId, change.url);
    if (change.status === 'loading' && change.url) void forgetPageState(tabId).then(() => renderTabBadge(tabId, null));
    // Loaded (its load event is over): the content script runs there only if the page holds clips.
    if (change.status === 'complete') void showPageClips(tabId, tab.url).then(() => noteDecided(tabId));
  });
  // Pages open before the extension started, or that gained clips since they loaded.
  browser.tabs.onActivated.addListener(({ tabId }) => void showActivatedTab(tabId));
  browser.tabs.onRemoved.addListener((tabId) => void forgetPageState(tabId));
  // A site (or every site) was granted: open pages there may now show their clips.
  browser.permissions.onAdded.addListener(() => void refreshPages());

  if (import.meta.env.WXT_E2E === '1') {
    // Test builds only: the tabs whose loaded page the background has decided about, so a test
    // waits for that decision instead of for a delay.
    (globalThis as { e2eDecidedTabs?: number[] }).e2eDecidedTabs = decidedTabs;
    // Test builds only, dead-stripped from releases: Playwright cannot click a native menu.
    browser.runtime.onMessage.addListener(
      answerWith<BackgroundRequest>((message, sender) => {
        if (message.type !== 'e2e:clip-selection' || !isFromExtensionPage(sender)) return undefined;
        return browser.tabs.get(message.tabId).then((tab) =>
          onClipMenuClicked(
            {
              menuItemId: CLIP_MENU_ID,
              editable: false,
              pageUrl: tab.url ?? '',
              selectionText: message.selectionText,
            },
            tab,
          ),
        );
      }),
    );
  }
});
