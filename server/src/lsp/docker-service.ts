// The one instance of rcjsuen's dockerfile-language-service (MIT) the editing features share, set up for the client's capabilities.
import { DockerfileLanguageServiceFactory, type DockerfileLanguageService } from 'dockerfile-language-service';
import { MarkupKind, type ClientCapabilities } from 'vscode-languageserver';

let service: DockerfileLanguageService | undefined;

/**
 * The service re-parses the text it is given (its API takes a string, not our dockerfile-ast tree). Per-keystroke
 * features (completion, hover, signature help) skip it past this size, where that parse alone takes a noticeable
 * time; explicit ones (format, rename) always run.
 */
export const INTERACTIVE_LIMIT = 256 * 1024;

/** Called from `initialize`: markdown and snippets only when the client says it renders them. */
export function configureDockerService(capabilities: ClientCapabilities): void {
  const s = dockerService();
  const item = capabilities.textDocument?.completion?.completionItem;
  const hoverFormats = capabilities.textDocument?.hover?.contentFormat;
  s.setCapabilities({
    completion: {
      completionItem: {
        snippetSupport: item?.snippetSupport === true,
        documentationFormat: item?.documentationFormat ?? [MarkupKind.Markdown],
        deprecatedSupport: item?.deprecatedSupport === true,
        ...(item?.tagSupport ? { tagSupport: item.tagSupport } : {}),
      },
    },
    hover: { contentFormat: hoverFormats ?? [MarkupKind.Markdown] },
    foldingRange: { lineFoldingOnly: capabilities.textDocument?.foldingRange?.lineFoldingOnly === true },
  });
}

export function dockerService(): DockerfileLanguageService {
  // Its logger writes nothing: the service logs only failed registry look-ups, which Layerwise never makes through it.
  if (!service) {
    service = DockerfileLanguageServiceFactory.createLanguageService();
    service.setLogger({ log: () => undefined });
  }
  return service;
}
