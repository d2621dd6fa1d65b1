import { useRef, useState } from 'react';
import { StatusMessage } from '../../ui/index.ts';

/**
 * A page's "what just changed" message: `region` stays where the page starts, and `announce` puts a
 * message in it, scrolls to it and takes focus there, since the control used may be gone.
 */
export function useAnnouncement() {
  const [message, setMessage] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);

  function announce(text: string) {
    setMessage(text);
    requestAnimationFrame(() => {
      status.current?.scrollIntoView({ block: 'nearest' });
      status.current?.focus();
    });
  }

  const region = (
    <div ref={status} tabIndex={-1}>
      <StatusMessage message={message} />
    </div>
  );
  return { announce, region };
}
