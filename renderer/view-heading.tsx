// The view's heading: the shell moves focus to it when a view opens, so keyboard and screen-reader users
// start reading at the top of the new view.
export function ViewHeading({ children }: { children: React.ReactNode }) {
  return <h1 tabIndex={-1} className="view-heading">{children}</h1>;
}
