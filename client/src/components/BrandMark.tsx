import { productName } from '../lib/useDocumentTitle.js';
import './BrandMark.css';

/** The product name as a wordmark, with a decorative emblem drawn in CSS. */
export function BrandMark() {
  return (
    <span className="brand-mark">
      <span className="brand-mark__emblem" aria-hidden="true" />
      <span className="brand-mark__name">{productName}</span>
    </span>
  );
}
