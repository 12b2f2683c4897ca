/** Opening the side panel (Chrome `sidePanel`, Firefox `sidebarAction`) from a click. */
import { browser } from 'wxt/browser';

type SidebarAction = { open(): Promise<void> };

export async function openSidePanel(windowId: number): Promise<void> {
  const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  if (sidebar) return sidebar.open();
  await browser.sidePanel.open({ windowId });
}
