#include "matmul.h"

#include <algorithm>
#include <unordered_map>

#include "activation.h"
#include "context.h"
#include "primitive-cache.h"

namespace convnet {
namespace {

using dnnl::memory;
constexpr auto kF32 = memory::data_type::f32;

struct Product {
  dnnl::matmul primitive;
  memory a, b, c, bias;
};

PrimitiveCache<Product>& cache = *new PrimitiveCache<Product>();  // never destroyed (see context.cc)

}  // namespace

void matMul(const Heap& heap, const Params& p) {
  const double aOffset = p.at(0), bOffset = p.at(1), cOffset = p.at(2), biasOffset = p.at(3);
  const int64_t batchA = p.integer(4), batchB = p.integer(5), m = p.integer(6), k = p.integer(7), n = p.integer(8);
  const int64_t transposeA = p.integer(9), transposeB = p.integer(10), activation = p.integer(11);
  const float alpha = static_cast<float>(p.at(12));
  const bool hasBias = biasOffset >= 0;
  for (int64_t v : {batchA, batchB, m, k, n}) {
    if (v < 1) throw NapiError("convnet-native: matMul sizes must be positive");
  }
  if (batchA != batchB && batchA != 1 && batchB != 1) throw NapiError("convnet-native: matMul batches must match or be 1");
  const int64_t batch = std::max(batchA, batchB);
  const std::string key = cacheKey({batchA, batchB, m, k, n, transposeA, transposeB, activation, static_cast<int64_t>(alpha * 1e6f), hasBias});
  Product& e = cache.get(key, [&] {
    const memory::desc a({batchA, m, k}, kF32, transposeA ? memory::dims{m * k, 1, m} : memory::dims{m * k, k, 1});
    const memory::desc b({batchB, k, n}, kF32, transposeB ? memory::dims{k * n, 1, k} : memory::dims{k * n, n, 1});
    const memory::desc c({batch, m, n}, kF32, memory::dims{m * n, n, 1});
    const memory::desc bias = hasBias ? memory::desc({1, 1, n}, kF32, memory::dims{n, n, 1}) : memory::desc();
    dnnl::matmul::desc desc(a, b, bias, c);
    dnnl::matmul::primitive_desc pd(desc, activationAttr(activation, alpha), cpuEngine());
    auto unbound = [](const memory::desc& d) { return memory(d, cpuEngine(), DNNL_MEMORY_NONE); };
    return Product{dnnl::matmul(pd), unbound(a), unbound(b), unbound(c), hasBias ? unbound(bias) : memory()};
  });
  e.a.set_data_handle(heap.floats(aOffset, batchA * m * k, "matMul a"));
  e.b.set_data_handle(heap.floats(bOffset, batchB * k * n, "matMul b"));
  e.c.set_data_handle(heap.floats(cOffset, batch * m * n, "matMul output"));
  std::unordered_map<int, memory> args{{DNNL_ARG_SRC, e.a}, {DNNL_ARG_WEIGHTS, e.b}, {DNNL_ARG_DST, e.c}};
  if (hasBias) {
    e.bias.set_data_handle(heap.floats(biasOffset, n, "matMul bias"));
    args.insert({DNNL_ARG_BIAS, e.bias});
  }
  auto& stream = cpuStream();
  e.primitive.execute(stream, args);
  stream.wait();
}

}  // namespace convnet
