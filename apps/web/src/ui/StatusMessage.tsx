import './StatusMessage.css';

/**
 * A live region that stays on the page, so that a message put into it ("Profile saved") is
 * announced by screen readers; an element that appears already holding its text often is not.
 */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className="status-message">
      {message && <p className="status-message__text">{message}</p>}
    </div>
  );
}
