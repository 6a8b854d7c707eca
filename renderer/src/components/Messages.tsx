// Errors and notices, announced to screen readers and dismissable. Notices leave by
// themselves; errors stay until read.
import { useEffect } from 'react';
import type { Message } from '../state/workspace-state';

export const NOTICE_MS = 6000;

function MessageRow({ message, onDismiss }: { message: Message; onDismiss(id: number): void }) {
  useEffect(() => {
    if (message.kind !== 'info') return;
    const timer = setTimeout(() => onDismiss(message.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      <span>{message.text}</span>
      <button type="button" aria-label="Dismiss" onClick={() => onDismiss(message.id)}>
        ×
      </button>
    </div>
  );
}

export function Messages({ messages, onDismiss }: { messages: Message[]; onDismiss(id: number): void }) {
  return (
    <div className="messages">
      {messages.map((message) => (
        <MessageRow key={message.id} message={message} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
