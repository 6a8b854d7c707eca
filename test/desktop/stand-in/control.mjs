// The stand-in's line to the test (the fork() IPC channel): reports out, requests in.

// ---------------------------------------------------------------------------------------------
// Talking to the test.

/** @param {Record<string, unknown>} message */
export function report(message) {
  if (process.send && process.connected) process.send({ standIn: message });
}

export const dialogAnswers = [];
export const requestHandlers = new Map();

process.on('message', async (message) => {
  if (!message || typeof message !== 'object' || !('request' in message)) return;
  const { id, op, args } = message.request;
  const handler = requestHandlers.get(op);
  try {
    if (!handler) throw new Error(`The stand-in knows no request ${op}.`);
    const result = await handler(args ?? {});
    if (process.connected) process.send({ reply: { id, result: result ?? null } });
  } catch (error) {
    if (process.connected) process.send({ reply: { id, error: String(error?.stack ?? error) } });
  }
});

// ---------------------------------------------------------------------------------------------
// Events as Electron passes them.

export function electronEvent(fields = {}) {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}
