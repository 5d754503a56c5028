#include "elementwise.h"

#include <omp.h>

#include <cmath>

namespace convnet {
namespace {

int teamSize(int64_t values) { return values >= 65536 ? omp_get_max_threads() : 1; }

}  // namespace

void reluGrad(const Heap& heap, const Params& p) {
  const int64_t size = p.integer(3);
  const float* dy = heap.floats(p.at(0), size, "reluGrad dy");
  const float* x = heap.floats(p.at(1), size, "reluGrad x");
  float* dx = heap.floats(p.at(2), size, "reluGrad dx");
#pragma omp parallel for schedule(static) num_threads(teamSize(size))
  for (int64_t i = 0; i < size; i++) {
    const float step = std::isnan(x[i]) ? x[i] : (x[i] > 0.f ? 1.f : 0.f);
    dx[i] = dy[i] * step;
  }
}

void adamUpdate(const Heap& heap, const Params& p) {
  const int64_t size = p.integer(7);
  const float* value = heap.floats(p.at(0), size, "adam value");
  const float* m = heap.floats(p.at(1), size, "adam m");
  const float* v = heap.floats(p.at(2), size, "adam v");
  const float* g = heap.floats(p.at(3), size, "adam gradient");
  float* newValue = heap.floats(p.at(4), size, "adam new value");
  float* newM = heap.floats(p.at(5), size, "adam new m");
  float* newV = heap.floats(p.at(6), size, "adam new v");
  // Each constant is the float32 scalar tfjs makes of the same JavaScript number.
  const float beta1 = static_cast<float>(p.at(8)), keep1 = static_cast<float>(1 - p.at(8));
  const float beta2 = static_cast<float>(p.at(9)), keep2 = static_cast<float>(1 - p.at(9));
  const float correction1 = static_cast<float>(p.at(10)), correction2 = static_cast<float>(p.at(11));
  const float epsilon = static_cast<float>(p.at(12)), step = static_cast<float>(-p.at(13));
#pragma omp parallel for schedule(static) num_threads(teamSize(size))
  for (int64_t i = 0; i < size; i++) {
    const float mi = m[i] * beta1 + g[i] * keep1;
    const float vi = v[i] * beta2 + (g[i] * g[i]) * keep2;
    newM[i] = mi;
    newV[i] = vi;
    newValue[i] = ((mi / correction1) / (std::sqrt(vi / correction2) + epsilon)) * step + value[i];
  }
}

}  // namespace convnet
