import { useMemo } from 'react';
import { qrDrawing } from '../lib/qr';

interface QrCodeProps {
  value: string;
  /** What the code is, for screen readers (the address is printed beside it too). */
  label: string;
  className?: string;
}

/** A QR code as inline SVG: crisp at any print resolution, black on white. */
export function QrCode({ value, label, className }: QrCodeProps) {
  const drawing = useMemo(() => qrDrawing(value), [value]);
  return (
    <svg
      className={className}
      viewBox={`0 0 ${drawing.size} ${drawing.size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={drawing.size} height={drawing.size} fill="#ffffff" />
      <path d={drawing.path} fill="#000000" />
    </svg>
  );
}
