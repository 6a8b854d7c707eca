// Errors and notices, announced to screen readers and dismissable.
import type { Message } from '../state/workspace-state';

export function Messages({ messages, onDismiss }: { messages: Message[]; onDismiss(id: number): void }) {
  return (
    <div className="messages">
      {messages.map((message) => (
        <div key={message.id} className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <span>{message.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => onDismiss(message.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
