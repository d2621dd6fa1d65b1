import { Fragment, type ReactNode } from 'react';
import { parseMessageText, type Inline } from '../../room/messageText.ts';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case 'text':
        return <Fragment key={index}>{node.text}</Fragment>;
      case 'link':
        return (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer">
            {node.href}
          </a>
        );
      case 'strong':
        return <strong key={index}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={index}>{renderInline(node.children)}</em>;
    }
  });
}

/** A message's text with **bold**, _italic_, line breaks and links — built as elements, never as HTML. */
export function MessageText({ text }: { text: string }) {
  const lines = parseMessageText(text);
  return (
    <p className="message__text">
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 && <br />}
          {renderInline(line)}
        </Fragment>
      ))}
    </p>
  );
}
