/** Haven's mark: a simple shelter. Decorative; the brand name is always written beside it. */
export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#1d6b6b" />
      <path d="M16 7 6.5 15H9v9.5h5.5V19h3v5.5H23V15h2.5z" fill="#f7f5f0" />
    </svg>
  );
}
