/**
 * A frame the LMS grew to the app's height (Canvas does, asked by frameResize.ts) can be taller than
 * the screen. What the person sees of it is wherever they scrolled the course page to, which the
 * frame cannot know: dialogs and notices, fixed to the frame's own viewport, would open at its top
 * or bottom, off-screen. There they are placed by where the person last acted, which is in view:
 * `data-tall-frame` on the page, with `--dialog-top` and `--toast-top` (styles.css).
 */

/** Where, in a frame's coordinates, dialogs and notices go after the person acted at `y`. */
export function placesNear(y: number, frameHeight: number, screenHeight: number): { dialog: number; toast: number } {
  return {
    // The opener in the dialog's upper third: what the dialog asks about stays in sight above it.
    dialog: Math.round(Math.max(16, Math.min(y - screenHeight / 3, frameHeight - screenHeight / 2))),
    // Over the spot itself: only it is known to be in view (a notice is short-lived and small).
    toast: Math.round(Math.max(16, Math.min(y - 28, frameHeight - 96))),
  };
}

/** Whether this window is a frame taller than the screen it is on. */
function tall(win: Window): boolean {
  return win.parent !== win && win.innerHeight > win.screen.availHeight;
}

/**
 * Notes where the person points, or presses a key that acts (Enter, Space), outside dialogs; returns
 * a stop function. Typing otherwise is left alone: no layout read or style change per keystroke.
 */
export function placeByWhereActed(win: Window = window): () => void {
  const root = win.document.documentElement;
  let placed = '';
  const acted = (target: EventTarget | null, yOf: () => number | undefined) => {
    // Acting inside an open dialog must not move it.
    if (target instanceof Element && target.closest('.modal-overlay')) return;
    if (!tall(win)) {
      if (placed) root.removeAttribute('data-tall-frame');
      placed = '';
      return;
    }
    const y = yOf();
    if (y === undefined) return;
    const at = placesNear(y, win.innerHeight, win.screen.availHeight);
    if (placed === `${at.dialog} ${at.toast}`) return;
    placed = `${at.dialog} ${at.toast}`;
    root.setAttribute('data-tall-frame', '');
    root.style.setProperty('--dialog-top', `${at.dialog}px`);
    root.style.setProperty('--toast-top', `${at.toast}px`);
  };
  const pointed = (e: PointerEvent) => acted(e.target, () => e.clientY);
  const pressed = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const focused = win.document.activeElement;
    acted(focused, () => (focused && focused !== win.document.body ? focused.getBoundingClientRect().top : undefined));
  };
  win.addEventListener('pointerdown', pointed, true);
  win.addEventListener('keydown', pressed, true);
  return () => {
    win.removeEventListener('pointerdown', pointed, true);
    win.removeEventListener('keydown', pressed, true);
  };
}
