// A question on the terminal, answered by the person at it; a hidden answer (a password) is
// never echoed. Only given to commands when stdin and stderr are a terminal.
import readline from 'node:readline';

export function askOnTerminal(question: string, options: { hidden?: boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    if (options.hidden) {
      // readline writes what is typed through _writeToOutput: only the question itself goes out.
      const internal = rl as unknown as { _writeToOutput(text: string): void };
      internal._writeToOutput = (text: string) => {
        if (text.includes(question)) process.stderr.write(question);
      };
    }
    rl.question(question, (answer) => {
      if (options.hidden) process.stderr.write('\n');
      rl.close();
      resolve(answer);
    });
  });
}
