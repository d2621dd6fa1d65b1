// The bell hears the live socket's notification count through here, without opening a socket of
// its own: an open socket counts as "online", and someone online gets no notification at all.
type Listener = (unread: number) => void;

const listeners = new Set<Listener>();

export function onNotificationCount(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitNotificationCount(unread: number): void {
  for (const listener of listeners) listener(unread);
}
