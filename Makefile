# Everything a new user needs, on a fresh Debian 12 machine, as root:
#   make demo    install missing packages, build, run an example model
#   make check   the same, then every test
#   make check-sanitize   lit suite and unit tests on an ASan+UBSan build
#   make fuzz    libFuzzer targets and the long differential test
#   make bench-models   the example models against PyTorch (and ONNX Runtime)
LLVM_PREFIX := /usr/lib/llvm-22
BUILD_DIR   := build
PREFIX      ?= /usr/local
PACKAGES    := cmake ninja-build llvm-22-dev llvm-22-tools libmlir-22-dev \
               mlir-22-tools clang-22 lld-22 libomp-22-dev libdnnl-dev \
               libpng-dev libgtest-dev libbenchmark-dev \
               libonnx-dev libprotobuf-dev libonnx-testdata libclang-rt-22-dev \
               libxnnpack-dev libpthreadpool-dev
CMAKE_FLAGS := -G Ninja -DCMAKE_BUILD_TYPE=Release \
               -DCMAKE_C_COMPILER=$(LLVM_PREFIX)/bin/clang \
               -DCMAKE_CXX_COMPILER=$(LLVM_PREFIX)/bin/clang++ \
               -DLLVM_USE_LINKER=lld \
               -DLLVM_ENABLE_ASSERTIONS=ON \
               -DMLIR_DIR=$(LLVM_PREFIX)/lib/cmake/mlir \
               -DLLVM_EXTERNAL_LIT=$(LLVM_PREFIX)/bin/lit

.PHONY: all deps configure build demo check check-sanitize fuzz bench bench-models bench-aot clean \
        install

all: build

deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

$(BUILD_DIR)/build.ninja:
	$(MAKE) deps
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS)

configure: deps
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR)

demo: build
	$(BUILD_DIR)/bin/tconv-run examples/seed/transpose-1d.mlir --print --verify
	$(BUILD_DIR)/bin/tconv-run examples/models/fcnn.mlir --random-inputs --verify --print --bench=10

check: build
	cmake --build $(BUILD_DIR) --target check-tconv

# ASan+UBSan build of the libraries, tools and unit tests (JIT-compiled code
# is not instrumented); runs every unit test and the lit suite but
# test/plugin, test/embed (tconv loaded into uninstrumented programs) and
# test/bench (timing loops); sanitizer options in test/lit.cfg.py (any
# report fails its test).
SANITIZE_DIR := build-sanitize
check-sanitize: deps
	cmake -S . -B $(SANITIZE_DIR) $(CMAKE_FLAGS) \
	  -DLLVM_USE_SANITIZER='Address;Undefined'
	cmake --build $(SANITIZE_DIR) --target check-tconv

# libFuzzer targets on an ASan+UBSan build with coverage (fuzz/), each for
# FUZZ_SECONDS, from a copy of the committed seed corpus; then the
# differential test on DIFF_MODULES more modules. Fails on any finding
# (reproducers land in build-fuzz/findings).
FUZZ_DIR     := build-fuzz
FUZZ_SECONDS ?= 60
DIFF_MODULES ?= 500
FUZZ_TARGETS := npy png module onnx
fuzz: build
	cmake -S . -B $(FUZZ_DIR) $(CMAKE_FLAGS) -DTCONV_ENABLE_FUZZERS=ON \
	  -DLLVM_USE_SANITIZER='Address;Undefined' -DLLVM_USE_SANITIZE_COVERAGE=ON
	cmake --build $(FUZZ_DIR) --target tconv-fuzzers
	mkdir -p $(FUZZ_DIR)/findings
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$t && \
	  ASAN_OPTIONS=detect_leaks=0 \
	  UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
	  $(FUZZ_DIR)/bin/tconv-fuzz-$$t $(FUZZ_DIR)/corpus/$$t fuzz/corpus/$$t \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=60 -rss_limit_mb=4096 \
	    -artifact_prefix=$(FUZZ_DIR)/findings/$$t- || exit 1; \
	done
	$(BUILD_DIR)/bin/tconv-difftest --seed=$$(date +%s) --modules=$(DIFF_MODULES)

# Headers, libraries, tools, the mlir-opt plugin and lib/cmake/tconv
# (docs/embedding.md).
install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# tconv against oneDNN and XNNPACK on the shapes of bench/README.md; about ten
# minutes of run time.
# Writes bench/results.md and bench/results.json. Options, e.g.:
#   make bench BENCH_FLAGS="--shapes=T1,C2 --threads=1 --min-time=0.5"
# No environment tuning: the numbers are what a user gets.
BENCH_FLAGS ?=
bench: build
	$(BUILD_DIR)/bin/tconv-bench --report=bench/results.md \
	  --json=bench/results.json $(BENCH_FLAGS)

# The example models (examples/onnx, examples/models) through tconv-run
# against PyTorch 1.13 (Debian's python3-torch; Python is needed here only)
# at 1 and 2 threads, interleaved rounds; writes bench/models.md. With
# ORT=DIR (`npm install --ignore-scripts onnxruntime-node` in DIR, node from
# Debian), ONNX Runtime too. Options, e.g. MODELS_FLAGS="--rounds=9".
MODELS_FLAGS ?=
bench-models: build
	/usr/bin/python3 bench/models.py --tconv-run=$(BUILD_DIR)/bin/tconv-run \
	  --report=bench/models.md $(if $(ORT),--ort=$(ORT)) $(MODELS_FLAGS)

# tconv-bench problems compiled by tconv-compile and called from C, against
# tconv-run --bench on the same model, in alternating rounds: what an
# embedder gets next to what tconv-run reports. AOT_FLAGS: SHAPES (all or
# T2,C1) THREADS ROUNDS SECONDS.
AOT_FLAGS ?= all 1 3 1
bench-aot: build
	BUILD_DIR=$(BUILD_DIR) bench/aot-vs-jit.sh $(AOT_FLAGS)

clean:
	rm -rf $(BUILD_DIR)
