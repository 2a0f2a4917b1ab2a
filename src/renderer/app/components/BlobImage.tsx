import { useEffect, useRef } from 'react';

/**
 * An <img> showing a Blob through an object URL that lives exactly as long as it is shown: created when the blob
 * arrives, revoked when it changes or the image goes away (also under StrictMode's double effects), so hundreds of
 * thumbnails viewed over a day do not pin their bytes in memory. The CSP allows `img-src blob:`.
 */
export function BlobImage({ blob, alt, className, testId }: { blob: Blob | undefined; alt: string; className?: string; testId?: string }) {
  const image = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const element = image.current;
    if (!element || !blob) return;
    const url = URL.createObjectURL(blob);
    element.src = url;
    return () => {
      element.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [blob]);
  return <img ref={image} alt={alt} className={className} data-testid={testId} hidden={!blob} />;
}
