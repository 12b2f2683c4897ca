/**
 * Asks the LMS to size the tool's frame to the app's content (`lti.frameResize`, understood by Canvas
 * and others), so the course page scrolls and the frame does not scroll inside it. Where the LMS does
 * not listen (Moodle) nothing changes and the app stays compact in its fixed frame.
 */

/** The message Canvas documents for its `postMessage` listener; the height is the content's, in CSS pixels. */
export function frameResizeMessage(height: number): { subject: 'lti.frameResize'; height: number } {
  return { subject: 'lti.frameResize', height: Math.ceil(height) };
}

/** Posts the content's height to the parent window whenever it changes; returns a stop function. */
export function askToFitContent(win: Window = window): () => void {
  if (win.parent === win) return () => undefined;
  const body = win.document.body;
  let sent = 0;
  const send = () => {
    // The body's own height, not the document's: a document is never shorter than its frame, so it could only grow.
    const style = win.getComputedStyle(body);
    const height = body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    if (Math.abs(height - sent) < 2) return;
    sent = height;
    // Only a height leaves the frame, no content: any origin may read it.
    win.parent.postMessage(frameResizeMessage(height), '*');
  };
  const observer = new ResizeObserver(send);
  observer.observe(body);
  send();
  return () => observer.disconnect();
}
