// Entry point of the bundled language server (`layerwise-language-server`): IPC from VS Code, or --stdio for other editors.
import { startServer } from './lsp/start';

if (process.argv.includes('--version')) {
  process.stdout.write('0.1.0\n');
} else {
  startServer();
}
