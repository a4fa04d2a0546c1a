// Links that are safe to build from data: an IRI is a live link only for http(s) schemes (never
// `javascript:` or `data:`), and a link to another node walks there inside the explorer.
import type { MouseEvent, ReactNode } from 'react';
import type { Selection } from '../../state/explorer.ts';
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { urlStateOf } from '../../state/explorer.ts';
import { encodeUrlState } from '../../state/url.ts';

/** True when `iri` may be opened as a web link (http: or https:). */
export function isWebIri(iri: string): boolean {
  try {
    const { protocol } = new URL(iri);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** An IRI as text, linked when it is a web address. */
export function IriText({ iri }: { iri: string }) {
  if (!isWebIri(iri)) return <span className="iri">{iri}</span>;
  return (
    <a className="iri" href={iri} target="_blank" rel="noopener noreferrer">
      {iri}
    </a>
  );
}

/**
 * A link to a node or edge of the graph: a real URL of the explorer (so it can be opened in a new
 * tab), and a walk with an animated camera when followed in place.
 */
export function WalkLink({
  to,
  children,
  className,
}: {
  to: NonNullable<Selection>;
  children: ReactNode;
  className?: string;
}) {
  const actions = useActions();
  const href = useExplorer((s) =>
    encodeUrlState({ ...urlStateOf(s), selection: to, camera: null }),
  );
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    actions.walkTo(to);
  };
  return (
    <a className={className} href={href === '' ? '?' : href} onClick={onClick}>
      {children}
    </a>
  );
}
