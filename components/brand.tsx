/** The app's name and mark, used in the top bar and on the sign-in pages. */
export const APP_NAME = 'Recall';

export function BrandMark() {
  return (
    <span className="brand-mark" aria-hidden="true">
      R
    </span>
  );
}
