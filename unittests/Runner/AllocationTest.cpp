//===- AllocationTest.cpp - No heap allocation inside a compiled call -----===//
//
// Interposes the C allocator (this binary's malloc family wins symbol
// resolution over libc's, for the JIT'd code and libomp too) and counts
// the calls made while a BoundCall of each example model runs 100 times.
// The temporaries live in the kernel's workspace: after the first call, the
// generated code and the runner must not allocate at all. LLVM's OpenMP
// runtime itself mallocs a few small blocks in each worksharing loop
// (__kmpc_for_static_init; glibc serves them from its thread cache, no page
// faults): those are told apart by the caller's library and reported, not
// failed. Its own binary: an interposed allocator does not mix with
// sanitizers or other tests. The DCGAN example runs in bf16 too: on a CPU
// with vdpbf16ps its filter copies differ (and were once mallocs).
//
//===----------------------------------------------------------------------===//

#include "tconv/Runner/Runner.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

#include <atomic>
#include <cstddef>
#include <cstdio>

#include <dlfcn.h>

extern "C" {
void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void *__libc_memalign(size_t, size_t);
void __libc_free(void *);
}

static std::atomic<bool> counting{false};
static std::atomic<long> allocations{0};
static std::atomic<long> openmpAllocations{0};
/// The load address of libomp.so, set before counting starts.
static void *openmpBase = nullptr;

static void count(void *caller) {
  if (!counting.load(std::memory_order_relaxed))
    return;
  Dl_info info;
  if (dladdr(caller, &info) && info.dli_fbase == openmpBase)
    openmpAllocations.fetch_add(1, std::memory_order_relaxed);
  else
    allocations.fetch_add(1, std::memory_order_relaxed);
}

extern "C" {
void *malloc(size_t size) {
  count(__builtin_return_address(0));
  return __libc_malloc(size);
}
void *calloc(size_t count_, size_t size) {
  count(__builtin_return_address(0));
  return __libc_calloc(count_, size);
}
void *realloc(void *ptr, size_t size) {
  count(__builtin_return_address(0));
  return __libc_realloc(ptr, size);
}
void *aligned_alloc(size_t alignment, size_t size) {
  count(__builtin_return_address(0));
  return __libc_memalign(alignment, size);
}
void *memalign(size_t alignment, size_t size) {
  count(__builtin_return_address(0));
  return __libc_memalign(alignment, size);
}
int posix_memalign(void **ptr, size_t alignment, size_t size) {
  count(__builtin_return_address(0));
  *ptr = __libc_memalign(alignment, size);
  return *ptr ? 0 : 12; // ENOMEM
}
void free(void *ptr) { __libc_free(ptr); }
}

using namespace mlir::tconv;

namespace {
struct Model {
  const char *file;
  bool bf16;
};
class ExampleModel : public testing::TestWithParam<Model> {};
} // namespace

TEST_P(ExampleModel, CallsDoNotAllocate) {
  std::string path =
      std::string(TCONV_SOURCE_DIR) + "/examples/models/" + GetParam().file;
  auto source = llvm::MemoryBuffer::getFile(path);
  ASSERT_TRUE(static_cast<bool>(source)) << path;
  std::string text = (*source)->getBuffer().str();
  for (size_t at = 0;
       GetParam().bf16 && (at = text.find("f32", at)) != std::string::npos;
       at += 4)
    text.replace(at, 3, "bf16");
  RunnerOptions options;
  options.threads = 2;
  auto kernel = Kernel::compile(text, path, options);
  ASSERT_TRUE(static_cast<bool>(kernel)) << llvm::toString(kernel.takeError());
  EXPECT_GT((*kernel)->getWorkspaceBytes(), 0);
  // Liveness lets the temporaries share memory.
  EXPECT_LT((*kernel)->getWorkspaceBytes(), (*kernel)->getTemporaryBytes());

  llvm::SmallVector<HostTensor> arguments;
  for (const HostTensorType &type : (*kernel)->getSignature().arguments) {
    arguments.emplace_back(type);
    fillUniform(arguments.back(), arguments.size());
  }
  llvm::SmallVector<HostTensor> results = (*kernel)->allocateResults();
  auto call = (*kernel)->bind(arguments, results);
  ASSERT_TRUE(static_cast<bool>(call)) << llvm::toString(call.takeError());
  (*call)();
  Dl_info info;
  void *openmp = dlsym(RTLD_DEFAULT, "omp_get_max_threads");
  ASSERT_TRUE(openmp && dladdr(openmp, &info)) << "libomp is not loaded";
  openmpBase = info.dli_fbase;

  allocations = 0;
  openmpAllocations = 0;
  counting = true;
  for (int i = 0; i < 100; ++i)
    (*call)();
  counting = false;
  EXPECT_EQ(allocations.load(), 0) << "heap allocations in 100 calls";
  std::printf("%s%s: %ld allocations by libomp in 100 calls\n",
              GetParam().file, GetParam().bf16 ? " in bf16" : "",
              openmpAllocations.load());
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleModel,
                         testing::Values(Model{"fcnn.mlir", false},
                                         Model{"dcgan.mlir", false},
                                         Model{"dcgan.mlir", true},
                                         Model{"autoencoder.mlir", false},
                                         Model{"vocoder.mlir", false}),
                         [](const testing::TestParamInfo<Model> &info) {
                           std::string name = info.param.file;
                           name = name.substr(0, name.find('.'));
                           return info.param.bf16 ? name + "_bf16" : name;
                         });
