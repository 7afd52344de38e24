// Table tests for DL4006 pipe-without-pipefail.
import rule from '../../../server/src/core/rules/dockerfile/pipe-without-pipefail';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM a\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n",
    "FROM a AS base\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nFROM base\nRUN a | b\n",
    "FROM a\nSHELL [\"pwsh\", \"-c\"]\nRUN a | b\n",
    "FROM a\nRUN a || b\n",
  ],
  invalid: [
    { name: "inserts SHELL with pipefail (unsafe)", code: "FROM debian\nRUN curl -fsSL u | tar -xz\n", errors: [{"text": "|"}], output: "FROM debian\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL u | tar -xz\n", applicability: 'unsafe' },
    { name: "ash on Alpine", code: "FROM alpine:3.20\nRUN a | b\n", errors: [{"text": "|"}], output: "FROM alpine:3.20\nSHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n" },
    { name: "/bin/sh -o pipefail is not enough", code: "FROM a\nSHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n", errors: [{"text": "|"}] },
  ],
});
