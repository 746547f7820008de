// workspace/executeCommand for several modules: the connection takes one handler, so each module registers its
// commands here by name and one handler dispatches them. Unknown commands answer null.

import type { Connection } from 'vscode-languageserver';

export type CommandHandler = (args: readonly unknown[]) => unknown;

const routers = new WeakMap<Connection, Map<string, CommandHandler>>();

export function registerCommand(connection: Connection, command: string, handler: CommandHandler): void {
  let handlers = routers.get(connection);
  if (!handlers) {
    const table = new Map<string, CommandHandler>();
    routers.set(connection, table);
    connection.onExecuteCommand(async (p) => {
      const h = table.get(p.command);
      return h ? await h(p.arguments ?? []) : null;
    });
    handlers = table;
  }
  handlers.set(command, handler);
}
