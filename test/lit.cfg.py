# -*- Python -*-
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "TCONV"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.tconv_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%shlibext", config.llvm_shlib_ext))
config.substitutions.append(("%tconv_src", config.tconv_src_root))
# Runtime libraries for executing lowered models with mlir-runner.
config.substitutions.append(
    (
        "%mlir_runner_libs",
        ",".join(
            os.path.join(config.llvm_tools_dir, "..", "lib", lib + config.llvm_shlib_ext)
            for lib in ["libmlir_c_runner_utils", "libmlir_runner_utils", "libomp"]
        ),
    )
)

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])

# ASan+UBSan build (make check-sanitize): any report fails the test, also
# under `not` (an abort is a crash). Skipped there: the plugin and the
# installed package, loaded by uninstrumented programs (mlir-opt, a
# consumer's build), the docs' commands (they load the plugin too), and the
# benchmark harness's timing loops (test/bench), minutes under ASan for what
# the Release run already checks.
if "asan" in config.available_features:
    config.excludes += ["plugin", "embed", "bench", "docs"]
    config.environment.setdefault(
        "ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1")
    config.environment.setdefault(
        "UBSAN_OPTIONS", "halt_on_error=1:abort_on_error=1:print_stacktrace=1")
# CPU features of the host, which tconv-run's JIT compiles for.
try:
    with open("/proc/cpuinfo") as cpuinfo:
        if "avx512_bf16" in cpuinfo.read().split():
            config.available_features.add("host-avx512bf16")
except OSError:
    pass

# PyTorch and ONNX for Debian's /usr/bin/python3 (python3-torch,
# python3-onnx): bench/models.py, which make bench-models runs, needs them.
try:
    import subprocess
    probe = subprocess.run(
        ["/usr/bin/python3", "-c",
         "import importlib.util as u, sys; "
         "sys.exit(not (u.find_spec('torch') and u.find_spec('onnx')))"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if probe.returncode == 0:
        config.available_features.add("python3-torch")
except OSError:
    pass

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

tool_dirs = [config.tconv_tools_dir, config.llvm_tools_dir]
tools = ["tconv-opt", "tconv-run", "mlir-opt", "mlir-translate", "mlir-runner",
         "tconv-compile", "tconv-bench", "tconv-difftest", "llvm-nm",
         "tconv-import-onnx", "tconv-onnx-conformance"]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# Embedding, plugin and AOT tests (docs/embedding.md).
config.substitutions.append(("%tconv_obj", config.tconv_obj_root))
config.substitutions.append(
    ("%tconv_plugin", os.path.join(config.tconv_libs_dir, "TConvPlugin.so")))
config.substitutions.append(("%cmake", config.cmake_command))
config.substitutions.append(("%generator", config.cmake_generator))
config.substitutions.append(("%make_program", config.make_program))
config.substitutions.append(("%cc", config.c_compiler))
config.substitutions.append(("%cxx", config.cxx_compiler))
config.substitutions.append(("%llvm_libs", os.path.join(
    os.path.dirname(config.llvm_tools_dir), "lib")))
