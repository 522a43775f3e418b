# -*- Python -*-
# Runs every Google Test binary in <build>/unittests whose name ends in
# "Tests" (see unittests/CMakeLists.txt); each TEST is one lit result.
import os

import lit.formats

config.name = "TCONV-Unit"
config.suffixes = []
config.test_exec_root = os.path.join(config.tconv_obj_root, "unittests")
config.test_source_root = config.test_exec_root
config.test_format = lit.formats.GoogleTest(".", "Tests")

# ASan+UBSan build (make check-sanitize): a report fails the test.
if config.llvm_use_sanitizer:
    for name in ["ASAN_OPTIONS", "UBSAN_OPTIONS", "ASAN_SYMBOLIZER_PATH"]:
        if name in os.environ:
            config.environment[name] = os.environ[name]
    config.environment.setdefault(
        "ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1")
    config.environment.setdefault(
        "UBSAN_OPTIONS", "halt_on_error=1:abort_on_error=1:print_stacktrace=1")
