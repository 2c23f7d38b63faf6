import { useEffect } from 'react';

/**
 * Sets the printed page (`@page`) while the calling component is on screen, e.g. A5 for the
 * letters, and restores the default afterwards, so printing any other page is not affected.
 * A constructed style sheet is used where the browser has them (no inline <style>, nothing for
 * the Content Security Policy to refuse); older browsers get a <style> element.
 */
export function usePrintPage(rule: string): void {
  useEffect(() => {
    if (typeof CSSStyleSheet !== 'undefined' && 'adoptedStyleSheets' in document && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(rule);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return () => {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
    const style = document.createElement('style');
    style.textContent = rule;
    document.head.appendChild(style);
    return () => style.remove();
  }, [rule]);
}
