// Parses a Dockerfile with dockerfile-ast, its per-instruction argument scan done once instead of on every getter call.
import { Argument, DockerfileParser, From, Instruction, type Dockerfile } from 'dockerfile-ast';

const SCANNED = Symbol('layerwise.rawArguments');

type Scanned = { [SCANNED]?: Argument[] };

let memoised = false;

/**
 * dockerfile-ast re-scans an instruction's text each time anything asks for its arguments (getArguments, getFlags,
 * getArgumentsRange, getHeredocs, getVariables and every FROM getter go through it), and its own constructors do so
 * three to five times per instruction: most of a parse. The scan depends only on the instruction's text, which never
 * changes after the parse, so it is kept on the instruction. Callers get a fresh array, as before, because
 * ModifiableInstruction shifts the flags off the one it gets back; a FROM also gets fresh arguments, because
 * From.getImageNameRange and getRegistryRange assign to the range of the first one.
 */
function memoiseArgumentScan(): void {
  const proto = Instruction.prototype as unknown as { getRawArguments(this: Scanned): Argument[] };
  const scan = proto.getRawArguments;
  // Read once: the bundle reaches a package's exports through getters, and this runs for every argument query.
  const FromClass = From;
  const ArgumentClass = Argument;
  proto.getRawArguments = function (this: Scanned): Argument[] {
    const args = (this[SCANNED] ??= scan.call(this));
    if (!(this instanceof FromClass)) return args.slice();
    return args.map((a) => {
      const r = a.getRange();
      return new ArgumentClass(a.getValue(), { start: r.start, end: r.end });
    });
  };
  memoised = true;
}

export function parseDockerfile(text: string): Dockerfile {
  if (!memoised) memoiseArgumentScan();
  return DockerfileParser.parse(text);
}
