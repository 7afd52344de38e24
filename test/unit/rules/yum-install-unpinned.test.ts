// Table tests for DL3033 yum-install-unpinned.
import rule from '../../../server/src/core/rules/dockerfile/yum-install-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM centos:7\nRUN yum install -y tomcat-9.2\n",
    "FROM centos:7\nRUN yum install -y openssl-1:1.1.1k gcc-c++-1.1.1 ./local.rpm\n",
    "FROM centos:7\nENV V=2.51.0\nRUN yum install -y git-core-${V}\n",
    "FROM centos:7\nARG V\nRUN yum install -y git-core-$V\n",
    "FROM centos:7\nRUN yum module install -y tomcat:9\n",
  ],
  invalid: [
    { name: "reports each unpinned package at its name", code: "FROM centos:7\nRUN yum install -y tomcat python3-devel-3.9.1 rpm-sign\n", errors: [{"text": "tomcat"}, {"text": "rpm-sign"}] },
    { name: "a module without a stream", code: "FROM centos:7\nRUN yum module install -y nodejs\n", errors: [{"text": "nodejs"}] },
    { name: "an ENV from an unrelated stage does not pin", code: "FROM centos:7\nFROM centos:7 AS a\nENV V=1.0\nFROM centos:7\nRUN yum install -y git-${V}\n", errors: [{"text": "git-${V}"}] },
  ],
});
