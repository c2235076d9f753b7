// An in-app link: a real <a href> (so open-in-new-tab and keyboard work) that navigates client-side.
import type { ComponentChildren, JSX } from 'preact';
import { onLinkClick } from '../router';

type Props = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string; children?: ComponentChildren };

export function Link({ href, children, ...rest }: Props) {
  return (
    <a href={href} onClick={onLinkClick} {...rest}>
      {children}
    </a>
  );
}
