// IT's own words (FAQ answers, policy texts) may mention a web address. It becomes a link that goes through
// openHelpLink like any other, so main still decides: an address the signed schedule does not list is refused,
// and the person is told so next to it.
import { HelpLink } from './help-link.js';

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

export function LinkedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const start = match.index ?? 0;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(<HelpLink key={start} url={match[0]}>{match[0]}</HelpLink>);
    last = start + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
