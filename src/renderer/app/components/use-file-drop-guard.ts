import { useEffect } from 'react';

/**
 * A file dropped beside a drop zone makes the browser open it in place of the app (in the web twin, a reload away
 * from everything on screen). While a form with drop zones is shown, stray file drops are swallowed.
 */
export function useFileDropGuard(): void {
  useEffect(() => {
    const swallow = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', swallow);
    window.addEventListener('drop', swallow);
    return () => {
      window.removeEventListener('dragover', swallow);
      window.removeEventListener('drop', swallow);
    };
  }, []);
}
