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
