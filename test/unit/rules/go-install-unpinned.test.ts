// Table tests for DL3062 go-install-unpinned.
import rule from '../../../server/src/core/rules/dockerfile/go-install-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM golang\nRUN go install example.com/x@v1.2.3 ./cmd/... .\n",
    "FROM golang\nRUN go run example.com/x@v1.2.3 --flag arg\n",
    "FROM golang\nRUN go build ./...\n",
  ],
  invalid: [
    { name: "no version and @latest", code: "FROM golang\nRUN go install example.com/a example.com/b@latest\n", errors: [{"text": "example.com/a"}, {"text": "example.com/b@latest"}] },
    { name: "go get -tool", code: "FROM golang\nRUN go get -tool golang.org/x/tools/cmd/stringer\n", errors: [{"text": "golang.org/x/tools/cmd/stringer"}] },
  ],
});
