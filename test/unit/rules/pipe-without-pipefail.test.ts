// Table tests for DL4006 pipe-without-pipefail.
import rule from '../../../server/src/core/rules/dockerfile/pipe-without-pipefail';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM a\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n",
    "FROM a AS base\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nFROM base\nRUN a | b\n",
    "FROM a\nSHELL [\"pwsh\", \"-c\"]\nRUN a | b\n",
    "FROM a\nRUN a || b\n",
    { name: 'set -o pipefail earlier in the RUN', code: "FROM debian\nRUN set -o pipefail && curl -fsSL u | tar -xz\n" },
    { name: 'a heredoc with set -euo pipefail', code: "FROM debian\nRUN <<EOF\nset -euo pipefail\ncurl -fsSL u | sh\nEOF\n" },
    { name: 'a heredoc under a pipefail SHELL', code: "FROM debian\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN <<EOF\ncurl -fsSL u | sh\nEOF\n" },
    { name: 'a heredoc fed to bash -o pipefail', code: "FROM debian\nRUN bash -eo pipefail <<EOF\ncurl -fsSL u | sh\nEOF\n" },
    { name: 'a python heredoc (#! line) is not shell', code: "FROM python:3.12\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nos.system('a | b')\nEOF\n" },
    { name: 'a heredoc fed to python is not shell', code: "FROM python:3.12\nRUN <<EOF python3\nprint('a' if 1 | 0 else 'b')\nEOF\n" },
    { name: 'python3 reading a heredoc on stdin', code: "FROM python:3.12\nRUN python3 <<EOF\nprint(1 | 2)\nEOF\n" },
    { name: 'a pipe inside a heredoc written to a file is data', code: "FROM debian\nRUN cat <<EOF > /usr/local/bin/run\ncurl u | sh\nEOF\n" },
  ],
  invalid: [
    { name: "inserts SHELL with pipefail (unsafe)", code: "FROM debian\nRUN curl -fsSL u | tar -xz\n", errors: [{"text": "|"}], output: "FROM debian\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL u | tar -xz\n", applicability: 'unsafe' },
    { name: "ash on Alpine", code: "FROM alpine:3.20\nRUN a | b\n", errors: [{"text": "|"}], output: "FROM alpine:3.20\nSHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n" },
    { name: "a heredoc RUN run by the SHELL: SHELL fix before it", code: "FROM debian\nRUN <<EOF\nset -e\ncurl -fsSL u | sh\nEOF\n", errors: [{"text": "|"}], output: "FROM debian\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN <<EOF\nset -e\ncurl -fsSL u | sh\nEOF\n", applicability: 'unsafe' },
    { name: "a heredoc run by its #!/bin/bash: the SHELL does not apply, set -o pipefail goes at its top", code: "FROM debian\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN <<EOF\n#!/bin/bash\nset -e\ncurl -fsSL u | sh\nEOF\n", errors: [{"text": "|", messageId: 'noPipefailScript', message: 'run by `bash`'}], output: "FROM debian\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN <<EOF\n#!/bin/bash\nset -o pipefail\nset -e\ncurl -fsSL u | sh\nEOF\n", applicability: 'unsafe' },
    { name: "a heredoc fed to sh -e: no fix (sh may lack pipefail)", code: "FROM debian\nRUN sh -e <<EOF\n  wget -qO- u | tar -x\nEOF\n", errors: [{"text": "|", messageId: 'noPipefailScript'}], output: null },
    { name: "a heredoc fed to bash, indented: the set line keeps the indent", code: "FROM debian\nRUN bash <<EOF\n  wget -qO- u | tar -x\nEOF\n", errors: [{"text": "|", messageId: 'noPipefailScript'}], output: "FROM debian\nRUN bash <<EOF\n  set -o pipefail\n  wget -qO- u | tar -x\nEOF\n" },
    { name: "/bin/sh -o pipefail is not enough", code: "FROM a\nSHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n", errors: [{"text": "|"}] },
  ],
});
